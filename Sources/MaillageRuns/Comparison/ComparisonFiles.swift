import Foundation
import MaillageCore
import MaillageFormats
import MaillageIO
import MaillageScenario
import MaillageSim

/// What `compare` and `merge` write: the same bytes whether the jobs ran here or in shards.
///
/// comparison.csv (every difference, territory `*` and per zone), comparison.json (scenarios'
/// values with intervals and the territory differences), replications.csv (each replication's
/// territory values) and one GeoJSON of zone differences per alternative.
public enum ComparisonFiles {
    /// The columns of comparison.csv.
    public static let header = [
        "alternative", "indicator", "zone_id", "baseline", "alternative_value", "difference", "lower", "upper",
        "p_value", "significant", "fdr_significant", "source",
    ]

    /// The names of the files `write` and `CompareCommand.write` put into the folder, for these scenarios
    /// (the baseline first); throws when an alternative's name cannot be a file name.
    public static func fileNames(_ scenarios: [Scenario]) throws -> [String] {
        ["comparison.csv", "replications.csv", "comparison.json", "provenance.json"]
            + (try scenarios.dropFirst().map { try ScenarioFiles.safeName($0.name, file: $0.file) + ".geojson" })
    }

    /// Writes comparison.csv, replications.csv, comparison.json and each alternative's GeoJSON into `folder`.
    public static func write(_ result: ScenarioComparisonResult, zones: [Zone], to folder: String) throws {
        let url = URL(fileURLWithPath: folder)
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
        let rows = result.comparisons.flatMap { comparison in comparison.rows.map { csvRow(comparison.alternative, $0) }
        }
        try ZoneTableWriter.writeRows(header: header, rows: rows, to: path("comparison.csv"))
        try ZoneTableWriter.writeRows(
            header: ["scenario", "replication", "source", "indicator", "value"],
            rows: replicationRows(result), to: path("replications.csv"))
        try RunJSON.write(summary(result), to: path("comparison.json"))
        for comparison in result.comparisons {
            let name = try ScenarioFiles.safeName(
                comparison.alternative,
                file: result.plan.scenarios.first { $0.name == comparison.alternative }?.file ?? comparison.alternative)
            try writeGeoJSON(comparison, zones: zones, to: path("\(name).geojson"))
        }
    }

    /// comparison.json: what a script or the report reads.
    public static func summary(_ result: ScenarioComparisonResult) -> ComparisonSummary {
        let plan = result.plan
        let indicators = (result.outcomes.first?.series ?? []).map {
            ComparisonSummary.Indicator(name: $0.name, source: $0.source.rawValue)
        }
        let scenarios = result.outcomes.map { outcome in
            var estimates: [String: ComparisonSummary.Estimate] = [:]
            for series in outcome.series {
                let summary = StudentT.summary(series.territory)
                estimates[series.name] = .init(
                    mean: summary.mean, low: summary.low ?? summary.mean, high: summary.high ?? summary.mean,
                    values: series.territory, source: series.source.rawValue)
            }
            return ComparisonSummary.Scenario(name: outcome.name, estimates: estimates)
        }
        let differences = result.comparisons.flatMap { comparison in
            comparison.rows.filter { $0.zoneID == "*" }.map { row in
                let d = row.difference
                return ComparisonSummary.Difference(
                    alternative: comparison.alternative, indicator: row.indicator, source: row.source.rawValue,
                    baseline: d.baseline, alternativeValue: d.alternative, difference: d.difference, lower: d.lower,
                    upper: d.upper, pValue: d.pValue, significant: d.isSignificant, replications: d.replications
                )
            }
        }
        return ComparisonSummary(
            baseline: result.outcomes.first?.name ?? "", alternatives: result.comparisons.map(\.alternative),
            replications: plan.replications, seed: String(plan.seed), days: plan.scenarios.first?.days ?? 0,
            indicators: indicators, scenarios: scenarios, differences: differences
        )
    }

    /// A readable table of the territory-wide differences, one block per alternative.
    public static func table(_ result: ScenarioComparisonResult) -> String {
        var lines: [String] = []
        for comparison in result.comparisons {
            lines.append("\(comparison.alternative) against \(comparison.baseline):")
            let rows = comparison.rows.filter { $0.zoneID == "*" }
            let width = rows.map(\.indicator.count).max() ?? 10
            for row in rows {
                let d = row.difference
                let name = row.indicator.padding(toLength: width, withPad: " ", startingAt: 0)
                lines.append(
                    String(
                        format: "  %@  %12.6g → %-12.6g %+12.6g  [%.6g, %.6g]%@", name, d.baseline, d.alternative,
                        d.difference,
                        d.lower, d.upper, d.isSignificant ? "  *" : ""))
            }
        }
        lines.append(
            "* the 95 % interval (paired Student-t over \(result.plan.replications) replication(s)) excludes 0; accessibility is deterministic."
        )
        return lines.joined(separator: "\n")
    }

    private static func replicationRows(_ result: ScenarioComparisonResult) -> [[String]] {
        result.outcomes.flatMap { outcome in
            outcome.series.flatMap { series in
                series.territory.enumerated().map {
                    [outcome.name, String($0.offset + 1), series.source.rawValue, series.name, number($0.element)]
                }
            }
        }
    }

    private static func writeGeoJSON(_ comparison: ScenarioComparison, zones: [Zone], to path: String) throws {
        let zoneRows = comparison.rows.filter { $0.zoneID != "*" }
        var indicators: [String] = []
        for row in zoneRows where indicators.last != row.indicator { indicators.append(row.indicator) }
        let ids = zones.map(\.id)
        var columns: [ZoneTable.Column] = []
        for indicator in indicators {
            let byZone = Dictionary(
                zoneRows.filter { $0.indicator == indicator }.map { ($0.zoneID, $0) }, uniquingKeysWith: { a, _ in a })
            columns.append(
                .init(
                    name: "\(indicator)_difference",
                    values: .numbers(ids.map { byZone[$0]?.difference.difference ?? .nan })))
            columns.append(
                .init(
                    name: "\(indicator)_significant",
                    values: .numbers(ids.map { byZone[$0].map { $0.difference.isSignificant ? 1 : 0 } ?? .nan })))
            columns.append(
                .init(
                    name: "\(indicator)_fdr_significant",
                    values: .numbers(ids.map { byZone[$0].map { $0.discovery ? 1 : 0 } ?? .nan })))
        }
        try ZoneTableWriter.writeGeoJSON(ZoneTable(zoneIDs: ids, columns: columns), to: path, zones: zones)
    }

    private static func number(_ value: Double) -> String { value.isNaN ? "" : NumberText.format(value) }

    private static func csvRow(_ alternative: String, _ row: ScenarioComparison.Row) -> [String] {
        let d = row.difference
        return [
            alternative, row.indicator, row.zoneID, number(d.baseline), number(d.alternative), number(d.difference),
            number(d.lower), number(d.upper), number(d.pValue), d.isSignificant ? "1" : "0", row.discovery ? "1" : "0",
            row.source.rawValue,
        ]
    }
}
