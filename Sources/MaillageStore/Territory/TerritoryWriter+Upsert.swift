import GRDB
import MaillageCore

/// Whether an upsert added a new row or replaced an existing one.
public enum UpsertOutcome: Sendable, Equatable {
    case inserted
    case updated
}

extension TerritoryWriter {
    /// Adds a zone, or replaces the one with the same id (population by band included),
    /// so that importing the same file twice leaves one copy.
    @discardableResult
    public func upsert(_ zone: Zone) throws -> UpsertOutcome {
        let existed = try exists(table: "zone", id: zone.id)
        try db.cachedStatement(
            sql: """
                INSERT INTO zone(id, name, lon, lat, population, density_class, boundary, provenance)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET name = excluded.name, lon = excluded.lon, lat = excluded.lat,
                    population = excluded.population, density_class = excluded.density_class,
                    boundary = excluded.boundary, provenance = excluded.provenance
                """
        ).execute(arguments: [
            zone.id, zone.name, zone.point.longitude, zone.point.latitude,
            zone.population.total, zone.densityClass?.rawValue,
            zone.boundary?.geoJSONGeometry, zone.provenance,
        ])
        try db.cachedStatement(sql: "DELETE FROM zone_population WHERE zone_id = ?").execute(arguments: [zone.id])
        let bands = try db.cachedStatement(
            sql: "INSERT INTO zone_population(zone_id, age_band_id, population) VALUES (?, ?, ?)"
        )
        for (band, count) in zone.population.bandsInAgeOrder {
            try bands.execute(arguments: [zone.id, band.id, count])
        }
        return existed ? .updated : .inserted
    }

    /// Adds an actor, or replaces the one with the same id (capacities and services included).
    @discardableResult
    public func upsert(_ actor: Actor) throws -> UpsertOutcome {
        let existed = try exists(table: "actor", id: actor.id)
        try db.cachedStatement(
            sql: """
                INSERT INTO actor(id, kind, name, lon, lat, zone_id, source_ref, source_x, source_y, source_crs,
                    practice_start_year)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, name = excluded.name, lon = excluded.lon,
                    lat = excluded.lat, zone_id = excluded.zone_id, source_ref = excluded.source_ref,
                    source_x = excluded.source_x, source_y = excluded.source_y, source_crs = excluded.source_crs,
                    practice_start_year = excluded.practice_start_year
                """
        ).execute(arguments: [
            actor.id, actor.kind.rawValue, actor.name, actor.point.longitude, actor.point.latitude,
            actor.zoneID, actor.sourceReference,
            actor.sourcePosition?.x, actor.sourcePosition?.y, actor.sourcePosition?.crs, actor.practiceStartYear,
        ])
        try db.cachedStatement(sql: "DELETE FROM actor_capacity WHERE actor_id = ?").execute(arguments: [actor.id])
        try db.cachedStatement(sql: "DELETE FROM actor_service WHERE actor_id = ?").execute(arguments: [actor.id])
        for capacity in actor.capacities { try setCapacity(capacity, of: actor.id) }
        for service in actor.services { try addService(service, to: actor.id) }
        return existed ? .updated : .inserted
    }

    /// Adds a link, or updates the strength of the same (from, kind, to) link.
    @discardableResult
    public func upsert(_ link: Link) throws -> UpsertOutcome {
        let target = link.kind.targetsZone ? "to_zone_id" : "to_actor_id"
        let existed =
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT EXISTS (SELECT 1 FROM link WHERE from_actor_id = ? AND kind = ? AND \(target) = ?)
                    """, arguments: [link.from, link.kind.rawValue, link.to]) ?? false
        try db.cachedStatement(
            sql: """
                INSERT INTO link(from_actor_id, kind, \(target), strength) VALUES (?, ?, ?, ?)
                ON CONFLICT(from_actor_id, kind, \(target)) WHERE \(target) IS NOT NULL
                DO UPDATE SET strength = excluded.strength
                """
        ).execute(arguments: [link.from, link.kind.rawValue, link.to, link.strength])
        return existed ? .updated : .inserted
    }

    /// Sets one capacity of an actor, replacing the value in the same measure.
    public func setCapacity(_ capacity: Capacity, of actorID: String) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO actor_capacity(actor_id, measure, value, estimated) VALUES (?, ?, ?, ?)
                ON CONFLICT(actor_id, measure) DO UPDATE SET value = excluded.value, estimated = excluded.estimated
                """
        ).execute(arguments: [actorID, capacity.measure.rawValue, capacity.value, capacity.isEstimated])
    }

    /// Adds a service (such as `emergency`) to an actor; adding it twice keeps one.
    public func addService(_ service: String, to actorID: String) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO actor_service(actor_id, service) VALUES (?, ?)")
            .execute(arguments: [actorID, service])
    }

    /// The kind of a stored actor, or nil when no actor has that id.
    public func actorKind(_ id: String) throws -> ActorKind? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT kind FROM actor WHERE id = ?"), arguments: [id])
            .flatMap(ActorKind.init(rawValue:))
    }

    /// Whether a zone with that id is stored.
    public func zoneExists(_ id: String) throws -> Bool {
        try exists(table: "zone", id: id)
    }

    /// Every stored zone's id, point and population, for joins and nearest-zone lookups.
    public func zonePoints() throws -> [(id: String, point: GeoPoint, population: Double)] {
        try Row.fetchAll(db, sql: "SELECT id, lon, lat, population FROM zone ORDER BY id").map {
            (id: $0["id"], point: try GeoPoint(longitude: $0["lon"], latitude: $0["lat"]), population: $0["population"])
        }
    }

    /// A batched writer of actors, for imports of many rows: see ``ActorUpserter``.
    package func actorUpserter() -> ActorUpserter {
        ActorUpserter(database: db)
    }

    /// The ids among `ids` that name a stored zone (one query for a whole batch of rows).
    public func existingZoneIDs(among ids: some Collection<String>) throws -> Set<String> {
        try existingIDs(in: "zone", among: ids)
    }

    /// The ids among `ids` that a row of `table` has, asked ``MultiRowInsert/defaultMaxRows`` at a time.
    func existingIDs(in table: String, among ids: some Collection<String>) throws -> Set<String> {
        var found = Set<String>()
        let all = Array(ids)
        for start in stride(from: 0, to: all.count, by: MultiRowInsert.defaultMaxRows) {
            let chunk = Array(all[start..<min(start + MultiRowInsert.defaultMaxRows, all.count)])
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            found.formUnion(
                try String.fetchSet(
                    db.cachedStatement(sql: "SELECT id FROM \(table) WHERE id IN (\(marks))"),
                    arguments: StatementArguments(chunk)
                ))
        }
        return found
    }

    private func exists(table: String, id: String) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE id = ?)"), arguments: [id]) ?? false
    }
}
