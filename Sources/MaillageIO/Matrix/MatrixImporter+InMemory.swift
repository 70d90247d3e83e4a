import Foundation
import MaillageCore
import MaillageFormats
import MaillageStore

extension MatrixImporter {
    /// Reads a matrix file whole into memory without a database, for a one-off study: the
    /// pairs the importer would store for a territory of these zones and actors, as stored
    /// (`StoredTravelMatrix`, without distances), with the importer's errors and skips.
    ///
    /// The file is read on `threads` cores by `ByteCSVReader.collectMatrix(_:origins:destinations:threads:minimumSegmentBytes:otherwise:)`:
    /// plain rows are decoded from the bytes; every other row goes through the importer's own
    /// reading (`MatrixLayout.read(_:)`, the id resolution, the unknown-id skips). The
    /// distance column is not read: accessibility uses times only.
    public func read(
        file path: String, zoneIDs: [String], actorIDs: [String],
        threads: Int = ProcessInfo.processInfo.activeProcessorCount
    ) throws -> (matrix: StoredTravelMatrix, report: ImportReport) {
        let start = Date()
        guard intrazoneMinutes.isFinite, intrazoneMinutes >= 0 else {
            throw ImportError(
                file: path, field: "intrazone minutes", value: "\(intrazoneMinutes)",
                expected: "a number of minutes, 0 or more")
        }
        let reader = try ByteCSVReader(path: path, delimiter: delimiter, encoding: encoding)
        let layout = try MatrixLayout(reader: reader, importer: self)
        let definition = TravelMatrixDefinition(
            name: name ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent,
            isDirected: isDirected, intrazoneMinutes: intrazoneMinutes
        )
        let (originKind, destinationKind) = (self.origins, self.destinations)
        let numbering = MatrixEndpoints(
            zoneIDs: zoneIDs, actorIDs: actorIDs, origins: originKind, destinations: destinationKind)
        let (endpoints, ordinal, resolver) = (numbering.endpoints, numbering.ordinal, numbering.resolver)
        let skips = SkipLedger()
        let positions = MatrixFieldPositions(
            origin: layout.origin.position, destination: layout.destination.position, value: layout.time.position)
        let parts = try reader.collectMatrix(
            positions, origins: numbering.origins, destinations: numbering.destinations, threads: threads
        ) { record in
            let row = try layout.read(record)
            guard row.minutes != nil, let value = record.double(layout.time.position) else {
                skips.add(
                    "no time (the pair stays unreachable)", line: record.line,
                    detail: "\(row.origin) → \(row.destination)")
                return nil
            }
            guard
                let origin = try Self.resolved(
                    resolver.resolve(row.origin, as: originKind), id: row.origin, column: layout.origin, record: record,
                    skips: skips),
                let destination = try Self.resolved(
                    resolver.resolve(row.destination, as: destinationKind), id: row.destination,
                    column: layout.destination, record: record, skips: skips),
                let from = ordinal[origin], let to = ordinal[destination]
            else { return nil }
            skips.keep()
            return (from, to, value)
        }
        if parts.contains(where: { !$0.allSatisfy { $0.value >= 0 } }) {
            // The fast lane reads a sign; the importer's reading refuses a negative time, naming its line.
            try reader.forEachRecord { _ = try layout.read($0) }
        }
        var matrix = try MatrixRowsBuilder(endpointCount: endpoints.count, parts: parts)
        if let duplicate = matrix.duplicate {
            throw try duplicateError(
                reader: reader, layout: layout, resolver: resolver,
                pair: (endpoints[duplicate.origin], endpoints[duplicate.destination]))
        }
        if timeUnit != .minutes { matrix.minutes = matrix.minutes.map(timeUnit.minutes) }
        var report = ImportReport(file: path, kind: "matrix")
        report.inserted = matrix.minutes.count
        report.rowsRead = report.inserted + skips.rowsNotKept
        skips.fill(&report)
        if let warning = skips.unknownWarning { report.warnings.append(warning) }
        report.seconds = Date().timeIntervalSince(start)
        return (matrix.stored(definition: definition, endpoints: endpoints), report)
    }

