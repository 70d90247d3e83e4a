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
        let measures = (measuresOfSchemaOne + ["ed_short_stay_beds"]).map { "'\($0)'" }.joined(separator: ",")
        try db.execute(
            sql: """
                CREATE TABLE actor_capacity_11 (
                    actor_id TEXT NOT NULL REFERENCES actor(id) ON DELETE CASCADE,
                    measure TEXT NOT NULL CHECK (measure IN (\(measures))),
                    value REAL NOT NULL CHECK (value >= 0),
                    estimated INTEGER NOT NULL DEFAULT 0 CHECK (estimated IN (0, 1)),
                    PRIMARY KEY (actor_id, measure)
                ) WITHOUT ROWID;
                INSERT INTO actor_capacity_11 (actor_id, measure, value, estimated)
                    SELECT actor_id, measure, value, estimated FROM actor_capacity;
                DROP TABLE actor_capacity;
                ALTER TABLE actor_capacity_11 RENAME TO actor_capacity;
                """)
    }
}
