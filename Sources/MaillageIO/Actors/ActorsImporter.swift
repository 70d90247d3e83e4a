import Foundation
import MaillageCore
import MaillageFormats
import MaillageStore

/// Imports actors from a CSV with named columns.
///
/// Columns: `id`, `kind` (or `--kind`), `name`, `lat`/`lon` (or `x`/`y` with `--crs`), and
/// optionally `zone_id`, `services` (`;`- or `|`-separated), `source_ref`, and capacities as
/// `capacity.<measure>` (`capacity.fte`, `capacity.beds`…). A capacity column named
/// `capacity.<measure>.estimated` (0/1) marks that measure's values as estimated, and
/// `practice_start_year` the year a GP started practising (`1994`, `1994-09-01` or `01/09/1994`).
public struct ActorsImporter {
    /// How the CSV is read: delimiter, encoding, header.
    public var csv = CSVOptions()
    /// The kind of every actor when the file has no `kind` column (or an empty cell).
    public var kind: ActorKind?
    /// The CRS of `x`/`y` columns.
    public var crs: String?

    /// An importer; by default the kind comes from the file and positions are WGS84.
    public init(csv: CSVOptions = CSVOptions(), kind: ActorKind? = nil, crs: String? = nil) {
        self.csv = csv
        self.kind = kind
        self.crs = crs
    }

    /// Called with the number of rows read so far, every `progressInterval` rows (for a
    /// progress bar on a terminal).
    public var onProgress: ((Int) -> Void)?
    static let progressInterval = 16_384

