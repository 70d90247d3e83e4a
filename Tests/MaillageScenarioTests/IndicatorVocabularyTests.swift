import Foundation
import MaillageAccess
import MaillageCore
import MaillageTestSupport
import Testing

@testable import MaillageScenario

/// Scenario indicators read into the access vocabulary: an unknown method, a misspelt option
/// key or a misspelt value is an error naming the file, the line, the key and the valid values.
@Suite struct IndicatorVocabularyTests {
    let folder = try! TemporaryFolder()

    /// The error a scenario with this one indicator (written from line 3) gives.
    func error(_ indicator: String) throws -> ScenarioError {
        let path = try folder.write("s.yaml", "territory: t.db\nindicators:\n  - \(indicator)\n")
        return try #require(throws: ScenarioError.self) { try ScenarioLoader.load(path) }
    }

    @Test(arguments: [
        // (indicator from line 3, key, line, values the message lists)
        (
            "method: e2sfc\n    kind: gp", "indicators[0].method", 3,
            ["nearest", "coverage", "2sfca", "e2sfca", "3sfca", "gravity"]
        ),
        (
            "method: e2sfca\n    kind: gp\n    limt: 30", "indicators[0].limt", 5,
            ["kind", "service", "limit", "decay", "capacity", "demand", "per", "normalize"]
        ),
        ("method: nearest\n    kind: gp\n    limit: 30", "indicators[0].limit", 5, ["kind", "service"]),
        ("method: gravity\n    kind: gp\n    scale: 30", "indicators[0].scale", 5, ["decay", "minimum_minutes"]),
        (
            "method: 2sfca\n    kind: gp\n    capacity: ftee", "indicators[0].capacity", 5,
            ["fte", "consultations_per_day", "beds", "places"]
        ),
        (
            "method: nearest\n    kind: gp,pharmacie", "indicators[0].kind", 4,
            ["hospital", "gp", "pharmacy", "health_centre"]
        ),
        (
            "method: e2sfca\n    kind: gp\n    decay: expo:0.1", "indicators[0].decay", 5,
            ["exponential:0.12", "gaussian:20", "uniform"]
        ),
        (
            "method: gravity\n    kind: gp\n    decay: exponential:0.1", "indicators[0].decay", 5,
            ["gravity:SCALE:ALPHA"]
        ),
        (
            "method: e2sfca\n    kind: gp\n    demand: age_weighted", "indicators[0].demand", 5,
            ["population", "age-weighted"]
        ),
        ("method: e2sfca\n    kind: gp\n    normalize: oui", "indicators[0].normalize", 5, ["true", "false"]),
        ("method: coverage\n    kind: gp\n    limit: -5", "indicators[0].limit", 5, ["> 0"]),
    ])
    func aTypoNamesFileLineKeyAndTheValidValues(_ indicator: String, _ key: String, _ line: Int, _ listed: [String])
        throws
    {
        let error = try error(indicator)
        #expect(error.file == folder.path("s.yaml"))
        #expect(error.key == key)
        #expect(error.line == line, "\(error)")
        for value in listed { #expect(error.reason.contains(value), "\(error) should list \(value)") }
    }

    @Test func coverageWithoutItsThresholdIsRefused() throws {
        #expect(try error("{method: coverage, kind: hospital}").reason == "coverage needs a limit in minutes")
    }

    @Test func knownValuesReadIntoTheMethodsTheCommandsUse() throws {
        let path = try folder.write(
            "s.yaml",
            """
            territory: t.db
            indicators:
              - {method: 2sfca, kind: gp}
              - {method: E2SFCA, kind: gp, decay: 'exponential:0.12', limit: 30, demand: age-weighted, per: 100000}
              - {method: 3sfca, kind: gp, capacity: consultations_per_day, normalize: true}
              - {method: gravity, kind: hospital, decay: 'gravity:30:-2', minimum_minutes: 2, capacity: beds}
              - {method: coverage, kind: hospital, service: emergency, limit: 30}
              - {method: nearest, kind: 'gp,msp'}
            """)
        let specs = try #require(try ScenarioLoader.load(path).first).indicators
        #expect(specs.map(\.method) == [.twoStep, .enhancedTwoStep, .threeStep, .gravity, .coverage, .nearest])
        #expect(
            specs.map(\.label) == [
                "2sfca_gp", "e2sfca_gp_30_exponential-0.12_age-weighted", "3sfca_gp",
                "gravity_hospital_gravity-30--2", "coverage_hospital_emergency_30", "nearest_gp-msp",
            ])
        let requests = try specs.map { try $0.request() }
        // 2SFCA: no decay and a 30-minute catchment unless told (Luo & Wang).
        #expect(requests[0].method == .catchment(FloatingCatchment(decay: .uniform, limit: 30)))
        #expect(requests[1].method == .catchment(FloatingCatchment(decay: .exponential(beta: 0.12), limit: 30)))
        #expect(requests[1].demand == .ageWeighted(.drees) && requests[1].per == 100_000)
        // 3SFCA: PySAL's steps 10:1, 20:0.68, 30:0.22 unless told, no limit.
        #expect(
            requests[2].method
                == .catchment(
                    FloatingCatchment(
                        decay: .steps([
                            .init(upTo: 10, weight: 1), .init(upTo: 20, weight: 0.68), .init(upTo: 30, weight: 0.22),
                        ]),
                        limit: nil, threeStage: true)))
        #expect(requests[2].capacity == .consultationsPerDay && requests[2].normalize)
        #expect(requests[3].method == .gravity(GravityModel(scale: 30, alpha: -2, minimumMinutes: 2, limit: 60)))
        #expect(requests[3].capacity == .beds)
        #expect(requests[4].method == .coverage(threshold: 30) && requests[4].services == ["emergency"])
        #expect(requests[5].method == .nearest && requests[5].kinds == [.gp, .msp])
    }
}
