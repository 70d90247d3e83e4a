import Foundation
import MaillageCore
import MaillageSim

/// What a sensitivity analysis or calibration runs at each parameter point: the simulation of
/// a territory, or a scenario's paired difference with its territory unchanged.
///
/// Every point uses the same seed and replication indices (common random numbers), so that
/// differences between points come from the parameters, not from the draws.
public struct SensitivityModel: Sendable {
    enum Kind: Sendable {
        case territory(Territory, base: SimulationParameters)
        case scenario(Scenario, base: Territory)
    }

    let kind: Kind
    /// Days simulated at each point.
    public let days: Int
    /// The seed of every point (common random numbers).
    public let seed: UInt64
    /// Replications at each point.
    public let replications: Int
    /// The share of inhabitants simulated.
    public let sample: Double

    /// The simulation of `territory` with `base` parameters.
    public init(
        territory: Territory, base: SimulationParameters, days: Int, seed: UInt64, replications: Int, sample: Double
    ) {
        kind = .territory(territory, base: base)
        self.days = days
        self.seed = seed
        self.replications = replications
        self.sample = sample
    }

    /// The scenario's paired difference on `territory` (its days, seed, replications and sample).
    public init(scenario: Scenario, territory: Territory) {
        kind = .scenario(scenario, base: territory)
        days = scenario.days
        seed = scenario.seed
        replications = scenario.replications
        sample = scenario.simulation.sample
    }

    /// The parameters the points start from.
    public func baseParameters() throws -> SimulationParameters {
        switch kind {
        case .territory(_, let base): base
        case .scenario(let scenario, _): try scenario.simulationParameters()
        }
    }

    /// The territory simulated (a scenario's territory before its changes).
    public var territory: Territory {
        switch kind {
        case .territory(let territory, _): territory
        case .scenario(_, let territory): territory
        }
    }

    /// Territory indicators (names, values averaged over the replications) with `overrides` laid over the base.
    public func evaluate(_ overrides: [String: Double]) throws -> [(name: String, value: Double)] {
        try evaluateWithSites(overrides).indicators
    }

    /// Territory indicators and each emergency department's counts (both averaged over the
    /// replications) with `overrides` laid over the base; a scenario's paired difference has no site counts.
    public func evaluateWithSites(_ overrides: [String: Double]) throws -> (
        indicators: [(name: String, value: Double)], sites: [EmergencySiteCounts]
    ) {
        let indices = Array(0..<replications)
        switch kind {
        case .territory(let territory, let base):
            let parameters = try Self.parameters(base, overrides)
            let request = try SimulationRequest(
                territory: territory, parameters: parameters, days: days, seed: seed,
                replications: replications, threads: 1, sample: sample)
            let replications = try Simulation.indicators(request, replications: indices)
            return (Self.average(replications), EmergencySiteCounts.mean(replications.map(\.sites)))
        case .scenario(let scenario, let territory):
            var changed = scenario
            changed.overrides.merge(overrides) { $1 }
            var unchanged = changed
            unchanged.changes = []
            unchanged.events = []
            let alternative = Self.average(try changed.simulate(on: territory, replications: indices, threads: 1))
            let reference = Self.average(try unchanged.simulate(on: territory, replications: indices, threads: 1))
            return (zip(alternative, reference).map { (name: $0.name, value: $0.value - $1.value) }, [])
        }
    }

    /// `base` with dotted overrides, through the parameter file's merge and validation.
    public static func parameters(_ base: SimulationParameters, _ overrides: [String: Double]) throws
        -> SimulationParameters
    {
        guard var object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(base)) as? [String: Any] else {
            return base
        }
        for (name, value) in overrides.sorted(by: { $0.key < $1.key }) {
            object = setting(value, at: name.split(separator: ".").map(String.init), in: object)
        }
        return try ParameterFile.apply(object)
    }

    private static func setting(_ value: Double, at path: [String], in object: [String: Any]) -> [String: Any] {
        guard let head = path.first else { return object }
        var copy = object
        copy[head] =
            path.count == 1
            ? value : setting(value, at: Array(path.dropFirst()), in: object[head] as? [String: Any] ?? [:])
        return copy
    }

    /// Mean of each territory indicator over replications.
    static func average(_ replications: [ReplicationIndicators]) -> [(name: String, value: Double)] {
        guard let first = replications.first else { return [] }
        return first.territory.indices.map { index in
            (
                name: first.territory[index].name,
                value: replications.reduce(0) { $0 + $1.territory[index].value } / Double(replications.count)
            )
        }
    }
}
