import Foundation
import GRDB
import MaillageCore

/// Adds one matrix's pairs inside a transaction, one packed row per origin.
///
/// Made by ``TerritoryWriter/replaceTravelMatrix(_:)``; valid only inside that transaction;
/// call ``finish()`` after the last pair. Pairs are gathered per origin and written as one
/// `travel_row` (destination ordinals, minutes and kilometres as blobs: ``PackedColumn``)
/// when the origin changes, so that a file grouped by origin, as OSRM and r5r write them,
/// costs one `INSERT` per origin and memory holds one origin's pairs at a time. An origin
/// that comes back later has its stored row read, extended and rewritten. The endpoints, in
/// the order they were first met, go to `travel_endpoint` at ``finish()``.
///
/// A pair given twice is found as it arrives: each endpoint carries the number of the last
/// row that named it as a destination, so the check is one comparison, with no sort.
package final class TravelTimeInserter {
    /// Kept for callers that sized their work on it; pairs are no longer written in fixed batches.
    package static let batchSize = 128

    private let database: Database
    private let matrixID: Int64
    private var ordinals: [TravelEndpoint: UInt32] = [:]
    private var endpoints: [TravelEndpoint] = []
    /// Per endpoint, the serial of the last row that named it as a destination.
    private var stamps: [UInt32] = []
    private var serial: UInt32 = 0
    /// Origins already written (by ordinal), to extend a row that comes back.
    private var written: Set<UInt32> = []
    private var pending = PackedRow()
    private var pendingOrigin: UInt32 = 0
    /// The stored row of an origin that came back, to be written again with the new pairs.
    private var storedRow: PackedRow?
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
    /// pair is stored twice.
    package func add(
        from origin: TravelEndpoint, to destination: TravelEndpoint, minutes: Double, km: Double?, tag: Int = 0
    ) throws {
        if origin != currentOrigin { try start(ordinal(of: origin), origin) }
        try append(ordinal(of: destination), minutes: minutes, km: km, tag: tag)
    }

    /// Numbers endpoints for ``add(fromEndpoint:toEndpoint:minutes:km:tag:)`` and
    /// ``add(_:minutes:)``, which then take positions in this list instead of endpoints: no
    /// id is hashed per pair. Only the endpoints that pairs name are stored.
    package func useEndpoints(_ endpoints: [TravelEndpoint]) {
        callerEndpoints = endpoints
        callerOrdinals = [UInt32](repeating: .max, count: endpoints.count)
    }

    /// Adds a pair between endpoints given by their positions in ``useEndpoints(_:)``'s list.
    @inline(__always)
    package func add(fromEndpoint origin: Int, toEndpoint destination: Int, minutes: Double, km: Double?, tag: Int = 0)
        throws
    {
        let from = callerOrdinal(origin)
        if from != currentOrdinal { try start(from, callerEndpoints[origin]) }
        try append(callerOrdinal(destination), minutes: minutes, km: km, tag: tag)
    }

    /// Adds matrix entries between endpoints given by their positions in ``useEndpoints(_:)``'s
    /// list, their values turned into minutes by `minutes`, without distances.
    package func add(_ entries: [MatrixEntry], minutes: (Double) -> Double) throws {
        for entry in entries {
            try add(
                fromEndpoint: Int(entry.origin), toEndpoint: Int(entry.destination), minutes: minutes(entry.value),
                km: nil)
        }
    }

    /// Writes the last origin's row and the matrix's endpoints.
    package func finish() throws {
        try flush()
        let statement = try database.cachedStatement(
            sql: "INSERT INTO travel_endpoint(matrix_id, ordinal, kind, id) VALUES (?, ?, ?, ?)")
        for (ordinal, endpoint) in endpoints.enumerated() {
            try statement.execute(arguments: [matrixID, ordinal, endpoint.kind.rawValue, endpoint.id])
        }
        currentOrigin = nil
        currentOrdinal = nil
    }

    @inline(__always)
    private func append(_ destination: UInt32, minutes: Double, km: Double?, tag: Int) throws {
        if stamps[Int(destination)] == serial {
            throw DuplicateTravelPair(
                origin: endpoints[Int(pendingOrigin)], destination: endpoints[Int(destination)], tag: tag)
        }
        stamps[Int(destination)] = serial
        pending.append(destination: destination, minutes: minutes, km: km)
    }

    @inline(__always)
    private func callerOrdinal(_ position: Int) -> UInt32 {
        let known = callerOrdinals[position]
        if known != .max { return known }
        let assigned = ordinal(of: callerEndpoints[position])
        callerOrdinals[position] = assigned
        return assigned
    }

    private func ordinal(of endpoint: TravelEndpoint) -> UInt32 {
        if let known = ordinals[endpoint] { return known }
        let next = UInt32(endpoints.count)
        ordinals[endpoint] = next
        endpoints.append(endpoint)
        stamps.append(0)
        return next
    }

    /// Writes the previous origin's row and starts this one's (with its stored pairs, if it
    /// came before, marked so that a pair given again is found).
    private func start(_ ordinal: UInt32, _ origin: TravelEndpoint) throws {
        currentOrigin = origin
        guard ordinal != currentOrdinal else { return }
        try flush()
        pendingOrigin = ordinal
        currentOrdinal = ordinal
        serial += 1
        if written.contains(ordinal) {
            let stored = try readRow(origin: ordinal)
            for destination in stored.destinations { stamps[Int(destination)] = serial }
            storedRow = stored
        }
    }

    /// Writes the pending origin's row, after its stored pairs when it had some.
    private func flush() throws {
        guard !pending.isEmpty else { return }
        defer {
            pending.removeAll()
            storedRow = nil
        }
        var row = pending
        if var stored = storedRow {
            stored.append(pending)
            row = stored
            try database.cachedStatement(sql: "DELETE FROM travel_row WHERE matrix_id = ? AND origin = ?")
                .execute(arguments: [matrixID, pendingOrigin])
        }
        written.insert(pendingOrigin)
        try database.cachedStatement(
            sql: """
                INSERT INTO travel_row(matrix_id, origin, pairs, destinations, minutes, km) VALUES (?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            matrixID, pendingOrigin, row.destinations.count,
            PackedColumn.blob(row.destinations[...]), PackedColumn.blob(row.minutes[...]),
            row.km.map { PackedColumn.blob($0[...]) },
        ])
    }

    private func readRow(origin: UInt32) throws -> PackedRow {
        let statement = try database.cachedStatement(
            sql: "SELECT destinations, minutes, km, pairs FROM travel_row WHERE matrix_id = ? AND origin = ?")
        var row = PackedRow()
        try StoredTravelRows.forEachRow(statement, arguments: [matrixID, origin]) {
            _, count, destinations, minutes, km in
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
package struct DuplicateTravelPair: Error, Sendable, Equatable {
    /// The pair's origin, as the import names it in the error.
    package let origin: TravelEndpoint
    /// The pair's destination.
    package let destination: TravelEndpoint
    /// The tag given with the second occurrence (its line number, for an importer).
    package let tag: Int

    /// The pair given twice and the second occurrence's tag.
    package init(origin: TravelEndpoint, destination: TravelEndpoint, tag: Int) {
        self.origin = origin
        self.destination = destination
        self.tag = tag
    }
}
