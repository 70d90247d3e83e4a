import GRDB

extension TerritoryMigrator {
    /// The capacity measures migration 1 allowed: written out so that a new measure cannot
    /// change what that step did.
    static let measuresOfSchemaOne = [
        "fte", "consultations_per_day", "consultations_per_year", "list_size", "beds", "places",
        "ed_visits_per_day", "ed_visits_per_year",
    ]

    /// `actor_capacity` accepts `ed_short_stay_beds` (SAE's UHCD beds, the emergency choice's size).
    ///
    /// SQLite cannot change a CHECK constraint in place: the table is copied into one with the
    /// longer list, row for row, and takes its name.
    static func allowShortStayBeds(_ db: Database) throws {
        try db.execute(
            sql: actorCapacityTable("actor_capacity_11", measures: measuresOfSchemaOne + ["ed_short_stay_beds"]) + """
                ;
                INSERT INTO actor_capacity_11 (actor_id, measure, value, estimated)
                    SELECT actor_id, measure, value, estimated FROM actor_capacity;
                DROP TABLE actor_capacity;
                ALTER TABLE actor_capacity_11 RENAME TO actor_capacity;
                """)
    }

    /// The `CREATE TABLE` of the actors' capacities, limited to `measures`: migration 1's table,
    /// and the copy migration 11 makes of it with one measure more.
    static func actorCapacityTable(_ name: String, measures: [String]) -> String {
        """
        CREATE TABLE \(name) (
            actor_id TEXT NOT NULL REFERENCES actor(id) ON DELETE CASCADE,
            measure TEXT NOT NULL CHECK (measure IN (\(measures.map { "'\($0)'" }.joined(separator: ",")))),
            value REAL NOT NULL CHECK (value >= 0),
            estimated INTEGER NOT NULL DEFAULT 0 CHECK (estimated IN (0, 1)),
            PRIMARY KEY (actor_id, measure)
        ) WITHOUT ROWID
        """
    }
}
