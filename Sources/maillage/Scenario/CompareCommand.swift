import ArgumentParser
import Foundation
import MaillageCore
import MaillageIO
import MaillageScenario
import MaillageStore

/// `maillage compare BASE ALT…`: what each alternative changes, indicator by indicator.
struct CompareCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare scenarios with the baseline: differences per zone and for the territory, with 95 % intervals.",
        discussion: """
            Accessibility indicators are deterministic: an interval is the difference itself, significant when not 0. \
            The exit code says whether it ran, never whether a difference was found. \
            Example: maillage compare base.yaml close-ed.yaml --out out/compare --json
            """
    )

    @Argument(help: "The baseline scenario, then one or more alternatives.") var files: [String]
    @Option(help: "The folder to write comparison.csv and one GeoJSON per alternative into.") var out: String
    @Flag(help: "Print the territory-wide differences as JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard files.count >= 2 else { throw ValidationError("give a baseline and at least one alternative scenario.") }
    }

    func execute() throws {
        let base = try runOne(files[0])
        var rows: [[String]] = []
        var territoryRows: [[String: Any]] = []
        for file in files.dropFirst() {
            let alternative = try runOne(file)
            let comparison = ScenarioComparison(baseline: base.name, alternative: alternative.name,
                                                base: [base.results], alt: [alternative.results])
            rows += comparison.rows.map { Self.csvRow(alternative.name, $0) }
            territoryRows += comparison.rows.filter { $0.zoneID == "*" }.map { Self.summary(alternative.name, $0) }
            try writeGeoJSON(comparison, zones: alternative.territory.zones)
            for row in comparison.rows where row.zoneID == "*" { global.status(Self.line(alternative.name, row)) }
        }
        try ZoneTableWriter.writeRows(
            header: ["alternative", "indicator", "zone_id", "baseline", "alternative_value", "difference", "lower", "upper",
                     "p_value", "significant", "fdr_significant"],
            rows: rows, to: out + "/comparison.csv"
        )
        if json { print(ScenarioFiles.jsonText(["baseline": base.name, "differences": territoryRows])) }
    }

    private func runOne(_ file: String) throws -> (name: String, results: [ScenarioRunner.IndicatorResult], territory: Territory) {
        let scenarios = try ScenarioLoader.load(file)
        guard scenarios.count == 1, let scenario = scenarios.first else {
            throw CommandError(message: "\(file) is a sweep of \(scenarios.count) scenarios; compare takes one scenario per file", status: .usage)
        }
        let territory = try TerritoryDatabase.open(at: scenario.territoryPath).loadTerritory()
        return (scenario.name, try ScenarioRunner.run(scenario, on: territory), territory)
    }

    private func writeGeoJSON(_ comparison: ScenarioComparison, zones: [Zone]) throws {
        let zoneRows = comparison.rows.filter { $0.zoneID != "*" }
        let indicators = Array(Set(zoneRows.map(\.indicator))).sorted()
        let ids = zones.map(\.id)
        var columns: [ZoneTable.Column] = []
        for indicator in indicators {
            let byZone = Dictionary(zoneRows.filter { $0.indicator == indicator }.map { ($0.zoneID, $0) }, uniquingKeysWith: { a, _ in a })
            columns.append(.init(name: "\(indicator)_difference", values: .numbers(ids.map { byZone[$0]?.difference.difference ?? .nan })))
            columns.append(.init(name: "\(indicator)_significant", values: .numbers(ids.map { byZone[$0].map { $0.difference.isSignificant ? 1 : 0 } ?? .nan })))
        }
        try ZoneTableWriter.writeGeoJSON(ZoneTable(zoneIDs: ids, columns: columns),
                                         to: out + "/\(ScenarioFiles.safeName(comparison.alternative)).geojson", zones: zones)
    }

    private static func number(_ value: Double) -> String { value.isNaN ? "" : NumberText.format(value) }

    private static func csvRow(_ alternative: String, _ row: ScenarioComparison.Row) -> [String] {
        let d = row.difference
        return [alternative, row.indicator, row.zoneID, number(d.baseline), number(d.alternative), number(d.difference),
                number(d.lower), number(d.upper), number(d.pValue), d.isSignificant ? "1" : "0", row.discovery ? "1" : "0"]
    }

    private static func summary(_ alternative: String, _ row: ScenarioComparison.Row) -> [String: Any] {
        let d = row.difference
        return ["alternative": alternative, "indicator": row.indicator, "baseline": d.baseline, "alternative_value": d.alternative,
                "difference": d.difference, "lower": d.lower, "upper": d.upper, "significant": d.isSignificant]
    }

    private static func line(_ alternative: String, _ row: ScenarioComparison.Row) -> String {
        let d = row.difference
        return String(format: "%@ %@: %.6g → %.6g (%+.6g, 95 %% CI %.6g … %.6g)%@", alternative, row.indicator,
                      d.baseline, d.alternative, d.difference, d.lower, d.upper, d.isSignificant ? " *" : "")
    }
}
