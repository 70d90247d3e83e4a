import Foundation
import GRDB

extension TerritoryMigrator {
    /// A simulation run's zone means stored as columns: one `simulation_zone_column` row per
    /// indicator holding every zone's value as a packed blob, over the run's zone list
    /// (`simulation_zone`).
    ///
    /// Before, each zone value was a `simulation_value` row keyed by four columns, text among
    /// them: a 200,000-zone run wrote 15.2 million rows, about half of `simulate`'s time and
    /// more than its agents cost (perf). The zone means (replication 0) of every stored run are
    /// converted here, with the same values and intervals.
    static func storeSimulationZoneColumns(_ db: Database) throws {
        try db.execute(
            sql: """
                -- A run's zones, numbered from 0 in the order the run gave them.
                CREATE TABLE simulation_zone (
                    run_id INTEGER NOT NULL REFERENCES simulation_run(id) ON DELETE CASCADE,
                    ordinal INTEGER NOT NULL CHECK (ordinal >= 0),
                    zone_id TEXT NOT NULL,
                    PRIMARY KEY (run_id, ordinal),
                    UNIQUE (run_id, zone_id)
                ) WITHOUT ROWID;

                -- One indicator's mean over replications for every zone of the run: float64,
                -- little-endian, in `simulation_zone` order, NaN where undefined; its 95 % bounds
                -- likewise (NULL when the run has no intervals for it).
                CREATE TABLE simulation_zone_column (
                    run_id INTEGER NOT NULL REFERENCES simulation_run(id) ON DELETE CASCADE,
                    ordinal INTEGER NOT NULL CHECK (ordinal >= 0),
                    name TEXT NOT NULL,
                    zone_values BLOB NOT NULL,
                    ci_low BLOB,
                    ci_high BLOB,
                    PRIMARY KEY (run_id, ordinal),
                    UNIQUE (run_id, name)
                );
                """)
        let runs = try Int64.fetchAll(
            db, sql: "SELECT DISTINCT run_id FROM simulation_value WHERE scope = 'zone' AND replication = 0")
        for run in runs {
            try TerritoryDatabase.insertZoneTable(try zoneTableFromRows(db, run: run), run: run, into: db)
        }
        try db.execute(sql: "DELETE FROM simulation_value WHERE scope = 'zone' AND replication = 0")
    }

    /// The zone means one run stored as rows, as a table: zones and indicators in key order.
    ///
    /// Read row by row through SQLite's C interface: a 200,000-zone run has 15.2 million rows,
    /// which GRDB's `Row.fetchAll` held as 5.6 GB (measured on such a database).
    private static func zoneTableFromRows(_ db: Database, run: Int64) throws -> SimulationRun.ZoneTable {
        var zones: [String] = []
        var names: [String] = []
        var columnIndex: [String: Int] = [:]
        var values: [[Double]] = []
        var lows: [[Double]] = []
        var highs: [[Double]] = []
        var hasInterval: [Bool] = []
        try StoredColumns.forEachRow(
            db,
            sql: """
                SELECT subject_id, name, value, ci_low, ci_high FROM simulation_value
                WHERE run_id = ? AND scope = 'zone' AND replication = 0 ORDER BY subject_id, name
                """, arguments: [run]
        ) { row in
            let zone = try row.text(0)
            if zones.last != zone {
                zones.append(zone)
                for column in names.indices {
                    values[column].append(.nan)
                    lows[column].append(.nan)
                    highs[column].append(.nan)
                }
            }
            let name = try row.text(1)
            let column: Int
            if let known = columnIndex[name] {
                column = known
            } else {
                column = names.count
                columnIndex[name] = column
                names.append(name)
                let empty = [Double](repeating: .nan, count: zones.count)
                values.append(empty)
                lows.append(empty)
                highs.append(empty)
                hasInterval.append(false)
            }
            let (low, high) = (try row.optionalDouble(3), try row.optionalDouble(4))
            if low != nil || high != nil { hasInterval[column] = true }
            values[column][zones.count - 1] = try row.optionalDouble(2) ?? .nan
            lows[column][zones.count - 1] = low ?? .nan
            highs[column][zones.count - 1] = high ?? .nan
        }
        let ordered = names.indices.sorted { names[$0].utf8.lexicographicallyPrecedes(names[$1].utf8) }
        return SimulationRun.ZoneTable(
            zoneIDs: zones,
            columns: ordered.map { column in
                .init(
                    name: names[column], values: values[column], low: hasInterval[column] ? lows[column] : nil,
                    high: hasInterval[column] ? highs[column] : nil)
            })
    }
}
