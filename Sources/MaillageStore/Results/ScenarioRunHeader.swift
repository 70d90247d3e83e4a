import GRDB

/// What identifies a stored scenario run without its values: for listings and provenance.
public struct ScenarioRunHeader: Sendable, Equatable {
    /// The identity and provenance every stored run shares (kind `.scenario`, name = the scenario's name,
    /// inputs fingerprint = the territory's).
    public var header: StoredRunHeader
    /// The scenario file as given on the command line.
    public var scenarioFile: String
    /// A hash of the scenario file's content.
    public var scenarioHash: String
    /// The seed as decimal text.
    public var seed: String
    /// How many replications the simulated values summarise.
    public var replications: Int
    /// The number of simulated days.
    public var days: Int
    /// The simulation run the scenario stored, when it simulated and that run is still there.
    public var simulationRunID: Int64?

    /// Assigned by the database when the run was saved.
    public var id: Int64 { header.id }
    /// The scenario's name.
    public var name: String { header.name ?? "" }

    /// Creates a header from the shared part and the scenario's own fields.
    public init(
        header: StoredRunHeader, scenarioFile: String, scenarioHash: String, seed: String, replications: Int,
        days: Int, simulationRunID: Int64?
    ) {
        self.header = header
        self.scenarioFile = scenarioFile
        self.scenarioHash = scenarioHash
        self.seed = seed
        self.replications = replications
        self.days = days
        self.simulationRunID = simulationRunID
    }
}

extension TerritoryDatabase {
    /// Every stored scenario run, oldest first.
    public func scenarioRunHeaders() throws -> [ScenarioRunHeader] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM scenario_run ORDER BY id").map(ScenarioRunHeader.init(row:))
        }
    }
}

extension ScenarioRunHeader {
    init(row: Row) {
        self.init(
            header: StoredRunHeader(row: row, kind: .scenario), scenarioFile: row["scenario_file"],
            scenarioHash: row["scenario_hash"], seed: row["seed"], replications: row["replications"],
            days: row["days"], simulationRunID: row["simulation_run_id"])
    }
}
