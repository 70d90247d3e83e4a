import Foundation
import MaillageCore
import MaillageFormats
import MaillageStore

/// Imports a travel-time matrix in long format (one row per origin–destination pair).
///
/// Columns: origin id, destination id, time and optionally distance, named by the options
/// (`origin_id`, `destination_id`, `minutes`, `km` by default); other columns are ignored.
/// Ids are looked up among the territory's zones and actors. Rows naming an id the territory
/// does not have are skipped and counted (a matrix often covers more than the territory); an
/// id naming both a zone and an actor is an error unless ``origins``/``destinations`` say
/// which. Times and distances are converted to minutes and kilometres.
///
/// Pairs are stored as given, with the reading (``isDirected``) and the intra-zone time on
/// the matrix; `TravelMatrix` applies the reading rules at lookup. Importing a matrix of
/// the same name again replaces it, in one transaction. The file streams through
/// `ByteCSVReader`: memory does not grow with the number of rows.
public struct MatrixImporter {
    /// The matrix's name; the file's name without its extension when nil.
    public var name: String?
    /// Each row serves only its own direction (else a row also gives the reverse trip).
    public var isDirected = false
    /// Look origin ids up only among zones or only among actors.
    public var origins: TravelEndpoint.Kind?
    /// Look destination ids up only among zones or only among actors.
    public var destinations: TravelEndpoint.Kind?
    /// The origin id column.
    public var originColumn = "origin_id"
    /// The destination id column.
    public var destinationColumn = "destination_id"
    /// The travel time column.
    public var timeColumn = "minutes"
    /// The unit of the time column, converted to minutes.
    public var timeUnit = TravelTimeUnit.minutes
    /// The distance column; nil reads `km` when the file has it and no distance otherwise.
    public var distanceColumn: String?
    /// The unit of the distance column, converted to kilometres.
    public var distanceUnit = TravelDistanceUnit.kilometres
    /// The time from a zone to itself when the matrix omits that pair.
    public var intrazoneMinutes = 0.0
    /// The delimiter, detected from the header when nil.
    public var delimiter: Unicode.Scalar?
    /// The file's text encoding, detected when nil.
    public var encoding: TextEncoding?
    /// Store a matrix even when no row gives a pair (else that is an error and nothing changes:
    /// a CR-only file once read as zero rows and replaced a whole matrix with nothing).
    public var allowEmpty = false

    /// Called with the number of rows read so far, every `progressInterval` rows (for a
    /// progress bar on a terminal).
    public var onProgress: ((Int) -> Void)?
    static let progressInterval = 65_536

    /// How many distinct unmatched ids the report names.
    static let unknownExamples = 5

    /// An importer with the default columns, units and reading (undirected).
    public init() {}

