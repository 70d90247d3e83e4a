import GRDB
import MaillageCore

/// What `maillage info` reports: the size and extent of a territory database.
public struct TerritorySummary: Sendable, Codable, Equatable {
    /// The territory's name, as given when the database was created.
    public var name: String
    /// Zones (communes) loaded.
    public var zones: Int
    /// Inhabitants over every zone.
    public var population: Double
    /// Actors (sites of care) loaded, every kind together.
    public var actors: Int
    /// Actor counts by kind, keyed by the kind's file name (`health_centre`).
    public var actorsByKind: [String: Int]
    /// Links (membership, referral, discharge, cover, partnership), every kind together.
    public var links: Int
    /// Link counts by kind, keyed by the kind's file name (`member_of`).
    public var linksByKind: [String: Int]
    /// Travel-time pairs stored, over every matrix.
    public var travelTimes: Int
    /// The box around every zone and actor, nil for an empty territory.
    public var boundingBox: BoundingBox?
    /// How many schema steps are applied (the schema version).
    public var schemaVersion: Int
    /// The names of the schema steps applied, oldest first.
    public var migrations: [String]
    /// The CRS the data came in before conversion to WGS84, when the database recorded one.
    public var sourceCRS: String?
    /// The Maillage version that created the database.
    public var maillageVersion: String?
    /// When the database was created (ISO 8601).
    public var createdAt: String?
}

extension TerritoryDatabase {
    /// Counts the territory's content without loading it.
    public func summary() throws -> TerritorySummary {
        let migrations = try appliedMigrations()
        return try read { db in
            let box = try Row.fetchOne(
                db,
                sql: """
                    SELECT min(lon) AS min_lon, min(lat) AS min_lat, max(lon) AS max_lon, max(lat) AS max_lat
                    FROM (SELECT lon, lat FROM zone UNION ALL SELECT lon, lat FROM actor)
                    """)
            let boundingBox: BoundingBox? = box.flatMap { row in
                guard let minLon = row["min_lon"] as Double? else { return nil }
                return BoundingBox(
                    minLongitude: minLon, minLatitude: row["min_lat"],
                    maxLongitude: row["max_lon"], maxLatitude: row["max_lat"]
                )
            }
            return try TerritorySummary(
                name: Metadata.read(.name, db) ?? "",
                zones: Int.fetchOne(db, sql: "SELECT count(*) FROM zone") ?? 0,
                population: Double.fetchOne(db, sql: "SELECT total(population) FROM zone") ?? 0,
                actors: Int.fetchOne(db, sql: "SELECT count(*) FROM actor") ?? 0,
                actorsByKind: counts(db, sql: "SELECT kind, count(*) FROM actor GROUP BY kind"),
                links: Int.fetchOne(db, sql: "SELECT count(*) FROM link") ?? 0,
                linksByKind: counts(db, sql: "SELECT kind, count(*) FROM link GROUP BY kind"),
                travelTimes: Int.fetchOne(db, sql: "SELECT coalesce(sum(pairs), 0) FROM travel_row") ?? 0,
                boundingBox: boundingBox,
                schemaVersion: migrations.count,
                migrations: migrations,
                sourceCRS: Metadata.read(.sourceCRS, db),
                maillageVersion: Metadata.read(.maillageVersion, db),
                createdAt: Metadata.read(.createdAt, db)
            )
        }
    }

    private func counts(_ db: Database, sql: String) throws -> [String: Int] {
        try Row.fetchAll(db, sql: sql).reduce(into: [:]) { $0[$1[0]] = $1[1] }
    }
}
