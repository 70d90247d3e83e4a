import Foundation
import MaillageAccess
import MaillageCore
import MaillageFormats
import MaillageIO
import MaillageStore

/// Analyses the inequality and the access deserts of a stored indicator run and writes the
/// files: what `maillage access equity` runs.
public enum EquityRunner {
    /// What the analysis found, for the caller's summary line.
    public struct Outcome {
        /// Every measure, with the changes against the second run when there was one.
        public var report: EquityReport
        /// The run's method.
        public var method: String
        /// The value column analysed.
        public var column: String
    }

    /// Reads the run (and the one to compare with), analyses it, writes `out` and `zonesOut`.
    public static func run(_ request: EquityRequest, log: RunLog = .silent) throws -> Outcome {
        let outputs = [request.out] + (request.zonesOut.map { [$0] } ?? [])
        try OutputGuard.check(outputs: outputs, role: "--out", against: OutputGuard.Input.database(request.database))
        let database = try TerritoryDatabase.open(at: request.database)
        guard let stored = try database.indicatorRun(id: request.run) else {
            let known = try database.indicatorRunHeaders().map { "\($0.id) (\($0.method))" }
            throw EquityRunError(
                "\(request.database) has no indicator run \(request.run); it has "
                    + (known.isEmpty ? "none" : known.joined(separator: ", ")), category: .usage)
        }
        let name = try valueColumn(of: stored, id: request.run, asked: request.column)
        let territory = try database.loadTerritory()
        let byID = Dictionary(
            stored.values.map { ($0.zoneID, $0.numbers[name] ?? nil) },
            uniquingKeysWith: { a, _ in a })
        let zones = territory.zones.filter { byID[$0.id] != nil }
        let values = zones.map { (byID[$0.id] ?? nil) ?? .nan }
        var report = try EquityAnalysis.run(zones: zones, values: values, options: request.options)
        if let against = request.against {
            guard let other = try database.indicatorRun(id: against) else {
                throw EquityRunError(
                    "\(request.database) has no indicator run \(against)", category: .usage,
                    hint: SettingHint("against"))
            }
            let otherColumn =
                Set(other.values.flatMap(\.numbers.keys)).contains(name)
                ? name : try valueColumn(of: other, id: against, asked: request.column)
            let otherByID = Dictionary(
                other.values.map { ($0.zoneID, $0.numbers[otherColumn] ?? nil) },
                uniquingKeysWith: { a, _ in a })
            let alternative = zones.map { (otherByID[$0.id] ?? nil) ?? .nan }
            report.changes = try EquityChange.compute(
                zones: zones, baseline: values, alternative: alternative,
                options: request.options, resamples: request.bootstrap)
        }
        try write(report, request: request, method: stored.method, column: name)
        if let zonesOut = request.zonesOut { try writeZones(report, zones: territory.zones, to: zonesOut) }
        for note in report.notes { log.status("note: \(note)") }
        return Outcome(report: report, method: stored.method, column: name)
    }

    /// The value column: the one asked for, else the run's only numeric column (coverage flags aside).
    private static func valueColumn(of stored: IndicatorRun, id: Int64, asked: String?) throws -> String {
        let names = Set(stored.values.flatMap(\.numbers.keys)).sorted()
        if let asked {
            guard names.contains(asked) else {
                throw EquityRunError(
                    "run \(id) has no column '\(asked)'; it has \(names.joined(separator: ", "))",
                    category: .usage)
            }
            return asked
        }
        let preferred = names.filter { !["covered", "catchment_beyond_loaded_sites"].contains($0) }
        guard let only = preferred.count == 1 ? preferred.first : (names.count == 1 ? names.first : nil) else {
            if names.isEmpty { throw EquityRunError("run \(id) has no numeric column", category: .data) }
            throw EquityRunError(
                "run \(id) has several columns (\(names.joined(separator: ", "))); choose one",
                category: .usage, hint: SettingHint("column"))
        }
        return only
    }

    private static func write(_ report: EquityReport, request: EquityRequest, method: String, column: String) throws {
        if request.out.lowercased().hasSuffix(".json") {
            let record = EquityRecord(run: request.run, method: method, column: column, equity: report)
            try TextFile.write(try record.text(), to: request.out)
        } else {
            let rows = report.rows.map { [$0.measure, $0.group, $0.value.map(NumberText.format) ?? ""] }
            try ZoneTableWriter.writeRows(header: ["measure", "group", "value"], rows: rows, to: request.out)
        }
    }

    private static func writeZones(_ report: EquityReport, zones: [Zone], to path: String) throws {
        let table = ZoneTable(
            zoneIDs: report.lisa.map(\.zoneID),
            columns: [
                .init(name: "value", values: .numbers(report.lisa.map(\.value))),
                .init(name: "local_i", values: .numbers(report.lisa.map(\.localI))),
                .init(name: "quadrant", values: .texts(report.lisa.map(\.quadrant.rawValue))),
                .init(name: "p_permutation", values: .numbers(report.lisa.map { $0.pPermutation ?? .nan })),
                .init(name: "cluster", values: .texts(report.lisa.map { $0.cluster?.rawValue ?? "not_significant" })),
            ])
        try ZoneTableWriter.write(table, to: path, zones: zones)
    }
}
