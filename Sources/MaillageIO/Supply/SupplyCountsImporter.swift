import Foundation
import MaillageCore
import MaillageFormats
import MaillageStore

/// Turns counts of professionals per zone into one actor per zone and kind.
///
/// Each row with a count above zero becomes (or updates) the actor
/// `AggregatedActor` `<kind>@<zone>`, placed at the zone's point, with `zone_id` set and the
/// count as its capacity in ``measure`` (FTE by default: a count of doctors or practices is
/// read as that many full-time equivalents, an approximation the report states). A zero or
/// empty count creates no actor and removes the aggregated actor a previous import made for
/// that zone and kind, so the database follows the file. Rows whose zone is not stored are
/// reported (with the name when the file has one) and skipped.
public struct SupplyCountsImporter {
    /// How the CSV is read: delimiter, encoding, header.
    public var csv = CSVOptions()
    /// The kind of the aggregated actors (`gp`, `nurse`…), part of their id.
    public var kind: ActorKind
    /// The column holding the counts.
    public var column: String
    /// The zone id column (default: `id`, `code_insee`, `CODGEO`, `COM`, `code`, or SIRENE's
    /// `codecommuneetablissement`).
    public var idColumn: String?
    /// The capacity measure the count is stored as (FTE by default).
    public var measure: CapacityMeasure

    /// An importer of one count column as one kind of actor.
    public init(
        csv: CSVOptions = CSVOptions(), kind: ActorKind, column: String, idColumn: String? = nil,
        measure: CapacityMeasure = .fte
    ) {
        self.csv = csv
        self.kind = kind
        self.column = column
        self.idColumn = idColumn
        self.measure = measure
    }

    struct Row {
        let line: Int
        let zone: String
        let name: String?
        let count: Double?
    }

    /// Creates, updates or removes the aggregated actors of the file's zones, in one transaction.
    public func run(file path: String, into database: TerritoryDatabase) throws -> ImportReport {
        let start = Date()
        var report = ImportReport(file: path, kind: "supply counts (\(kind.rawValue), \(column))")
        let file = try DelimitedFile(path: path, options: csv)
        let idField =
            ZoneFieldLayout.pick(
                idColumn, defaults: ZoneColumns.idDefaults + ["codecommuneetablissement"], in: file.header) ?? "id"
        let nameField = ZoneFieldLayout.pick(nil, defaults: ZoneColumns.nameDefaults, in: file.header)
        try file.requireColumns([idField, column])
        var rows: [Row] = []
        var lines = [String: Int]()
        try file.forEachRecord { record in
            report.rowsRead += 1
            let zone = try record.required(idField)
            let count = try record.double(column)
            if let count, count < 0 {
                throw record.error(column, value: record.string(column), expected: "a count >= 0")
            }
            if let first = lines.updateValue(record.line, forKey: zone) {
                throw record.error(idField, value: zone, expected: "one row per zone; line \(first) has the same")
            }
            rows.append(Row(line: record.line, zone: zone, name: nameField.flatMap(record.string), count: count))
        }
        let source = "\(URL(fileURLWithPath: path).lastPathComponent):\(column)"
        try database.transaction { writer in
            let zones = try writer.zoneEntries()
            var removed = 0
            for row in rows {
                guard let zone = zones[row.zone] else {
                    report.skip(
                        "zone id matches no zone", line: row.line,
                        detail: [row.zone, row.name].compactMap { $0 }.joined(separator: " "))
                    continue
                }
                let id = AggregatedActor.id(kind: kind, zone: zone.id)
                guard let count = row.count, count > 0 else {
                    if try writer.deleteActor(id) { removed += 1 }
                    report.skip("empty or zero count (no actor)", line: row.line, detail: zone.id)
                    continue
                }
                let actor: Actor
                do {
                    actor = try Actor(
                        id: id, kind: kind, name: AggregatedActor.name(kind: kind, zone: zone), point: zone.point,
                        zoneID: zone.id, capacities: [Capacity(measure, count)], sourceReference: source)
                } catch let error as ValidationError {
                    throw ImportError(error, file: path, line: row.line)
                }
                report.record(try writer.upsert(actor))
            }
            if removed > 0 {
                report.warnings.append(
                    "removed \(removed) aggregated \(kind.rawValue) actor(s) whose count is now zero or empty")
            }
        }
        report.warnings.append(
            "each count in \(column) is stored as capacity.\(measure.rawValue) of one actor per zone")
        report.seconds = Date().timeIntervalSince(start)
        return report
    }
}
