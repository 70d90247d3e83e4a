import GRDB
import MaillageCore

/// The schema's history: each step is a migration that later versions never edit.
///
/// Later capabilities (results, scenarios, runs) append their own steps here.
enum TerritoryMigrator {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("1-territory", migrate: createTerritorySchema)
        migrator.registerMigration("2-indicator-runs", migrate: createIndicatorRuns)
        migrator.registerMigration("3-simulation-runs", migrate: createSimulationRuns)
        migrator.registerMigration("4-simulation-series", migrate: createSimulationSeries)
        migrator.registerMigration("5-scenario-runs", migrate: createScenarioRuns)
        migrator.registerMigration("6-packed-travel-matrices", migrate: packTravelMatrices)
        migrator.registerMigration("7-observed-series", migrate: createObservedSeries)
        migrator.registerMigration("8-actor-practice-start-year", migrate: addPracticeStartYear)
        migrator.registerMigration("9-travel-row-pairs-index", migrate: indexTravelRowPairs)
        migrator.registerMigration("10-simulation-zone-columns", migrate: storeSimulationZoneColumns)
        migrator.registerMigration("11-short-stay-beds", migrate: allowShortStayBeds)
        return migrator
    }

    /// The identifiers of every migration this version knows, oldest first.
    static var knownIdentifiers: [String] { migrator.migrations }

    private static func createTerritorySchema(_ db: Database) throws {
        let kinds = ActorKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ",")
        let linkKinds = LinkKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ",")
        try db.execute(
            sql: """
                CREATE TABLE metadata (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                ) WITHOUT ROWID;

                CREATE TABLE age_band (
                    id TEXT PRIMARY KEY NOT NULL,
                    lower_age INTEGER NOT NULL UNIQUE CHECK (lower_age >= 0),
                    upper_age INTEGER CHECK (upper_age IS NULL OR upper_age >= lower_age)
                ) WITHOUT ROWID;

                CREATE TABLE zone (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
                    lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
                    population REAL NOT NULL DEFAULT 0 CHECK (population >= 0),
                    density_class INTEGER CHECK (density_class BETWEEN 1 AND 4),
                    boundary TEXT,
                    provenance TEXT
                ) WITHOUT ROWID;

                CREATE TABLE zone_population (
                    zone_id TEXT NOT NULL REFERENCES zone(id) ON DELETE CASCADE,
                    age_band_id TEXT NOT NULL REFERENCES age_band(id),
                    population REAL NOT NULL CHECK (population >= 0),
                    PRIMARY KEY (zone_id, age_band_id)
                ) WITHOUT ROWID;

                CREATE TABLE actor (
                    id TEXT PRIMARY KEY NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN (\(kinds))),
                    name TEXT NOT NULL,
                    lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
                    lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
                    zone_id TEXT REFERENCES zone(id) ON DELETE SET NULL,
                    source_ref TEXT,
                    source_x REAL,
                    source_y REAL,
                    source_crs TEXT,
                    CHECK ((source_x IS NULL) = (source_crs IS NULL) AND (source_y IS NULL) = (source_crs IS NULL))
                ) WITHOUT ROWID;
                CREATE INDEX actor_by_kind ON actor(kind);
                CREATE INDEX actor_by_zone ON actor(zone_id);

                \(actorCapacityTable("actor_capacity", measures: measuresOfSchemaOne));

                CREATE TABLE actor_service (
                    actor_id TEXT NOT NULL REFERENCES actor(id) ON DELETE CASCADE,
                    service TEXT NOT NULL,
                    PRIMARY KEY (actor_id, service)
                ) WITHOUT ROWID;

                CREATE TABLE link (
                    id INTEGER PRIMARY KEY,
                    from_actor_id TEXT NOT NULL REFERENCES actor(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL CHECK (kind IN (\(linkKinds))),
                    to_actor_id TEXT REFERENCES actor(id) ON DELETE CASCADE,
                    to_zone_id TEXT REFERENCES zone(id) ON DELETE CASCADE,
                    strength REAL NOT NULL DEFAULT 1 CHECK (strength BETWEEN 0 AND 1),
                    CHECK ((to_actor_id IS NULL) <> (to_zone_id IS NULL)),
                    CHECK ((kind = 'covers') = (to_zone_id IS NOT NULL))
                );
                CREATE UNIQUE INDEX link_to_actor ON link(from_actor_id, kind, to_actor_id) WHERE to_actor_id IS NOT NULL;
                CREATE UNIQUE INDEX link_to_zone ON link(from_actor_id, kind, to_zone_id) WHERE to_zone_id IS NOT NULL;
                CREATE INDEX link_by_target_actor ON link(to_actor_id);
                CREATE INDEX link_by_target_zone ON link(to_zone_id);

                -- One travel-time matrix per source (an OSRM file, a straight-line model run).
                CREATE TABLE travel_matrix (
                    name TEXT PRIMARY KEY NOT NULL,
                    directed INTEGER NOT NULL DEFAULT 0 CHECK (directed IN (0, 1)),
                    intrazone_minutes REAL NOT NULL DEFAULT 0 CHECK (intrazone_minutes >= 0),
                    description TEXT
                ) WITHOUT ROWID;

                CREATE TABLE travel_time (
                    matrix TEXT NOT NULL REFERENCES travel_matrix(name) ON DELETE CASCADE,
                    origin_type TEXT NOT NULL CHECK (origin_type IN ('zone', 'actor')),
                    origin_id TEXT NOT NULL,
                    destination_type TEXT NOT NULL CHECK (destination_type IN ('zone', 'actor')),
                    destination_id TEXT NOT NULL,
                    minutes REAL NOT NULL CHECK (minutes >= 0),
                    km REAL CHECK (km IS NULL OR km >= 0),
                    PRIMARY KEY (matrix, origin_type, origin_id, destination_type, destination_id)
                ) WITHOUT ROWID;
                """)
    }

    /// Accessibility results: one run per computation, its values per zone.
    private static func createIndicatorRuns(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE indicator_run (
                    id INTEGER PRIMARY KEY,
                    method TEXT NOT NULL,
                    parameters TEXT NOT NULL,
                    inputs_fingerprint TEXT NOT NULL,
                    summary TEXT,
                    created_at TEXT NOT NULL,
                    maillage_version TEXT NOT NULL
                );

                CREATE TABLE indicator_value (
                    run_id INTEGER NOT NULL REFERENCES indicator_run(id) ON DELETE CASCADE,
                    zone_id TEXT NOT NULL,
                    name TEXT NOT NULL,
                    value REAL,
                    text TEXT,
                    PRIMARY KEY (run_id, zone_id, name)
                ) WITHOUT ROWID;
                """)
    }

    /// Simulation results: one run per `simulate`, its values for the territory (per replication
    /// and as a mean with its interval), per zone and per actor (means); replication 0 = the mean.
    private static func createSimulationRuns(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE simulation_run (
                    id INTEGER PRIMARY KEY,
                    parameters TEXT NOT NULL,
                    events TEXT NOT NULL,
                    days INTEGER NOT NULL CHECK (days > 0),
                    seed TEXT NOT NULL,
                    replications INTEGER NOT NULL CHECK (replications > 0),
                    sample REAL NOT NULL DEFAULT 1 CHECK (sample > 0 AND sample <= 1),
                    inputs_fingerprint TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    maillage_version TEXT NOT NULL
                );

                CREATE TABLE simulation_value (
                    run_id INTEGER NOT NULL REFERENCES simulation_run(id) ON DELETE CASCADE,
                    scope TEXT NOT NULL CHECK (scope IN ('territory', 'zone', 'actor')),
                    subject_id TEXT NOT NULL,
                    replication INTEGER NOT NULL CHECK (replication >= 0),
                    name TEXT NOT NULL,
                    value REAL,
                    ci_low REAL,
                    ci_high REAL,
                    PRIMARY KEY (run_id, scope, subject_id, replication, name)
                ) WITHOUT ROWID;
                """)
    }

    /// Daily series of a simulation run (mean over replications): `name` is `<role>.used` or
    /// `<role>.offered`, `day` counts from the start date (0) to the last simulated day.
    private static func createSimulationSeries(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE simulation_series (
                    run_id INTEGER NOT NULL REFERENCES simulation_run(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    day INTEGER NOT NULL CHECK (day >= 0),
                    value REAL,
                    PRIMARY KEY (run_id, name, day)
                ) WITHOUT ROWID;
                """)
    }
}
