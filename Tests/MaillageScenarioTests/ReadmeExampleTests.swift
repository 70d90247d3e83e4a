import Foundation
import MaillageGenerator
import MaillageScenario
import MaillageStore
import MaillageTestSupport
import Testing

/// The README's "From Swift" example, on a generated territory: if the public entry points
/// change, this fails before the README lies.
@Suite struct ReadmeExampleTests {
    @Test func theDocumentedEntryPointsRun() throws {
        let folder = try TemporaryFolder()
        let generated = try TerritoryGenerator.generate(GeneratorOptions(zones: 120, population: 200_000, seed: 5))
        try TerritoryDatabase.create(at: folder.path("demo.db")).save(generated)
        let closed = try #require(generated.actors.first { $0.offers("emergency") }).id
        try folder.write(
            "base.yaml",
            """
            territory: demo.db
            days: 20
            replications: 2
            simulation: {sample: 0.2}
            indicators:
              - {method: coverage, kind: hospital, service: emergency, limit: 30}
            """)
        try folder.write("close-ed.yaml", "extends: base.yaml\nchanges:\n  - close: \(closed)\n")

        // From here on, the README's code (paths made absolute).
        let scenarios = try ScenarioLoader.loadComparison([folder.path("base.yaml"), folder.path("close-ed.yaml")])
        let territory = try TerritoryDatabase.open(at: scenarios[0].territoryPath).loadTerritory()

        let access = try ScenarioRunner.run(scenarios[1], on: territory)
        let simulated = try scenarios[1].simulate(on: territory)
        #expect(access[0].spec.label == "coverage_hospital_emergency_30")
        #expect(simulated.value("emergency_visits_per_inhabitant") != nil)

        let plan = try ComparisonPlan(scenarios: scenarios, replications: 3)
        let comparison = try ComparisonRunner.compare(plan) { _ in territory }
        #expect(scenarios.map(\.name) == ["base", "close-ed"])
        #expect(comparison.comparisons[0].rows.contains { $0.zoneID == "*" && $0.difference.isSignificant })
        // accessibility
        #expect(comparison.comparisons[0].rows.first { $0.zoneID == "*" }?.difference.replications == 1)
        #expect(comparison.comparisons[0].rows.contains { $0.source == .simulation && $0.difference.replications == 3 })
    }
}
