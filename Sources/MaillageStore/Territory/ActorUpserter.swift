import GRDB
import MaillageCore

/// Adds or replaces many actors inside a transaction, a batch of rows per statement.
///
/// Made by ``TerritoryWriter/actorUpserter()``; valid only inside that transaction; call
/// ``finish()`` after the last actor. The result is that of calling
/// ``TerritoryWriter/upsert(_:)-(Actor)`` for each actor in turn (an actor already stored is
/// replaced, capacities and services included), but a batch of ``batchSize`` actors costs a
/// handful of statements instead of about ten per actor, which made a file of millions of
/// actors take many minutes:
/// - one `SELECT … IN (…)` tells which actors of the batch exist (to count the updates and to
///   clear their old capacities and services, which new actors do not have);
/// - actors, capacities and services go in multi-row `INSERT`s (``MultiRowInsert``).
///
/// Memory holds one batch, whatever the number of actors.
package final class ActorUpserter {
    /// Actors per batch.
    package static let batchSize = 256

    private let database: Database
    private let actors: MultiRowInsert
    private let capacities: MultiRowInsert
    private let services: MultiRowInsert
    private var pending: [Actor] = []
    private var pendingIDs = Set<String>()
    /// The batch's capacity and service rows, kept to reuse their storage.
    private var capacityRows: [(String, Capacity)] = []
    private var serviceRows: [(String, String)] = []

    /// Actors added and replaced so far (the batch still waiting not counted).
    package private(set) var inserted = 0
    /// Actors that replaced a stored actor of the same id.
    package private(set) var updated = 0

    init(database: Database) {
        self.database = database
        actors = MultiRowInsert(
            database,
            head:
                "INSERT INTO actor(id, kind, name, lon, lat, zone_id, source_ref, source_x, source_y, source_crs, "
                + "practice_start_year) VALUES ",
            width: 11,
            tail: """
                 ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, name = excluded.name, lon = excluded.lon,
                    lat = excluded.lat, zone_id = excluded.zone_id, source_ref = excluded.source_ref,
                    source_x = excluded.source_x, source_y = excluded.source_y, source_crs = excluded.source_crs,
                    practice_start_year = excluded.practice_start_year
                """
        )
        // As ``TerritoryWriter/setCapacity(_:of:)``: a measure given twice keeps the last value.
        capacities = MultiRowInsert(
            database, head: "INSERT INTO actor_capacity(actor_id, measure, value, estimated) VALUES ", width: 4,
            tail: " ON CONFLICT(actor_id, measure) DO UPDATE SET value = excluded.value, estimated = excluded.estimated"
        )
        // As ``TerritoryWriter/addService(_:to:)``: a service given twice is kept once.
        services = MultiRowInsert(
            database, head: "INSERT OR IGNORE INTO actor_service(actor_id, service) VALUES ", width: 2)
        pending.reserveCapacity(Self.batchSize)
    }

    /// Adds or replaces an actor; it is written with its batch, at a later call or ``finish()``.
    package func upsert(_ actor: Actor) throws {
        // The same id twice in a batch would be counted as added twice: write the first before.
        if pendingIDs.contains(actor.id) { try flush() }
        pending.append(actor)
        pendingIDs.insert(actor.id)
        if pending.count == Self.batchSize { try flush() }
    }

    /// Writes the actors still waiting.
    package func finish() throws {
        try flush()
    }

    private func flush() throws {
        guard !pending.isEmpty else { return }
        defer {
            pending.removeAll(keepingCapacity: true)
            pendingIDs.removeAll(keepingCapacity: true)
        }
        let existing = try TerritoryWriter(db: database).existingIDs(in: "actor", among: pending.map(\.id))
        if !existing.isEmpty {
            let ids = Array(existing)
            try database.execute(
                sql: "DELETE FROM actor_capacity WHERE actor_id IN (\(Self.placeholders(ids.count)))",
                arguments: StatementArguments(ids))
            try database.execute(
                sql: "DELETE FROM actor_service WHERE actor_id IN (\(Self.placeholders(ids.count)))",
                arguments: StatementArguments(ids))
        }
        try actors.run(pending) { actor, binder in
            try binder.bind(actor.id)
            try binder.bind(actor.kind.rawValue)
            try binder.bind(actor.name)
            try binder.bind(actor.point.longitude)
            try binder.bind(actor.point.latitude)
            try binder.bind(actor.zoneID)
            try binder.bind(actor.sourceReference)
            try binder.bind(actor.sourcePosition?.x)
            try binder.bind(actor.sourcePosition?.y)
            try binder.bind(actor.sourcePosition?.crs)
            try binder.bind(actor.practiceStartYear)
        }
        capacityRows.removeAll(keepingCapacity: true)
        serviceRows.removeAll(keepingCapacity: true)
        for actor in pending {
            for capacity in actor.capacities { capacityRows.append((actor.id, capacity)) }
            for service in actor.services { serviceRows.append((actor.id, service)) }
        }
        try capacities.run(capacityRows) { row, binder in
            try binder.bind(row.0)
            try binder.bind(row.1.measure.rawValue)
            try binder.bind(row.1.value)
            try binder.bind(row.1.isEstimated)
        }
        try services.run(serviceRows) { row, binder in
            try binder.bind(row.0)
            try binder.bind(row.1)
        }
        updated += existing.count
        inserted += pending.count - existing.count
    }

    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ",")
    }
}
