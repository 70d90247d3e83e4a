import Foundation
import GRDB
import MaillageCore

/// One `scenario run` stored with its provenance: the scenario file and its hash, the
/// territory's fingerprint, parameters, seed, replications, and its values.
public struct ScenarioRun: Sendable, Equatable {
    /// Assigned by the database when the run is saved.
    public var id: Int64?
    /// The scenario's name, as its file gives it.
    public var name: String
    /// The path of the scenario file the run read, standardized.
    public var scenarioFile: String
    /// The hash of the scenario files' contents, so that an edited file is told apart from the one run.
    public var scenarioHash: String
    /// The fingerprint of the base territory the scenario was applied to.
    public var territoryFingerprint: String
    /// The simulation parameters as canonical JSON (empty object without simulation).
    public var parameters: String
    /// The seed as decimal text (a UInt64 does not fit SQLite's signed integers).
    public var seed: String
    /// Replications of the scenario's simulation, as the scenario file sets them.
    public var replications: Int
    /// Days of the scenario's simulation, as the scenario file sets them.
    public var days: Int
    /// A linked simulation run in the same database, if any; cleared when that run is deleted.
    public var simulationRunID: Int64?
    /// The scenario's access and simulation values, territory-wide and per zone.
    public var values: [Value]

    /// A value of the scenario: territory-wide (zone `*`) or for a zone; low/high for
    /// simulated means over replications.
    public struct Value: Sendable, Equatable {
        /// Where the value comes from: `access` (deterministic) or `simulation`.
        public var source: String
        /// The indicator's label, as the scenario names it.
        public var indicator: String
        /// The zone, or `*` for the territory-wide value.
        public var zoneID: String
        /// The value (the mean over replications for a simulated one); nil when undefined.
        public var value: Double?
        /// The lower 95 % bound of a simulated mean; nil for an access value.
        public var low: Double?
        /// The upper 95 % bound of a simulated mean; nil for an access value.
        public var high: Double?

        /// A value; the interval is given only for simulated means.
        public init(
            source: String, indicator: String, zoneID: String, value: Double?, low: Double? = nil, high: Double? = nil
        ) {
            self.source = source
            self.indicator = indicator
            self.zoneID = zoneID
            self.value = value
            self.low = low
            self.high = high
        }
    }

    /// A run to save; the database assigns its id.
    public init(
        name: String, scenarioFile: String, scenarioHash: String, territoryFingerprint: String, parameters: String,
        seed: String, replications: Int, days: Int, simulationRunID: Int64?, values: [Value]
    ) {
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
            try db.execute(
                sql: """
                    INSERT INTO scenario_run(name, scenario_file, scenario_hash, territory_fingerprint, parameters, seed, replications, days,
                                             simulation_run_id, created_at, maillage_version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    run.name, run.scenarioFile, run.scenarioHash, run.territoryFingerprint, run.parameters, run.seed,
                    run.replications, run.days, run.simulationRunID, ISO8601DateFormatter().string(from: Date()),
                    MaillageVersion.current,
                ])
            let id = db.lastInsertedRowID
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO scenario_value(run_id, source, indicator, zone_id, value, ci_low, ci_high) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)
            for value in run.values {
                func defined(_ number: Double?) -> Double? { number.flatMap { $0.isFinite ? $0 : nil } }
                try insert.execute(arguments: [
                    id, value.source, value.indicator, value.zoneID, defined(value.value), defined(value.low),
                    defined(value.high),
                ])
            }
            return id
        }
    }
}
