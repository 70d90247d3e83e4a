import GRDB

/// What identifies a stored simulation run without its values: for listings and provenance.
public struct SimulationRunHeader: Sendable, Equatable {
    /// The run's id in the database, to load its values or name it in a listing.
    public var id: Int64
    /// The complete parameters as canonical JSON.
    public var parameters: String
    /// The events as canonical JSON (`[]` when none).
    public var events: String
    /// Days simulated.
    public var days: Int
    /// The seed as decimal text (a UInt64 does not fit SQLite's signed integers).
    public var seed: String
    /// Replications run.
    public var replications: Int
    /// The fraction of inhabitants simulated (1 = everyone).
    public var sample: Double
    /// A hash of the territory and travel inputs the run was computed from, to tell a stale run.
    public var inputsFingerprint: String
    /// When the run was computed (ISO 8601).
    public var createdAt: String
    /// The Maillage version that computed it.
    public var maillageVersion: String
}

extension TerritoryDatabase {
    /// Every stored simulation run, oldest first.
    public func simulationRunHeaders() throws -> [SimulationRunHeader] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM simulation_run ORDER BY id").map(SimulationRunHeader.init(row:))
        }
    }

    /// Reads a stored simulation run back with its values and series; nil when no run has that id.
    public func simulationRun(id: Int64) throws -> SimulationRun? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM simulation_run WHERE id = ?", arguments: [id]) else { return nil }
            let values = try Row.fetchAll(db, sql: """
                SELECT scope, subject_id, replication, name, value, ci_low, ci_high FROM simulation_value
                WHERE run_id = ? ORDER BY scope, subject_id, replication, name
                """, arguments: [id]).compactMap { value -> SimulationRun.Value? in
                    guard let scope = SimulationRun.Value.Scope(rawValue: value["scope"]) else { return nil }
                    return SimulationRun.Value(scope: scope, subjectID: value["subject_id"], replication: value["replication"],
                                               name: value["name"], value: value["value"], low: value["ci_low"], high: value["ci_high"])
                }
            var series: [SimulationRun.Series] = []
            for point in try Row.fetchAll(db, sql: "SELECT name, day, value FROM simulation_series WHERE run_id = ? ORDER BY name, day",
                                          arguments: [id]) {
                let name: String = point["name"], day: Int = point["day"]
                if series.last?.name != name { series.append(.init(name: name, values: [])) }
                // Days are dense from 0; a gap (never written by Maillage) reads as undefined days.
                while series[series.count - 1].values.count < day { series[series.count - 1].values.append(nil) }
                series[series.count - 1].values.append(point["value"])
            }
            var run = SimulationRun(
                parameters: row["parameters"], events: row["events"], days: row["days"], seed: row["seed"],
                replications: row["replications"], sample: row["sample"], inputsFingerprint: row["inputs_fingerprint"],
                values: values, series: series
            )
            run.id = id
            return run
        }
    }
}

extension SimulationRunHeader {
    init(row: Row) {
        self.init(id: row["id"], parameters: row["parameters"], events: row["events"], days: row["days"], seed: row["seed"],
                  replications: row["replications"], sample: row["sample"], inputsFingerprint: row["inputs_fingerprint"],
                  createdAt: row["created_at"], maillageVersion: row["maillage_version"])
    }
}
