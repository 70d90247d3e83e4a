import GRDB

extension TerritoryMigrator {
    /// Travel matrices stored for reading whole: one `travel_row` per origin holding its
    /// destinations (ordinals into the matrix's `travel_endpoint` list), minutes and kilometres
    /// as packed blobs (``PackedColumn``), keyed by integers; `travel_matrix` gains an integer id.
    ///
    /// Before, `travel_time` held one row per pair keyed by five text columns: reading back a
    /// 660,000-pair matrix took most of an `access` command. The pairs of every stored matrix
    /// are converted here, with the same times, distances and reading flags.
    static func packTravelMatrices(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE travel_matrix RENAME TO travel_matrix_v1;

                CREATE TABLE travel_matrix (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    directed INTEGER NOT NULL DEFAULT 0 CHECK (directed IN (0, 1)),
                    intrazone_minutes REAL NOT NULL DEFAULT 0 CHECK (intrazone_minutes >= 0),
                    description TEXT
                );

                -- The ends a matrix names, numbered from 0 in the order the file first gave them.
                CREATE TABLE travel_endpoint (
                    matrix_id INTEGER NOT NULL REFERENCES travel_matrix(id) ON DELETE CASCADE,
                    ordinal INTEGER NOT NULL CHECK (ordinal >= 0),
                    kind TEXT NOT NULL CHECK (kind IN ('zone', 'actor')),
                    id TEXT NOT NULL,
                    PRIMARY KEY (matrix_id, ordinal),
                    UNIQUE (matrix_id, kind, id)
                ) WITHOUT ROWID;

                -- One origin's pairs: `pairs` destination ordinals (uint32), minutes and km (float64,
                -- NaN = no distance; km NULL when the row has none), little-endian, in the order given.
                CREATE TABLE travel_row (
                    matrix_id INTEGER NOT NULL REFERENCES travel_matrix(id) ON DELETE CASCADE,
                    origin INTEGER NOT NULL CHECK (origin >= 0),
                    pairs INTEGER NOT NULL CHECK (pairs > 0),
                    destinations BLOB NOT NULL CHECK (length(destinations) = 4 * pairs),
                    minutes BLOB NOT NULL CHECK (length(minutes) = 8 * pairs),
                    km BLOB CHECK (km IS NULL OR length(km) = 8 * pairs),
                    PRIMARY KEY (matrix_id, origin)
                );

                INSERT INTO travel_matrix(name, directed, intrazone_minutes, description)
                    SELECT name, directed, intrazone_minutes, description FROM travel_matrix_v1 ORDER BY name;
                """)
        let writer = TerritoryWriter(db: db)
        for definition in try Row.fetchAll(db, sql: "SELECT * FROM travel_matrix ORDER BY name") {
            let (inserter, _) = try writer.replaceTravelMatrix(
                TravelMatrixDefinition(
                    name: definition["name"], isDirected: definition["directed"],
                    intrazoneMinutes: definition["intrazone_minutes"], description: definition["description"]))
            let pairs = try Row.fetchCursor(
                db,
                sql: """
                    SELECT origin_type, origin_id, destination_type, destination_id, minutes, km
                    FROM travel_time WHERE matrix = ? ORDER BY origin_type, origin_id, destination_type, destination_id
                    """, arguments: [definition["name"] as String])
            while let pair = try pairs.next() {
                try inserter.add(
                    from: TravelEndpoint(TravelEndpoint.Kind(rawValue: pair[0]) ?? .actor, pair[1]),
                    to: TravelEndpoint(TravelEndpoint.Kind(rawValue: pair[2]) ?? .actor, pair[3]),
                    minutes: pair[4], km: pair[5])
            }
            try inserter.finish()
        }
        try db.execute(sql: "DROP TABLE travel_time; DROP TABLE travel_matrix_v1;")
    }
}
