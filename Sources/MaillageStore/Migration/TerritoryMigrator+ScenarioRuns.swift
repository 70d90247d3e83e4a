import GRDB

extension TerritoryMigrator {
    /// Scenario runs: which scenario (file, content hash) ran on which territory, with what
    /// seed and replications, its territory-wide values, and the simulation run it stored.
    static func createScenarioRuns(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE scenario_run (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    scenario_file TEXT NOT NULL,
                    scenario_hash TEXT NOT NULL,
                    territory_fingerprint TEXT NOT NULL,
                    parameters TEXT NOT NULL,
                    seed TEXT NOT NULL,
                    replications INTEGER NOT NULL CHECK (replications > 0),
                    days INTEGER NOT NULL CHECK (days > 0),
                    simulation_run_id INTEGER REFERENCES simulation_run(id) ON DELETE SET NULL,
                    created_at TEXT NOT NULL,
                    maillage_version TEXT NOT NULL
                );

                CREATE TABLE scenario_value (
                    run_id INTEGER NOT NULL REFERENCES scenario_run(id) ON DELETE CASCADE,
                    source TEXT NOT NULL CHECK (source IN ('access', 'simulation')),
                    indicator TEXT NOT NULL,
                    zone_id TEXT NOT NULL,
                    value REAL,
                    ci_low REAL,
                    ci_high REAL,
                    PRIMARY KEY (run_id, source, indicator, zone_id)
                ) WITHOUT ROWID;
                """)
    }
}
