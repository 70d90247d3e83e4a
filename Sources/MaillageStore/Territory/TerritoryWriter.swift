import GRDB
import MaillageCore

/// Writes territory rows inside one transaction opened by ``TerritoryDatabase/transaction(_:)``.
///
/// Statements are prepared once per transaction and reused for every row, which keeps a
/// national-size territory (hundreds of thousands of rows) to a few seconds.
public struct TerritoryWriter {
    let db: Database

    /// Adds age bands that are not there yet; a band already stored is left as it is.
    public func insert(ageBands: [AgeBand]) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO age_band(id, lower_age, upper_age) VALUES (?, ?, ?)"
        )
        for band in ageBands {
            try statement.execute(arguments: [band.id, band.lowerAge, band.upperAge])
        }
    }

    /// Adds a zone with its population by age band.
    public func insert(_ zone: Zone) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO zone(id, name, lon, lat, population, density_class, boundary, provenance)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            zone.id, zone.name, zone.point.longitude, zone.point.latitude,
            zone.population.total, zone.densityClass?.rawValue,
            zone.boundary?.geoJSONGeometry, zone.provenance,
        ])
        let bands = try db.cachedStatement(
            sql: "INSERT INTO zone_population(zone_id, age_band_id, population) VALUES (?, ?, ?)"
        )
        for (band, count) in zone.population.bandsInAgeOrder {
            try bands.execute(arguments: [zone.id, band.id, count])
        }
    }

    /// Adds an actor with its capacities and services.
    public func insert(_ actor: Actor) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO actor(id, kind, name, lon, lat, zone_id, source_ref, source_x, source_y, source_crs,
                    practice_start_year)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            actor.id, actor.kind.rawValue, actor.name, actor.point.longitude, actor.point.latitude,
            actor.zoneID, actor.sourceReference,
            actor.sourcePosition?.x, actor.sourcePosition?.y, actor.sourcePosition?.crs, actor.practiceStartYear,
        ])
        let capacities = try db.cachedStatement(
            sql: "INSERT INTO actor_capacity(actor_id, measure, value, estimated) VALUES (?, ?, ?, ?)"
        )
        for capacity in actor.capacities {
            try capacities.execute(arguments: [
                actor.id, capacity.measure.rawValue, capacity.value, capacity.isEstimated,
            ])
        }
        let services = try db.cachedStatement(sql: "INSERT INTO actor_service(actor_id, service) VALUES (?, ?)")
        for service in actor.services {
            try services.execute(arguments: [actor.id, service])
        }
    }

    /// Adds a link; its ends must already be stored.
    public func insert(_ link: Link) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO link(from_actor_id, kind, to_actor_id, to_zone_id, strength) VALUES (?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            link.from, link.kind.rawValue,
            link.kind.targetsZone ? nil : link.to, link.kind.targetsZone ? link.to : nil,
            link.strength,
        ])
    }

    /// Sets a metadata value.
    public func setMetadata(_ key: MetadataKey, _ value: String) throws {
        try Metadata.write(key, value, db)
    }
}

extension TerritoryDatabase {
    /// Runs `body` in one transaction: everything it writes stays, or nothing does.
    public func transaction<T>(_ body: (TerritoryWriter) throws -> T) throws -> T {
        try write { db in try body(TerritoryWriter(db: db)) }
    }

    /// Stores a whole territory in one transaction, next to what the database already holds.
    ///
    /// - Throws: ``StoreError/invalidContent(path:detail:)`` when an id is already taken.
    public func save(_ territory: Territory) throws {
        try transaction { writer in
            try writer.setMetadata(.name, territory.name)
            if let crs = territory.sourceCRS { try writer.setMetadata(.sourceCRS, crs) }
            try writer.insert(ageBands: territory.ageBands)
            for zone in territory.zones { try writer.insert(zone) }
            for actor in territory.actors { try writer.insert(actor) }
            for link in territory.links { try writer.insert(link) }
        }
    }
}
