import Foundation
import MaillageCore
import MaillageFormats
import MaillageIO
import MaillageRuns
import MaillageScenario
import MaillageSim
import MaillageStore

/// The demo's simulation and what-if: a year of patient trajectories stored in the demo
/// database, and the busiest emergency department closing at night compared with the baseline.
enum DemoScenarios {
    /// Enough for intervals that mean something, few enough for seconds in a release build.
    static let replications = 4

    /// Simulates the demo territory for a year and stores the run; returns its id.
    static func simulate(database path: String, replications: Int, global: GlobalOptions) throws -> Int64 {
        let database = try TerritoryDatabase.open(at: path)
        let request = try SimulationRequest(
            territory: try database.loadTerritory(), days: 365, seed: 2026, replications: replications)
        let result = try Simulation.run(request)
        let id = try database.save(SimulationRecord.run(result, request: request, eventsJSON: "[]"))
        let share = { (name: String) in result.value(name).map { String(format: "%.3g", $0) } ?? "–" }
        print(
            "Simulation (run \(id), \(replications) replications of a year): GP contacts per inhabitant \(share("gp_contacts_per_inhabitant")), "
                + "emergency visits per inhabitant \(share("emergency_visits_per_inhabitant")), without a declared GP \(share("share_without_declared_gp"))"
        )
        return id
    }

    /// Writes base.yaml and night.yaml beside the database and compares them into `folder`.
    static func compare(database path: String, folder: String, replications: Int, global: GlobalOptions) throws
        -> ScenarioComparisonResult
    {
        let territory = try TerritoryDatabase.open(at: path).loadTerritory()
        guard let busiest = territory.actors.filter({ $0.offers("emergency") }).max(by: { visits($0) < visits($1) })
        else {
            throw CommandError(message: "the demo territory has no emergency department", category: .data)
        }
        let scenarios = URL(fileURLWithPath: folder).appendingPathComponent("scenarios")
        try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
        let database = URL(fileURLWithPath: path).standardizedFileURL.path
        try TextFile.write(
            """
            # The demo's baseline: the territory as it is, a year simulated \(replications) times.
            territory: \(database)
            days: 365
            seed: 2026
            replications: \(replications)
            indicators:
              - {method: coverage, kind: hospital, service: emergency, limit: 30}
              - {method: nearest, kind: hospital, service: emergency}
            """, to: scenarios.appendingPathComponent("base.yaml").path)
        try TextFile.write(
            """
            # What if the busiest emergency department (\(busiest.name)) closed at night?
            extends: base.yaml
            name: night-closure
            changes:
              - close: "\(busiest.id)"
                night_only: true
            """, to: scenarios.appendingPathComponent("night.yaml").path)
        let files = ["base.yaml", "night.yaml"].map { scenarios.appendingPathComponent($0).path }
        let plan = try ComparisonPlan(scenarios: try ScenarioLoader.loadComparison(files))
        let result = try ComparisonRunner.compare(plan) { _ in territory }
        try ComparisonFiles.write(result, zones: territory.zones, to: folder)
        let significant = result.comparisons[0].rows.filter { $0.zoneID == "*" && $0.difference.isSignificant }
        print(
            "What if \(busiest.name) closed at night: \(significant.count) territory indicators change significantly "
                + "(\(folder)/comparison.csv)")
        return result
    }

    private static func visits(_ actor: Actor) -> Double {
        actor.capacities.first { $0.measure == .edVisitsPerYear }?.value ?? 0
    }
}
