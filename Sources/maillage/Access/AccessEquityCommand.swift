import ArgumentParser
import Foundation
import MaillageAccess
import MaillageCore
import MaillageFormats
import MaillageIO
import MaillageStore

/// `maillage access equity`: how unequal a stored indicator run is between people, and where.
struct AccessEquityCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "equity",
        abstract: "Inequality (Gini, Theil with decomposition, Palma, concentration index) and access deserts (Moran's I, LISA) of an indicator run.",
        discussion: """
            Measures are population-weighted (--weights none counts each zone once). Zones whose value is undefined are \
            left out and counted. --out FILE.csv writes one row per measure (measure, group, value); FILE.json writes \
            everything, including the Lorenz curve and the local Moran of each zone; --zones-out writes the local Moran \
            per zone as CSV or GeoJSON, for a map of the clusters (HH, LL, HL, LH).
            Example: maillage access equity --db out/demo.db --run 2 --by density --out equity.json --zones-out lisa.geojson
            """
    )

    @Option(help: "The territory database.") var db: String
    @Option(help: "The indicator run to analyse (its id, as 'maillage access' prints it).") var run: Int64
    @Option(help: "The run's value column, when it has several numeric ones.") var column: String?
    @Option(help: "A second run on the same zones (a scenario's): the change of each measure from --run to it, with paired bootstrap intervals.")
    var against: Int64?
    @Option(help: "Bootstrap resamples of the zones for the intervals of --against.") var bootstrap: Int = 999
    @Option(help: "Groups of the Theil decomposition: departement, density, or an attribute (population, share.75+…) cut in quintiles.")
    var by: String = "departement"
    @Option(help: "Who counts: population (each zone for its inhabitants) or none (each zone once).") var weights: String = "population"
    @Option(help: "The concentration index's ranking attribute (default share.75+ when age bands are known).") var rankBy: String?
    @Option(help: "Thresholds for the share of people below, comma-separated (default: half the mean and the mean).") var thresholds: String?
    @Option(help: "Spatial weights of Moran's I: auto (queen if every zone has an outline), queen, distance or distance:KM.")
    var spatial: String = "auto"
    @Option(help: "Permutations for the pseudo p-values (0 = none).") var permutations: Int = 999
    @Option(help: "Seed of the permutations.") var seed: UInt64 = 12_345
    @Option(help: "Significance level of the LISA clusters.") var significance: Double = 0.05
    @Option(help: "The results file: .csv or .json.") var out: String
    @Option(help: "Also write the local Moran of each zone: .csv or .geojson.") var zonesOut: String?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        let lower = out.lowercased()
        guard lower.hasSuffix(".csv") || lower.hasSuffix(".json") else { throw ValidationError("--out must end in .csv or .json (got '\(out)').") }
        if let zonesOut, !(zonesOut.lowercased().hasSuffix(".csv") || zonesOut.lowercased().hasSuffix(".geojson")) {
            throw ValidationError("--zones-out must end in .csv or .geojson (got '\(zonesOut)').")
        }
        guard EquityAnalysis.Weighting(rawValue: weights) != nil else { throw ValidationError("--weights must be population or none.") }
        guard bootstrap >= 0, bootstrap <= 1_000_000 else { throw ValidationError("--bootstrap must be between 0 and 1000000.") }
        guard permutations >= 0, permutations <= 1_000_000 else { throw ValidationError("--permutations must be between 0 and 1000000.") }
        guard significance > 0, significance < 1 else { throw ValidationError("--significance must be between 0 and 1.") }
    }

    func execute() throws {
        try OutputGuard.check(outputs: [out] + (zonesOut.map { [$0] } ?? []), role: "--out", against: OutputGuard.Input.database(db))
        var options = EquityAnalysis.Options()
        do {
            options.weighting = EquityAnalysis.Weighting(rawValue: weights) ?? .population
            options.grouping = try ZoneGrouping.parse(by)
            options.rankBy = try rankBy.map(ZoneAttribute.parse)
            options.neighbourhood = try EquityAnalysis.Neighbourhood.parse(spatial)
        } catch let error as AccessError {
            throw CommandError(message: error.description, category: .usage)
        }
        options.thresholds = try (thresholds ?? "").split(separator: ",").map { text in
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
                throw CommandError(message: "--thresholds: '\(text)' is not a number", category: .usage)
            }
            return value
        }
        options.permutations = permutations
        options.seed = seed
        options.significance = significance

        let database = try TerritoryDatabase.open(at: db)
        guard let stored = try database.indicatorRun(id: run) else {
            let known = try database.indicatorRunHeaders().map { "\($0.id) (\($0.method))" }
            throw CommandError(message: "\(db) has no indicator run \(run); it has \(known.isEmpty ? "none" : known.joined(separator: ", "))",
                               category: .usage)
        }
        let name = try valueColumn(of: stored, id: run)
        let territory = try database.loadTerritory()
        let byID = Dictionary(stored.values.map { ($0.zoneID, $0.numbers[name] ?? nil) }, uniquingKeysWith: { a, _ in a })
        let zones = territory.zones.filter { byID[$0.id] != nil }
        let values = zones.map { (byID[$0.id] ?? nil) ?? .nan }
        var report = try EquityAnalysis.run(zones: zones, values: values, options: options)
        if let against {
            guard let other = try database.indicatorRun(id: against) else {
                throw CommandError(message: "\(db) has no indicator run \(against) (--against)", category: .usage)
            }
            let otherColumn = Set(other.values.flatMap(\.numbers.keys)).contains(name) ? name : try valueColumn(of: other, id: against)
            let otherByID = Dictionary(other.values.map { ($0.zoneID, $0.numbers[otherColumn] ?? nil) }, uniquingKeysWith: { a, _ in a })
            let alternative = zones.map { (otherByID[$0.id] ?? nil) ?? .nan }
            report.changes = try EquityChange.compute(zones: zones, baseline: values, alternative: alternative, options: options, resamples: bootstrap)
        }
        try write(report, method: stored.method, column: name)
        if let zonesOut { try writeZones(report, zones: territory.zones, to: zonesOut) }
        for note in report.notes { global.status("note: \(note)") }
        global.status(String(format: "run %lld %@.%@: Gini %.4f, Theil %.4f (between %@ %.4f), Palma %.3f, Moran's I %@ → %@",
                             run, stored.method, name, report.gini, report.theil.total, report.grouping, report.theil.between,
                             report.palma, report.moran.map { String(format: "%.4f (p %.3f)", $0.i, $0.pPermutation ?? $0.pNormal) } ?? "n/a", out))
    }

    /// The value column: the one asked for, else the run's only numeric column.
    private func valueColumn(of stored: IndicatorRun, id: Int64) throws -> String {
        let names = Set(stored.values.flatMap(\.numbers.keys)).sorted()
        if let column {
            guard names.contains(column) else {
                throw CommandError(message: "run \(id) has no column '\(column)'; it has \(names.joined(separator: ", "))", category: .usage)
            }
            return column
        }
        let preferred = names.filter { !["covered", "catchment_beyond_loaded_sites"].contains($0) }
        guard let only = preferred.count == 1 ? preferred.first : (names.count == 1 ? names.first : nil) else {
            throw CommandError(message: "run \(id) has \(names.isEmpty ? "no numeric column" : "several columns (\(names.joined(separator: ", ")))"); choose one with --column",
                               category: names.isEmpty ? .data : .usage)
        }
        return only
    }

    private func write(_ report: EquityReport, method: String, column: String) throws {
        if out.lowercased().hasSuffix(".json") {
            let encoder = JSONText.encoder(pretty: true, keys: .snakeCase, nonFinite: .javaScript)
            struct Document: Encodable {
                let run: Int64, method: String, column: String, equity: EquityReport, clusterCounts: [String: Int]
            }
            let data = try encoder.encode(Document(run: run, method: method, column: column, equity: report, clusterCounts: report.clusterCounts))
            try TextFile.write(String(decoding: data, as: UTF8.self) + "\n", to: out)
        } else {
            let rows = report.rows.map { [$0.measure, $0.group, $0.value.map(Self.number) ?? ""] }
            try ZoneTableWriter.writeRows(header: ["measure", "group", "value"], rows: rows, to: out)
        }
    }

    private static func number(_ value: Double) -> String { NumberText.format(value) }

    private func writeZones(_ report: EquityReport, zones: [Zone], to path: String) throws {
        let table = ZoneTable(zoneIDs: report.lisa.map(\.zoneID), columns: [
            .init(name: "value", values: .numbers(report.lisa.map(\.value))),
            .init(name: "local_i", values: .numbers(report.lisa.map(\.localI))),
            .init(name: "quadrant", values: .texts(report.lisa.map(\.quadrant.rawValue))),
            .init(name: "p_permutation", values: .numbers(report.lisa.map { $0.pPermutation ?? .nan })),
            .init(name: "cluster", values: .texts(report.lisa.map { $0.cluster?.rawValue ?? "not_significant" })),
        ])
        try ZoneTableWriter.write(table, to: path, zones: zones)
    }
}