    /// Reads and writes as it goes, inside one transaction, so that memory does not grow with
    /// the file: rows are checked and written a batch at a time (`ActorRowBatch`), and the
    /// ids seen and the points for the outlier check wait in a `RowLedger`.
    public func run(file path: String, into database: TerritoryDatabase) throws -> ImportReport {
        let start = Date()
        var report = ImportReport(file: path, kind: "actors")
        let file = try DelimitedFile(path: path, options: csv)
        try file.requireColumns(["id"])
        if kind == nil { try file.requireColumns(["kind"]) }
        let positions = try PositionReader(file: file, crs: crs)
        let capacityColumns = try Self.capacityColumns(file).map { column, measure in
            // Resolved once: looking up a column the file lacks costs more than reading a cell.
            CapacityColumn(
                name: column, measure: measure,
                estimated: file.hasColumn(column + ".estimated") ? column + ".estimated" : nil)
        }
        let practiceYear = file.hasColumn(Self.practiceStartYearColumn)

        try database.transaction { writer in
            let ledger = try RowLedger(writer)
            let batch = ActorRowBatch(file: path, writer: writer, ledger: ledger)
            try file.forEachRecord { record in
                report.rowsRead += 1
                if report.rowsRead % Self.progressInterval == 0 { onProgress?(report.rowsRead) }
                let actor: Actor
                do {
                    actor = try readActor(
                        record, positions: positions, capacities: capacityColumns,
                        practiceYear: practiceYear)
                } catch {
                    try batch.check()  // an earlier row's error comes first
                    throw error
                }
                try batch.add(actor, line: record.line)
            }
            try batch.finish()
            report.inserted = batch.inserted
            report.updated = batch.updated
            report.warnings = try ledger.outlierWarnings { id, line in "actor \(id) (line \(line))" }
            try ledger.finish()
        }
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    /// The `capacity.<measure>` columns, refusing unknown measures by name.
    static func capacityColumns(_ file: DelimitedFile) throws -> [(column: String, measure: CapacityMeasure)] {
        try file.header.filter { $0.lowercased().hasPrefix("capacity.") && !$0.lowercased().hasSuffix(".estimated") }
            .map { column in
                do {
                    return (
                        column, try CapacityMeasure.parse(String(column.dropFirst("capacity.".count)), field: column)
                    )
                } catch let error as ValidationError {
                    throw ImportError(file: file.path, line: 1, field: column, expected: error.reason)
                }
            }
    }

    /// A service as stored: trimmed and lowercased. Foundation trims only when an end is not
    /// plain ASCII text (it was the largest cost of reading a row, by profile).
    static func serviceName(_ text: Substring) -> String {
        let plain: (UInt8) -> Bool = { $0 < 0x80 && $0 != 0x20 && $0 != 0x09 }
        guard let first = text.utf8.first, let last = text.utf8.last, plain(first), plain(last) else {
            return text.trimmingCharacters(in: .whitespaces).lowercased()
        }
        return text.lowercased()
    }

    /// A `capacity.<measure>` column and its `.estimated` companion when the file has one.
    private struct CapacityColumn {
        let name: String
        let measure: CapacityMeasure
        let estimated: String?
    }

    /// The column of the year a practitioner started practising.
    static let practiceStartYearColumn = "practice_start_year"

    /// A practice start year: `1994`, or the year of a date as `1994-09-01` or `01/09/1994` (RPPS
    /// and professional orders' registers write dates).
    static func practiceStartYear(_ record: Record) throws -> Int? {
        guard let text = record.string(practiceStartYearColumn) else { return nil }
        let digits = text.split(whereSeparator: { $0 == "-" || $0 == "/" })
        let year: Substring? =
            switch digits.count {
            case 1: digits[0]
            case 3 where text.contains("-"): digits[0]
            case 3: digits[2]
            default: nil
            }
        guard let year, year.count == 4, digits.allSatisfy({ $0.allSatisfy(\.isASCII) && Int($0) != nil }),
            let value = Int(year), Actor.practiceStartYears.contains(value)
        else {
            throw record.error(
                practiceStartYearColumn, value: text,
                expected: "the year practice started, between 1900 and 2200 (1994, 1994-09-01 or 01/09/1994)")
        }
        return value
    }

    private func readActor(
        _ record: Record, positions: PositionReader, capacities: [CapacityColumn], practiceYear: Bool
    ) throws -> Actor {
        let id = try record.required("id")
        do {
            let kindText = record.string("kind")
            let actorKind = try kindText.map { try ActorKind.parse($0) } ?? kind
            guard let actorKind else {
                throw record.error("kind", expected: "an actor kind (or one kind for the whole file)").hinted("kind")
            }
            let (point, source) = try positions.position(of: record)
            var values: [Capacity] = []
            for column in capacities {
                guard let value = try record.double(column.name) else { continue }
                let estimated =
                    column.estimated.flatMap(record.string).map { ["1", "true", "yes"].contains($0.lowercased()) }
                    ?? false
                values.append(try Capacity(column.measure, value, isEstimated: estimated))
            }
            let services = (record.string("services") ?? "")
                .split(whereSeparator: { $0 == ";" || $0 == "|" || $0 == "," })
                .map(Self.serviceName).filter { !$0.isEmpty }
            return try Actor(
                id: id, kind: actorKind, name: record.string("name") ?? id, point: point,
                zoneID: record.string("zone_id"), capacities: values, services: services,
                sourceReference: record.string("source_ref"), sourcePosition: source,
                practiceStartYear: practiceYear ? try Self.practiceStartYear(record) : nil
            )
        } catch let error as ValidationError {
            throw ImportError(error, file: record.file, line: record.line)
        }
    }
}

extension ActorsImporter {
    /// Reads the file's actors without a database, for a one-off study: the same reading,
    /// checks and errors as ``run(file:into:)``, with `zones` standing for the zones stored.
    public func actors(file path: String, zones: Set<String>) throws -> (actors: [Actor], report: ImportReport) {
        let start = Date()
        var report = ImportReport(file: path, kind: "actors")
        let file = try DelimitedFile(path: path, options: csv)
        try file.requireColumns(["id"])
        if kind == nil { try file.requireColumns(["kind"]) }
        let positions = try PositionReader(file: file, crs: crs)
        let capacityColumns = try Self.capacityColumns(file).map { column, measure in
            CapacityColumn(
                name: column, measure: measure,
                estimated: file.hasColumn(column + ".estimated") ? column + ".estimated" : nil)
        }
        let practiceYear = file.hasColumn(Self.practiceStartYearColumn)
        var actors: [Actor] = []
        var lines: [String: Int] = [:]
        try file.forEachRecord { record in
            report.rowsRead += 1
            let actor = try readActor(
                record, positions: positions, capacities: capacityColumns,
                practiceYear: practiceYear)
            if let first = lines.updateValue(record.line, forKey: actor.id) {
                throw ImportError(
                    file: path, line: record.line, field: "id", value: actor.id,
                    expected: "a unique id; line \(first) has the same")
            }
            if let zone = actor.zoneID, !zones.contains(zone) {
                throw ImportError(
                    file: path, line: record.line, field: "zone_id", value: zone,
                    expected: "the id of a zone already in the database (import zones first)")
            }
            actors.append(actor)
        }
        report.inserted = actors.count
        report.warnings = OutlierCheck.warnings(
            zip(actors, actors.map { lines[$0.id] ?? 0 }).map { actor, line in
                ("actor \(actor.id) (line \(line))", actor.point)
            })
        report.seconds = Date().timeIntervalSince(start)
        return (actors, report)
    }
}
