import GRDB

extension TerritoryMigrator {
    /// Observed activity (SAE emergency visits, …) per actor, zone or territory and year, with
    /// its source, so that calibration and validation read it like any other table.
    ///
    /// `subject_id` is not a foreign key: a national file keeps the sites the territory has
    /// not loaded yet, so that adding actors later needs no re-import (queries join `actor`).
    static func createObservedSeries(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE observed_value (
                    scope TEXT NOT NULL CHECK (scope IN ('actor', 'zone', 'territory')),
                    subject_id TEXT NOT NULL,
                    series TEXT NOT NULL,
                    year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
                    value REAL NOT NULL,
                    source TEXT NOT NULL,
                    PRIMARY KEY (scope, subject_id, series, year, source)
                ) WITHOUT ROWID;
                CREATE INDEX observed_by_series ON observed_value(series, year);
                """)
    }
}