    /// The endpoint of a resolved id, nil (skipped) when unknown; an ambiguous id is the importer's error.
    private static func resolved(
        _ resolution: EndpointResolver.Resolution, id: String, column: MatrixLayout.Column, record: ByteRecord,
        skips: SkipLedger
    ) throws -> TravelEndpoint? {
        switch resolution {
        case .found(let endpoint): return endpoint
        case .unknown:
            let among = column.kind.map { "no \($0.rawValue)" } ?? "no zone or actor"
            skips.add("\(column.role) matches \(among) of the territory", line: record.line, detail: id, unknownID: id)
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

    /// The importer's error for a pair given twice, naming the line of its second appearance
    /// (found by reading the file again, record by record: only on this error's path).
    private func duplicateError(
        reader: ByteCSVReader, layout: MatrixLayout, resolver: EndpointResolver, pair: (TravelEndpoint, TravelEndpoint)
    ) throws -> ImportError {
        var seen = Set<[TravelEndpoint]>()
        var found: (line: Int, row: MatrixLayout.Row)?
        struct Stop: Error {}
        do {
            try reader.forEachRecord { record in
                let row = try layout.read(record)
                guard row.minutes != nil,
                    case .found(let origin) = resolver.resolve(row.origin, as: origins),
                    case .found(let destination) = resolver.resolve(row.destination, as: destinations)
                else { return }
                if !seen.insert([origin, destination]).inserted {
                    found = (record.line, row)
                    throw Stop()
                }
            }
        } catch is Stop {}
        let (line, row) =
            found ?? (0, MatrixLayout.Row(origin: pair.0.id, destination: pair.1.id, minutes: nil, km: nil))
        return ImportError(
            file: reader.path, line: line, field: "\(layout.origin.name), \(layout.destination.name)",
            value: "\(row.origin) → \(row.destination)",
            expected: "each pair once; this pair appears on an earlier line")
    }
}

/// Rows skipped while a file is read on several threads: counts per reason and the examples
/// of the earliest lines, so that the report is the same whatever the thread count.
private final class SkipLedger: @unchecked Sendable {
    private let lock = NSLock()
    private var reasons: [String: (count: Int, examples: [(line: Int, detail: String)])] = [:]
    private var unknown = Set<String>()
    private var kept = 0
    private var notKept = 0

    func add(_ reason: String, line: Int, detail: String, unknownID: String? = nil) {
        lock.lock()
        defer { lock.unlock() }
        notKept += 1
        var entry = reasons[reason] ?? (0, [])
        entry.count += 1
        entry.examples.append((line, detail))
        if entry.examples.count > ImportReport.examplesPerReason {
            entry.examples.sort { $0.line < $1.line }
            entry.examples.removeLast()
        }
        reasons[reason] = entry
        if let unknownID { unknown.insert(unknownID) }
    }

    /// Counts a row read by the general reader and kept.
    func keep() {
        lock.lock()
        kept += 1
        lock.unlock()
    }

    var rowsNotKept: Int { lock.withLock { notKept } }

    func fill(_ report: inout ImportReport) {
        lock.withLock {
            for (reason, entry) in reasons {
                report.skipped[reason] = entry.count
                report.skippedExamples[reason] = entry.examples.sorted { $0.line < $1.line }.map {
                    "line \($0.line): \($0.detail)"
                }
            }
        }
    }

    var unknownWarning: String? {
        lock.withLock {
            guard !unknown.isEmpty else { return nil }
            let examples = unknown.sorted().prefix(MatrixImporter.unknownExamples)
            let more = unknown.count > examples.count ? ", …" : ""
            return
                "\(unknown.count) distinct ids match nothing in the territory (\(examples.joined(separator: ", "))\(more)); "
                + "their rows were skipped (a matrix often covers more than the territory)"
        }
    }
}

/// Entries read in parts grouped into one row per origin, endpoints renumbered to those used.
private struct MatrixRowsBuilder {
    var origins: [Int] = []
    var offsets: [Int] = [0]
    var destinations: [Int] = []
    var minutes: [Double] = []
    /// A pair found twice (endpoint positions), if any.
    var duplicate: (origin: Int, destination: Int)?

    init(endpointCount: Int, parts: [[MatrixEntry]]) throws {
        var counts = [Int](repeating: 0, count: endpointCount + 1)
        var total = 0
        for part in parts {
            for entry in part { counts[Int(entry.origin) + 1] += 1 }
            total += part.count
        }
        for index in 0..<endpointCount { counts[index + 1] += counts[index] }
        var columns = [Int32](repeating: 0, count: total)
        var values = [Double](repeating: 0, count: total)
        var next = counts
        for part in parts {
            for entry in part {
                let slot = next[Int(entry.origin)]
                columns[slot] = entry.destination
                values[slot] = entry.value
                next[Int(entry.origin)] = slot + 1
            }
        }
        var seen = [Int32](repeating: -1, count: endpointCount)
        destinations.reserveCapacity(total)
        for origin in 0..<endpointCount where counts[origin + 1] > counts[origin] {
            for slot in counts[origin]..<counts[origin + 1] {
                let destination = columns[slot]
                if seen[Int(destination)] == Int32(origin), duplicate == nil { duplicate = (origin, Int(destination)) }
                seen[Int(destination)] = Int32(origin)
            }
            origins.append(origin)
            destinations.append(contentsOf: columns[counts[origin]..<counts[origin + 1]].lazy.map { Int($0) })
            offsets.append(destinations.count)
        }
        minutes = values
    }

    /// The rows with endpoints renumbered to those the pairs name, in their order of position.
    func stored(definition: TravelMatrixDefinition, endpoints: [TravelEndpoint]) -> StoredTravelMatrix {
        var used = [Bool](repeating: false, count: endpoints.count)
        for origin in origins { used[origin] = true }
        for destination in destinations { used[destination] = true }
        var renumbered = [UInt32](repeating: 0, count: endpoints.count)
        var kept: [TravelEndpoint] = []
        for (index, isUsed) in used.enumerated() where isUsed {
            renumbered[index] = UInt32(kept.count)
            kept.append(endpoints[index])
        }
        return StoredTravelMatrix(
            definition: definition, endpoints: kept, origins: origins.map { renumbered[$0] }, offsets: offsets,
            destinations: destinations.map { renumbered[$0] }, minutes: minutes, km: nil)
    }
}
