import Foundation
import GRDB

/// Adds one matrix's pairs inside a transaction, one packed row per origin.
///
/// Made by ``TerritoryWriter/replaceTravelMatrix(_:)``; valid only inside that transaction;
/// call ``finish()`` after the last pair. Pairs are gathered per origin and written as one
/// `travel_row` (destination ordinals, minutes and kilometres as blobs: ``PackedColumn``)
/// when the origin changes, so that a file grouped by origin, as OSRM and r5r write them,
/// costs one `INSERT` per origin and memory holds one origin's pairs at a time. An origin
/// that comes back later has its stored row read, merged and rewritten. The endpoints, in the
/// order they were first met, go to `travel_endpoint` at ``finish()``.
public final class TravelTimeInserter {
    /// Kept for callers that sized their work on it; pairs are no longer written in fixed batches.
    public static let batchSize = 128

    private let database: Database
    private let matrixID: Int64
    private var ordinals: [TravelEndpoint: UInt32] = [:]
    private var endpoints: [TravelEndpoint] = []
    /// Origins already written (by ordinal), to merge a row that comes back.
    private var written: Set<UInt32> = []
    private var pending = PendingRow()
    private var currentOrigin: TravelEndpoint?

    init(database: Database, matrixID: Int64) throws {
        self.database = database
        self.matrixID = matrixID
    }

    /// Adds a pair; `tag` (a line number, say) comes back in ``DuplicateTravelPair`` when the
    /// pair is stored twice. The error may come from a later call, when the origin's row is written.
    public func add(from origin: TravelEndpoint, to destination: TravelEndpoint, minutes: Double, km: Double?, tag: Int = 0) throws {
        if origin != currentOrigin {
            try flush()
            pending.origin = ordinal(of: origin)
            currentOrigin = origin
        }
        pending.append(destination: ordinal(of: destination), minutes: minutes, km: km, tag: tag)
    }

    /// Writes the last origin's row and the matrix's endpoints.
    public func finish() throws {
        try flush()
        let statement = try database.cachedStatement(
            sql: "INSERT INTO travel_endpoint(matrix_id, ordinal, kind, id) VALUES (?, ?, ?, ?)")
        for (ordinal, endpoint) in endpoints.enumerated() {
            try statement.execute(arguments: [matrixID, ordinal, endpoint.kind.rawValue, endpoint.id])
        }
        currentOrigin = nil
    }

    private func ordinal(of endpoint: TravelEndpoint) -> UInt32 {
        if let known = ordinals[endpoint] { return known }
        let next = UInt32(endpoints.count)
        ordinals[endpoint] = next
        endpoints.append(endpoint)
        return next
    }

    /// Writes the pending origin's row, merged with its stored row if it has one.
    private func flush() throws {
        guard !pending.isEmpty else { return }
        defer { pending.removeAll() }
        if let duplicate = pending.sortAndFindDuplicate() {
            throw DuplicateTravelPair(origin: endpoints[Int(pending.origin)], destination: endpoints[Int(duplicate.destination)], tag: duplicate.tag)
        }
        var row = pending.row
        if !written.insert(pending.origin).inserted {
            let stored = try storedRow(origin: pending.origin)
            switch stored.merged(with: row) {
            case let .success(merged): row = merged
            case let .failure(clash):
                let tag = pending.tag(of: clash.destination)
                throw DuplicateTravelPair(origin: endpoints[Int(pending.origin)], destination: endpoints[Int(clash.destination)], tag: tag)
            }
            try database.cachedStatement(sql: "DELETE FROM travel_row WHERE matrix_id = ? AND origin = ?")
                .execute(arguments: [matrixID, pending.origin])
        }
        try database.cachedStatement(sql: """
            INSERT INTO travel_row(matrix_id, origin, pairs, destinations, minutes, km) VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                matrixID, pending.origin, row.destinations.count,
                PackedColumn.blob(row.destinations[...]), PackedColumn.blob(row.minutes[...]),
                row.km.map { PackedColumn.blob($0[...]) },
            ])
    }

    private func storedRow(origin: UInt32) throws -> PackedRow {
        let statement = try database.cachedStatement(sql: "SELECT destinations, minutes, km, pairs FROM travel_row WHERE matrix_id = ? AND origin = ?")
        var row = PackedRow()
        try StoredTravelRows.forEachRow(statement, arguments: [matrixID, origin]) { _, count, destinations, minutes, km in
            PackedColumn.append(destinations, count: count, to: &row.destinations)
            PackedColumn.append(minutes, count: count, to: &row.minutes)
            if let km {
                var values: [Double] = []
                PackedColumn.append(km, count: count, to: &values)
                row.km = values
            }
        }
        return row
    }
}

/// A pair given twice to a ``TravelTimeInserter``; `tag` is the one given with the second.
public struct DuplicateTravelPair: Error, Sendable, Equatable {
    public let origin: TravelEndpoint
    public let destination: TravelEndpoint
    public let tag: Int
}
