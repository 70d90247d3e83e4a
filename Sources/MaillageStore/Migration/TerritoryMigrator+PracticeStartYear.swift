import GRDB

extension TerritoryMigrator {
    /// The year an actor's practitioner started practising (GP retirement by years in practice);
    /// NULL for every actor stored before, which the simulation treats as unknown.
    static func addPracticeStartYear(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE actor ADD COLUMN practice_start_year INTEGER
                    CHECK (practice_start_year IS NULL OR practice_start_year BETWEEN 1900 AND 2200)
                """)
    }
}
