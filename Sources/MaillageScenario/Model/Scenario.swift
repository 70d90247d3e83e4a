import Foundation
import MaillageCore

/// A what-if: a base territory, changes and events with dates, and how to run it.
public struct Scenario: Sendable {
    /// The scenario's name, in results and reports.
    public var name: String
    /// The file it was read from (the last of an `extends` chain).
    public var file: String
    /// The territory database, resolved against the file's folder.
    public var territoryPath: String
    /// Day 0 of the horizon.
    public var start: Date
    /// Days simulated from day 0.
    public var days: Int
    /// The simulation's seed.
    public var seed: UInt64
    /// Independent replications of the simulation.
    public var replications: Int
    /// The simulation parameter file, resolved against the file's folder.
    public var parametersPath: String?
    /// Parameter overrides by dotted name.
    public var overrides: [String: Double]
    /// The accessibility indicators computed for the scenario.
    public var indicators: [IndicatorSpec]
    /// The day the territory is taken for accessibility (changes effective that day apply).
    public var accessDay: Int
    /// Changes to the territory (sites opened or closed, capacities, links), each with its day.
    public var changes: [Placed<ScenarioChange>]
    /// Events during the simulation (surges, slower travel, epidemics), each with its days.
    public var events: [Placed<ScenarioEvent>]
    /// Whether and how the simulation runs.
    public var simulation: SimulationSettings
    /// SHA-like hash of the files' contents (FNV-1a 64), for provenance.
    public var contentHash: String

    /// A value with the place in the file it came from, for errors found later.
    public struct Placed<Value: Sendable & Equatable>: Sendable, Equatable {
        /// The value.
        public var value: Value
        /// The file it was read from.
        public var file: String
        /// The 1-based line, when known.
        public var line: Int?
    }
}

/// One accessibility indicator of a scenario: a method (`coverage`, `e2sfca`, …) and its
/// options, written as on the command line (`kind: hospital`, `limit: 30`).
public struct IndicatorSpec: Sendable, Equatable {
    /// The access method's name (`coverage`, `e2sfca`, …), as after `maillage access`.
    public var method: AccessMethodName
    /// Option name → value, as the command line's options without their dashes.
    public var options: [String: String]
    /// The file the indicator was read from, for errors.
    public var file: String
    /// The 1-based line, when known.
    public var line: Int?

    /// A stable name for result columns and files: `coverage_hospital_emergency_30`.
    public var label: String {
        ([method.rawValue] + ["kind", "service", "limit", "decay", "demand"].compactMap { options[$0] })
            .joined(separator: "_").replacingOccurrences(of: ",", with: "-").replacingOccurrences(of: ":", with: "-")
    }
}
