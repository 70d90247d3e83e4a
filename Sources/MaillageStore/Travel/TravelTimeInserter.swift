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
    private var currentOrdinal: UInt32?
    /// The caller's numbering of endpoints (``useEndpoints(_:)``) and each one's ordinal, `.max` until used.
    private var callerEndpoints: [TravelEndpoint] = []
    private var callerOrdinals: [UInt32] = []

    init(database: Database, matrixID: Int64) throws {
        self.database = database
        self.matrixID = matrixID
    }

    /// Adds a pair; `tag` (a line number, say) comes back in ``DuplicateTravelPair`` when the
    /// pair is stored twice. The error may come from a later call, when the origin's row is written.
    public func add(from origin: TravelEndpoint, to destination: TravelEndpoint, minutes: Double, km: Double?, tag: Int = 0) throws {
        if origin != currentOrigin { try start(ordinal(of: origin), origin) }
        pending.append(destination: ordinal(of: destination), minutes: minutes, km: km, tag: tag)
    }

    /// Numbers endpoints for ``add(fromEndpoint:toEndpoint:minutes:km:tag:)``, which then takes
    /// positions in this list instead of endpoints: no id is hashed per pair.
    ///
    /// Only the endpoints that pairs name are stored.
    public func useEndpoints(_ endpoints: [TravelEndpoint]) {
        callerEndpoints = endpoints
        callerOrdinals = [UInt32](repeating: .max, count: endpoints.count)
    }

    /// Adds a pair between endpoints given by their positions in ``useEndpoints(_:)``'s list.
    @inline(__always)
    public func add(fromEndpoint origin: Int, toEndpoint destination: Int, minutes: Double, km: Double?, tag: Int = 0) throws {
        let from = callerOrdinal(origin)
        if from != currentOrdinal { try start(from, callerEndpoints[origin]) }
        pending.append(destination: callerOrdinal(destination), minutes: minutes, km: km, tag: tag)
    }

    @inline(__always)
    private func callerOrdinal(_ position: Int) -> UInt32 {
        let known = callerOrdinals[position]
        if known != .max { return known }
        let assigned = ordinal(of: callerEndpoints[position])
        callerOrdinals[position] = assigned
        return assigned
    }

    /// Writes the previous origin's row when the origin changes.
    private func start(_ ordinal: UInt32, _ origin: TravelEndpoint) throws {
        currentOrigin = origin
        guard ordinal != currentOrdinal else { return }
        try flush()
        pending.origin = ordinal
        currentOrdinal = ordinal
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
        currentOrdinal = nil
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

    public init(origin: TravelEndpoint, destination: TravelEndpoint, tag: Int) {
        self.origin = origin
        self.destination = destination
        self.tag = tag
    }
}
