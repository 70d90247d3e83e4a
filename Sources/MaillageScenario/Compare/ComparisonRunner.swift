import Foundation
import MaillageCore
import MaillageSim

/// Runs a comparison's jobs (all of them, or a shard's) on this machine.
public enum ComparisonRunner {
    /// Runs `jobs` of `plan`, scenario by scenario; `territory` loads a scenario's base territory.
    ///
    /// - Parameter progress: called once per job done (from any thread).
    public static func run(_ plan: ComparisonPlan, jobs: [ComparisonJob], threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                           territory: (Scenario) throws -> Territory,
                           progress: (@Sendable () -> Void)? = nil) throws -> [JobResult] {
        var results: [JobResult] = []
        var territories: [String: Territory] = [:]
        for (index, scenario) in plan.scenarios.enumerated() {
            let mine = jobs.filter { $0.scenario == index }.sorted()
            guard !mine.isEmpty else { continue }
            if territories[scenario.territoryPath] == nil { territories[scenario.territoryPath] = try territory(scenario) }
            guard let base = territories[scenario.territoryPath] else { continue }
            results += try run(scenario, index: index, replications: mine.map(\.replication), on: base, threads: threads, progress: progress)
        }
        return results
    }

    private static func run(_ scenario: Scenario, index: Int, replications: [Int], on base: Territory, threads: Int,
                            progress: (@Sendable () -> Void)?) throws -> [JobResult] {
        var results = replications.map { JobResult(job: ComparisonJob(scenario: index, replication: $0), zoneIDs: nil, access: [], simulation: nil) }
        if let first = replications.firstIndex(of: 0) {
            let indicators = try ScenarioRunner.run(scenario, on: base)
            results[first].zoneIDs = base.zones.map(\.id)
            results[first].access = indicators.map {
                JobResult.AccessValues(label: $0.spec.label, territory: PackedDoubles([$0.territoryValue]), zones: PackedDoubles($0.values))
            }
        }
        guard scenario.simulation.enabled else {
            for _ in replications { progress?() }
            return results
        }
        let simulated = try scenario.simulate(on: base, replications: replications, threads: threads) { _ in progress?() }
        for (position, replication) in simulated.enumerated() {
            results[position].simulation = try values(replication, settings: scenario.simulation, file: scenario.file)
        }
        return results
    }

    private static func values(_ replication: ReplicationIndicators, settings: SimulationSettings, file: String) throws -> JobResult.SimulationValues {
        var zones: [PackedDoubles] = []
        for name in settings.zoneIndicators {
            guard let column = replication.zoneColumns.firstIndex(of: name) else {
                throw ScenarioError(file: file, key: "simulation.zone_indicators",
                                    reason: "'\(name)' is not a zone indicator of the simulation; expected one of \(replication.zoneColumns.joined(separator: ", "))")
            }
            zones.append(PackedDoubles(replication.zoneValues[column]))
        }
        return JobResult.SimulationValues(territoryNames: replication.territory.map(\.name), territory: PackedDoubles(replication.territory.map(\.value)),
                                          zoneNames: settings.zoneIndicators, zones: zones)
    }
}