    /// Stores the file as a matrix, replacing one of the same name, in one transaction.
    public func run(file path: String, into database: TerritoryDatabase) throws -> ImportReport {
        let start = Date()
        var report = ImportReport(file: path, kind: "matrix")
        guard intrazoneMinutes.isFinite, intrazoneMinutes >= 0 else {
            throw ImportError(
                file: path, field: "intrazone minutes", value: "\(intrazoneMinutes)",
                expected: "a number of minutes, 0 or more")
        }
        let reader = try ByteCSVReader(path: path, delimiter: delimiter, encoding: encoding)
        let layout = try MatrixLayout(reader: reader, importer: self)
        let definition = TravelMatrixDefinition(
            name: name ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent,
            isDirected: isDirected, intrazoneMinutes: intrazoneMinutes, description: describe(path)
        )
        var unknown = UnknownIDs()
        do {
            do {
                try store(reader, layout, definition, into: database, report: &report, unknown: &unknown)
            } catch is FastLaneRejected {
                // Nothing was written (the transaction rolled back): read record by record for the exact error.
                (report, unknown) = (ImportReport(file: path, kind: "matrix"), UnknownIDs())
                try store(reader, layout, definition, into: database, report: &report, unknown: &unknown, fast: false)
            }
        } catch let duplicate as DuplicateTravelPair {
            throw ImportError(
                file: path, line: duplicate.tag, field: "\(layout.origin.name), \(layout.destination.name)",
                value: "\(duplicate.origin.id) → \(duplicate.destination.id)",
                expected: "each pair once; this pair appears on an earlier line")
        }
        if let warning = unknown.warning { report.warnings.append(warning) }
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    /// Replaces the matrix with the file's rows, in one transaction.
    private func store(
        _ reader: ByteCSVReader, _ layout: MatrixLayout, _ definition: TravelMatrixDefinition,
        into database: TerritoryDatabase,
        report: inout ImportReport, unknown: inout UnknownIDs, fast: Bool = true
    ) throws {
        try database.transaction { writer in
            let (zoneIDs, actorIDs) = (try writer.zoneIDs(), try writer.actorIDs())
            let (inserter, replaced) = try writer.replaceTravelMatrix(definition)
            if replaced > 0 {
                report.warnings.append("replaced the \(replaced) pairs of the previous matrix '\(definition.name)'")
            }
            // Replacing a matrix with nothing (a CR-only file read as one line, a file of other ids) needs --allow-empty.
            func refuseEmpty(_ report: ImportReport) throws {
                guard report.inserted > 0 || allowEmpty else {
                    throw ImportError(
                        file: reader.path,
                        expected:
                            "at least one pair of the territory's zones or actors, but its \(report.rowsRead) row(s) gave none; "
                            + (replaced > 0
                                ? "the matrix '\(definition.name)' keeps its \(replaced) pairs" : "nothing was stored")
                            + " (allow an empty matrix to store one)", hint: SettingHint("allow_empty"))
                }
            }
            if fast, layout.distance == nil {
                try storeFast(
                    reader, layout, zoneIDs: zoneIDs.sorted(), actorIDs: actorIDs.sorted(), inserter: inserter,
                    report: &report, unknown: &unknown)
                return try refuseEmpty(report)
            }
            let resolver = EndpointResolver(zones: zoneIDs, actors: actorIDs)
            var lastOrigin: (id: String, resolution: EndpointResolver.Resolution)?
            try reader.forEachRecord { record in
                report.rowsRead += 1
                if report.rowsRead % Self.progressInterval == 0 { onProgress?(report.rowsRead) }
                let row = try layout.read(record)
                guard let minutes = row.minutes else {
                    report.skip(
                        "no time (the pair stays unreachable)", line: record.line,
                        detail: "\(row.origin) → \(row.destination)")
                    return
                }
                let originResolution: EndpointResolver.Resolution
                if let lastOrigin, lastOrigin.id == row.origin {
                    originResolution = lastOrigin.resolution
                } else {
                    originResolution = resolver.resolve(row.origin, as: origins)
                    lastOrigin = (row.origin, originResolution)
                }
                guard
                    let origin = try endpoint(
                        originResolution, id: row.origin, column: layout.origin, record: record, unknown: &unknown,
                        report: &report),
                    let destination = try endpoint(
                        resolver.resolve(row.destination, as: destinations), id: row.destination,
                        column: layout.destination, record: record, unknown: &unknown, report: &report
                    )
                else { return }
                try inserter.add(from: origin, to: destination, minutes: minutes, km: row.km, tag: record.line)
                report.inserted += 1
            }
            try inserter.finish()
            try refuseEmpty(report)
        }
    }

    /// Stores a matrix without distances through the reader's fast lane: plain rows are
    /// decoded from the bytes and their ids looked up without a `String`; every other row is
    /// read as ``store(_:_:_:into:report:unknown:)`` reads it, with the same errors and skips.
    /// The file streams a buffer at a time, on this thread.
    private func storeFast(
        _ reader: ByteCSVReader, _ layout: MatrixLayout, zoneIDs: [String], actorIDs: [String],
        inserter: TravelTimeInserter,
        report: inout ImportReport, unknown: inout UnknownIDs
    ) throws {
        let numbering = MatrixEndpoints(
            zoneIDs: zoneIDs, actorIDs: actorIDs, origins: origins, destinations: destinations)
        inserter.useEndpoints(numbering.endpoints)
        let positions = MatrixFieldPositions(
            origin: layout.origin.position, destination: layout.destination.position, value: layout.time.position)
        let unit = timeUnit
        var nextProgress = Self.progressInterval
        do {
            try reader.forEachMatrixBatch(
                positions, origins: numbering.origins, destinations: numbering.destinations,
                otherwise: { record in
                    let row = try layout.read(record)
                    guard row.minutes != nil, let value = record.double(layout.time.position) else {
                        report.rowsRead += 1
                        report.skip(
                            "no time (the pair stays unreachable)", line: record.line,
                            detail: "\(row.origin) → \(row.destination)")
                        return nil
                    }
                    guard
                        let origin = try endpoint(
                            numbering.resolver.resolve(row.origin, as: origins), id: row.origin, column: layout.origin,
                            record: record, unknown: &unknown, report: &report),
                        let destination = try endpoint(
                            numbering.resolver.resolve(row.destination, as: destinations), id: row.destination,
                            column: layout.destination, record: record, unknown: &unknown, report: &report),
                        let from = numbering.ordinal[origin], let to = numbering.ordinal[destination]
                    else {
                        report.rowsRead += 1
                        return nil
                    }
                    return (from, to, value)
                }
            ) { entries in
                // The fast lane reads signs and exponents as numbers; the importer's reading refuses a negative time.
                guard entries.allSatisfy({ $0.value >= 0 }) else { throw FastLaneRejected() }
                try inserter.add(entries, minutes: unit.minutes)
                report.rowsRead += entries.count
                report.inserted += entries.count
                if report.rowsRead >= nextProgress {
                    onProgress?(report.rowsRead)
                    nextProgress = (report.rowsRead / Self.progressInterval + 1) * Self.progressInterval
                }
            }
            try inserter.finish()
        } catch let duplicate as DuplicateTravelPair {
            // The fast lane keeps no line numbers: find the pair's second line by reading again (this error's path only).
            throw DuplicateTravelPair(
                origin: duplicate.origin, destination: duplicate.destination,
                tag: try secondLine(of: duplicate, reader: reader, layout: layout, resolver: numbering.resolver))
        }
    }

    /// The line where a pair appears for the second time.
    private func secondLine(
        of pair: DuplicateTravelPair, reader: ByteCSVReader, layout: MatrixLayout, resolver: EndpointResolver
    ) throws -> Int {
        var seen = 0
        var line = 0
        struct Stop: Error {}
        do {
            try reader.forEachRecord { record in
                let row = try layout.read(record)
                guard row.minutes != nil, row.origin == pair.origin.id, row.destination == pair.destination.id,
                    case .found(pair.origin) = resolver.resolve(row.origin, as: origins),
                    case .found(pair.destination) = resolver.resolve(row.destination, as: destinations)
                else { return }
                seen += 1
                if seen == 2 {
                    line = record.line
                    throw Stop()
                }
            }
        } catch is Stop {}
        return line
    }

    /// The endpoint of a resolved id; nil (the row skipped and counted) when the id is unknown.
    private func endpoint(
        _ resolution: EndpointResolver.Resolution, id: String, column: MatrixLayout.Column, record: ByteRecord,
        unknown: inout UnknownIDs, report: inout ImportReport
    ) throws -> TravelEndpoint? {
        switch resolution {
        case .found(let endpoint):
            return endpoint
        case .unknown:
            let among = column.kind.map { "no \($0.rawValue)" } ?? "no zone or actor"
            report.skip("\(column.role) matches \(among) of the territory", line: record.line, detail: id)
            unknown.add(id)
            return nil
        case .ambiguous:
            throw ImportError(
                file: record.file, line: record.line, field: column.name, value: id,
                expected: "an id naming one thing; it names both a zone and an actor: "
                    + "say whether the \(column.role)s are zones or actors",
                hint: SettingHint(column.role + "s", example: "zones")
            )
        }
    }

    private func describe(_ path: String) -> String {
        var text = "\(URL(fileURLWithPath: path).lastPathComponent): \(timeColumn) in \(timeUnit.rawValue)"
        if let distanceColumn { text += ", \(distanceColumn) in \(distanceUnit.rawValue)" }
        return text + (isDirected ? ", directed" : ", undirected")
    }
}

/// The distinct ids that matched nothing, counted, with the first few kept for the report.
struct UnknownIDs {
    private var seen = Set<String>()
    private var examples: [String] = []

    mutating func add(_ id: String) {
        guard seen.insert(id).inserted, examples.count < MatrixImporter.unknownExamples else { return }
        examples.append(id)
    }

    var warning: String? {
        guard !seen.isEmpty else { return nil }
        let more = seen.count > examples.count ? ", …" : ""
        return
            "\(seen.count) distinct ids match nothing in the territory (\(examples.joined(separator: ", "))\(more)); "
            + "their rows were skipped (a matrix often covers more than the territory)"
    }
}

/// A value the reader's fast lane took that the importer's reading refuses (a negative time):
/// the file is read again record by record, which names the line.
struct FastLaneRejected: Error {}
