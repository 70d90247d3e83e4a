import Foundation
import MaillageScenario
import MaillageSim

/// summary.json: a scenario run's territory-wide values, as `scenario run` writes it and `--json` prints it.
public struct ScenarioSummary: Codable, Sendable, Equatable {
    /// A simulated indicator's mean and, when defined, its 95 % interval.
    public struct Simulated: Codable, Sendable, Equatable {
        /// The mean over replications and its 95 % interval.
        public var mean: Double
        /// The lower 95 % bound, nil with one replication or an undefined value.
        public var low: Double?
        /// The upper 95 % bound, nil with one replication or an undefined value.
        public var high: Double?

        /// A simulated mean and its interval.
        public init(mean: Double, low: Double? = nil, high: Double? = nil) {
            (self.mean, self.low, self.high) = (mean, low, high)
        }
    }

    /// The scenario's name.
    public var scenario: String
    /// The day the accessibility indicators describe.
    public var accessDay: Int
    /// How many changes and events the scenario has.
    public var changes: Int
    /// Dated events (demand surges, travel slowdowns, epidemics) the scenario's simulation applies.
    public var events: Int
    /// Accessibility indicator label → territory value (undefined ones left out).
    public var indicators: [String: Double]
    /// Simulated indicators (absent when the scenario does not simulate).
    public var simulation: [String: Simulated]?
    /// Replications and seed of the simulation.
    public var replications: Int?
    /// The seed, as text.
    public var seed: String?

    enum CodingKeys: String, CodingKey {
        case scenario, changes, events, indicators, simulation, replications, seed
        case accessDay = "access_day"
    }

    /// The summary of a scenario's accessibility results and simulation.
    public init(
        _ scenario: Scenario, _ results: [ScenarioRunner.IndicatorResult], simulation: SimulationResult? = nil
    ) {
        (self.scenario, accessDay) = (scenario.name, scenario.accessDay)
        (changes, events) = (scenario.changes.count, scenario.events.count)
        indicators = [:]
        for result in results where !result.territoryValue.isNaN {
            indicators[result.spec.label] = result.territoryValue
        }
        guard let simulation else { return }
        var simulated: [String: Simulated] = [:]
        for indicator in simulation.territory where indicator.mean.isFinite {
            var entry = Simulated(mean: indicator.mean)
            if let low = indicator.low, let high = indicator.high, low.isFinite, high.isFinite {
                (entry.low, entry.high) = (low, high)
            }
            simulated[indicator.name] = entry
        }
        self.simulation = simulated
        replications = scenario.replications
        seed = String(scenario.seed)
    }
}
