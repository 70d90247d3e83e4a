import GRDB

/// What identifies a stored simulation run without its values: for listings and provenance.
public struct SimulationRunHeader: Sendable, Equatable {
    /// The identity and provenance every stored run shares (kind `.simulation`, no name).
    public var header: StoredRunHeader
    /// The events as canonical JSON (`[]` when none).
    public var events: String
    /// The number of simulated days counted.
    public var days: Int
    /// The seed as decimal text.
    public var seed: String
    /// How many replications the values summarise.
    public var replications: Int
    /// The fraction of inhabitants simulated (1 = everyone).
    public var sample: Double

    /// Assigned by the database when the run was saved.
    public var id: Int64 { header.id }
    /// The complete parameters as canonical JSON.
    public var parameters: String { header.parameters }
    /// A hash of the inputs the run was computed from.
    public var inputsFingerprint: String { header.inputsFingerprint }
    /// When the run was computed (ISO 8601).
    public var createdAt: String { header.createdAt }
    /// The Maillage version that computed it.
    public var maillageVersion: String { header.maillageVersion }

    /// Creates a header from the shared part and the simulation's own fields.
    public init(header: StoredRunHeader, events: String, days: Int, seed: String, replications: Int, sample: Double) {
        self.header = header
        self.events = events
        self.days = days
        self.seed = seed
        self.replications = replications
        self.sample = sample
    }
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
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM simulation_run WHERE id = ?", arguments: [id])
            else { return nil }
            let values = try Row.fetchAll(
                db,
                sql: """
                    SELECT scope, subject_id, replication, name, value, ci_low, ci_high FROM simulation_value
                    WHERE run_id = ? ORDER BY scope, subject_id, replication, name
                    """, arguments: [id]
            ).compactMap { value -> SimulationRun.Value? in
                guard let scope = SimulationRun.Value.Scope(rawValue: value["scope"]) else { return nil }
                return SimulationRun.Value(
                    scope: scope, subjectID: value["subject_id"], replication: value["replication"],
                    name: value["name"], value: value["value"], low: value["ci_low"], high: value["ci_high"])
            }
            var series: [SimulationRun.Series] = []
            for point in try Row.fetchAll(
                db, sql: "SELECT name, day, value FROM simulation_series WHERE run_id = ? ORDER BY name, day",
                arguments: [id])
            {
                let name: String = point["name"]
                let day: Int = point["day"]
                if series.last?.name != name { series.append(.init(name: name, values: [])) }
                // Days are dense from 0; a gap (never written by Maillage) reads as undefined days.
                while series[series.count - 1].values.count < day { series[series.count - 1].values.append(nil) }
                series[series.count - 1].values.append(point["value"])
            }
            var run = SimulationRun(
                parameters: row["parameters"], events: row["events"], days: row["days"], seed: row["seed"],
                replications: row["replications"], sample: row["sample"], inputsFingerprint: row["inputs_fingerprint"],
                values: values, series: series, zoneTable: try Self.zoneTable(run: id, in: db)
            )
            run.id = id
            return run
        }
    }
}

extension SimulationRunHeader {
    init(row: Row) {
        self.init(
            header: StoredRunHeader(row: row, kind: .simulation), events: row["events"], days: row["days"],
            seed: row["seed"], replications: row["replications"], sample: row["sample"])
    }
}
