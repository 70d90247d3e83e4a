import Foundation
import GRDB
import MaillageCore

/// One `scenario run` stored with its provenance: the scenario file and its hash, the
/// territory's fingerprint, parameters, seed, replications, and its values.
public struct ScenarioRun: Sendable, Equatable {
    public var id: Int64?
    public var name: String
    public var scenarioFile: String
    public var scenarioHash: String
    public var territoryFingerprint: String
    /// The simulation parameters as canonical JSON (empty object without simulation).
    public var parameters: String
    public var seed: String
    public var replications: Int
    public var days: Int
    public var simulationRunID: Int64?
    public var values: [Value]

    /// A value of the scenario: territory-wide (zone `*`) or for a zone; low/high for
    /// simulated means over replications.
    public struct Value: Sendable, Equatable {
        public var source: String
        public var indicator: String
        public var zoneID: String
        public var value: Double?
        public var low: Double?
        public var high: Double?

        public init(source: String, indicator: String, zoneID: String, value: Double?, low: Double? = nil, high: Double? = nil) {
            self.source = source
            self.indicator = indicator
            self.zoneID = zoneID
            self.value = value
            self.low = low
            self.high = high
        }
    }

    public init(name: String, scenarioFile: String, scenarioHash: String, territoryFingerprint: String, parameters: String,
                seed: String, replications: Int, days: Int, simulationRunID: Int64?, values: [Value]) {
        self.name = name
        self.scenarioFile = scenarioFile
        self.scenarioHash = scenarioHash
        self.territoryFingerprint = territoryFingerprint
        self.parameters = parameters
        self.seed = seed
        self.replications = replications
        self.days = days
        self.simulationRunID = simulationRunID
        self.values = values
    }
}

extension TerritoryDatabase {
    /// Stores a scenario run, its values and the simulation run it made (linked as
    /// `simulation_run_id`) in one transaction: both or neither. Returns the scenario run's id.
    @discardableResult
    public func save(_ run: ScenarioRun, simulation: SimulationRun? = nil) throws -> Int64 {
        try write { db in
            var run = run
            if let simulation { run.simulationRunID = try Self.insert(simulation, into: db) }
            try db.execute(sql: """
                INSERT INTO scenario_run(name, scenario_file, scenario_hash, territory_fingerprint, parameters, seed, replications, days,
                                         simulation_run_id, created_at, maillage_version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [run.name, run.scenarioFile, run.scenarioHash, run.territoryFingerprint, run.parameters, run.seed,
                                 run.replications, run.days, run.simulationRunID, ISO8601DateFormatter().string(from: Date()), MaillageVersion.current])
            let id = db.lastInsertedRowID
            let insert = try db.cachedStatement(sql: """
                INSERT INTO scenario_value(run_id, source, indicator, zone_id, value, ci_low, ci_high) VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            for value in run.values {
                func defined(_ number: Double?) -> Double? { number.flatMap { $0.isFinite ? $0 : nil } }
                try insert.execute(arguments: [id, value.source, value.indicator, value.zoneID, defined(value.value), defined(value.low), defined(value.high)])
            }
            return id
        }
    }
}
