import MaillageCore
import MaillageSim

/// What runs one scenario's jobs: its base territory and its simulation, prepared once and
/// shared by the worker threads.
struct ScenarioJobRunner: Sendable {
    let scenario: Scenario
    let index: Int
    let base: Territory
    let simulation: PreparedSimulation?

    init(_ scenario: Scenario, index: Int, base: Territory) throws {
        self.scenario = scenario
        self.index = index
        self.base = base
        simulation = scenario.simulation.enabled ? try scenario.preparedSimulation(on: base) : nil
    }

    /// One job: the accessibility indicators in replication 0 (they are deterministic), and the
    /// simulation's replication when the scenario simulates.
    func run(replication: Int) throws -> JobResult {
        var result = JobResult(
            job: ComparisonJob(scenario: index, replication: replication), zoneIDs: nil, access: [], simulation: nil)
        if replication == 0 {
            let indicators = try ScenarioRunner.run(scenario, on: base)
            result.zoneIDs = base.zones.map(\.id)
            result.access = indicators.map {
                JobResult.AccessValues(
                    label: $0.spec.label, territory: PackedDoubles([$0.territoryValue]), zones: PackedDoubles($0.values)
                )
            }
        }
        if let simulation {
            result.simulation = try values(try simulation.indicators(replication: replication))
        }
        return result
    }

    private func values(_ replication: ReplicationIndicators) throws -> JobResult.SimulationValues {
        var zones: [PackedDoubles] = []
        for name in scenario.simulation.zoneIndicators {
            guard let column = replication.zoneColumns.firstIndex(of: name) else {
                throw ScenarioError(
                    file: scenario.file, key: "simulation.zone_indicators",
                    reason:
                        "'\(name)' is not a zone indicator of the simulation; expected one of \(replication.zoneColumns.joined(separator: ", "))"
                )
            }
            zones.append(PackedDoubles(replication.zoneValues[column]))
        }
        return JobResult.SimulationValues(
            territoryNames: replication.territory.map(\.name),
            territory: PackedDoubles(replication.territory.map(\.value)),
            zoneNames: scenario.simulation.zoneIndicators, zones: zones)
    }
}
