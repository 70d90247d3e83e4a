import Foundation
import MaillageCore
import MaillageFormats
import MaillageIO

/// Reads a matrix file three ways and stops the process when they disagree: record by record
/// through the general reader, with ``ByteCSVReader/collectMatrix(_:origins:destinations:threads:minimumSegmentBytes:otherwise:)``
/// on one thread, and with it on three threads over tiny segments and chunks.
///
/// The fast lane of `collectMatrix` decodes plain rows itself and must give exactly what the
/// general reader gives, entries and first error alike: a difference is a finding, so it
/// traps rather than throws (a thrown error is the normal answer to bad bytes).
enum MatrixReadComparison {
    /// The ids the rows are looked up in; other ids are left out, as unknown ones are.
    static let origins = index(["Z1", "Z2", "Z3", "Z10"]), destinations = index(["S1", "S2", "S10"])

    /// The file names no `origin`, `destination` or `minutes` column.
    struct MissingColumn: Error {}

    /// The entries the three reads agree on; throws the error they agree on, traps when they disagree.
    static func run(_ path: String) throws -> [MatrixEntry] {
        let outcome = compare(path)
        if let disagreement = outcome.disagreement { preconditionFailure(disagreement) }
        return try outcome.agreed.get()
    }

    /// What the three reads gave: their common outcome, and how they differ when they do.
    static func compare(_ path: String) -> (agreed: Result<[MatrixEntry], any Error>, disagreement: String?) {
        let sequential = outcome { try readRecordByRecord(path) }
        let lane = outcome { try readWithLane(path, threads: 1, chunkSize: 1 << 20, minimumSegmentBytes: 1 << 20) }
        let split = outcome { try readWithLane(path, threads: 3, chunkSize: 13, minimumSegmentBytes: 16) }
        let agreed: Result<[MatrixEntry], any Error> =
            switch sequential {
            case .entries(let entries): .success(entries)
            case .error(let error): .failure(error)
            }
        if lane != sequential {
            return (
                agreed,
                "collectMatrix on one thread differs from the record-by-record read: \(lane) against \(sequential)"
            )
        }
        if split != sequential {
            return (
                agreed,
                "collectMatrix on three threads differs from the record-by-record read: \(split) against \(sequential)"
            )
        }
        return (agreed, nil)
    }

    /// Entries, or the error a read ended with, compared by its description.
    private enum Outcome: Equatable, CustomStringConvertible {
        case entries([MatrixEntry])
        case error(any Error)

        static func == (a: Outcome, b: Outcome) -> Bool { a.description == b.description }

        var description: String {
            switch self {
            case .entries(let entries):
                "\(entries.count) entries \(entries.map { "\($0.origin)>\($0.destination)=\($0.value.bitPattern)" })"
            case .error(let error): "error: \(error)"
            }
        }
    }

    private static func outcome(_ read: () throws -> [MatrixEntry]) -> Outcome {
        do { return .entries(try read()) } catch { return .error(error) }
    }

    private static func positions(_ reader: ByteCSVReader) throws -> MatrixFieldPositions {
        guard let origin = reader.position(of: "origin"), let destination = reader.position(of: "destination"),
            let value = reader.position(of: "minutes")
        else { throw MissingColumn() }
        return MatrixFieldPositions(origin: origin, destination: destination, value: value)
    }

    private static func entry(_ record: ByteRecord, _ positions: MatrixFieldPositions) -> ByteCSVReader.MatrixRow? {
        guard let origin = record.value(positions.origin, in: origins),
            let destination = record.value(positions.destination, in: destinations),
            let value = record.double(positions.value)
        else { return nil }
        return (origin, destination, value)
    }

    private static func readRecordByRecord(_ path: String) throws -> [MatrixEntry] {
        let reader = try ByteCSVReader(path: path)
        let positions = try positions(reader)
        var entries: [MatrixEntry] = []
        try reader.forEachRecord { record in
            if let row = entry(record, positions) {
                entries.append(MatrixEntry(origin: row.origin, destination: row.destination, value: row.value))
            }
        }
        return entries
    }

    private static func readWithLane(_ path: String, threads: Int, chunkSize: Int, minimumSegmentBytes: Int) throws
        -> [MatrixEntry]
    {
        let reader = try ByteCSVReader(path: path, chunkSize: chunkSize)
        let positions = try positions(reader)
        return try reader.collectMatrix(
            positions, origins: origins, destinations: destinations, threads: threads,
            minimumSegmentBytes: minimumSegmentBytes
        ) { entry($0, positions) }.flatMap { $0 }
    }

    private static func index(_ ids: [String]) -> ByteKeyIndex {
        var index = ByteKeyIndex()
        for (position, id) in ids.enumerated() { index.set(id, to: position) }
        return index
    }
}
