import Foundation
import MaillageCore
import MaillageTestSupport
import Testing

@testable import MaillageScenario

/// A calibration target with `per_site: true` becomes one target per fitted site observed in
/// the fit year, each observing that site alone and weighing the target's weight over their number;
/// `error: log` counts a miss by a factor the same both ways.
@Suite struct PerSiteTargetTests {
    let folder = try! TemporaryFolder()

    func spec(_ targets: String, holdout: String = "") throws -> CalibrationSpec {
        let path = try folder.write(
            "spec-\(UUID()).yaml",
            """
            parameters:
              - {name: needs.acute_urgent.rate_per_year, scale: [0.5, 1.5]}
            targets:
            \(targets)
            fit_year: 2018
            \(holdout)
            """)
        return try CalibrationSpec.load(path)
    }

    /// Three departments in zones 31A, 31B and 46A; the observations as SAE gives them (B has no 2018 figure).
    func territory() throws -> Territory {
        let zones = try ["31A", "31B", "46A"].enumerated().map { index, id in
            try Zone(
                id: id, name: id, point: GeoPoint(longitude: 1 + Double(index), latitude: 44),
                population: Population(total: 1_000))
        }
        let actors = try zip(["h1", "h2", "h3"], zones).map { id, zone in
            try Actor(id: id, kind: .hospital, name: id, point: zone.point, zoneID: zone.id, services: ["emergency"])
        }
        return try Territory(name: "t", zones: zones, actors: actors)
    }

    let observed = ObservedTable(
        rows: [
            .init(scope: "actor", subject: "h1", series: "PASSU", year: 2018, value: 30_000),
            .init(scope: "actor", subject: "h3", series: "PASSU", year: 2018, value: 12_000),
            .init(scope: "actor", subject: "h2", series: "PASSU", year: 2019, value: 9_000),
            .init(scope: "actor", subject: "h3", series: "PASSU", year: 2019, value: 13_000),
        ], population: 3_000)

    @Test func eachObservedSiteBecomesATargetOfItsOwn() throws {
        let spec = try self.spec(
            """
              - {name: total, indicator: site_emergency_visits, series: PASSU, weight: 25}
              - {name: visits, indicator: site_emergency_visits, series: PASSU, per_site: true, weight: 2}
            """)
        let expanded = spec.expandingPerSiteTargets(observed: observed, territory: try territory())
        #expect(expanded.targets.map(\.name) == ["total", "visits@h1", "visits@h3"])
        #expect(expanded.targets.map(\.weight) == [25, 1, 1])
        #expect(expanded.targets.map { $0.observed(in: observed, year: 2018) } == [42_000, 30_000, 12_000])
        // In another year each target still observes its own site only: h1 has no 2019 figure.
        #expect(expanded.targets.map { $0.observed(in: observed, year: 2019) } == [22_000, nil, 13_000])
        #expect(expanded.targets.allSatisfy { !$0.perSite })
    }

    @Test func aHeldOutSiteIsNotFitted() throws {
        let spec = try self.spec(
            "  - {name: visits, indicator: site_emergency_visits, series: PASSU, per_site: true}",
            holdout: "holdout: {zones: [\"46\"]}")
        let expanded = spec.expandingPerSiteTargets(observed: observed, territory: try territory())
        #expect(expanded.targets.map(\.name) == ["visits@h1"])
        #expect(expanded.targets.first?.weight == 1)
    }

    @Test func aSpecWithoutPerSiteTargetsIsUnchanged() throws {
        let spec = try self.spec("  - {name: total, indicator: site_emergency_visits, series: PASSU}")
        #expect(spec.expandingPerSiteTargets(observed: observed, territory: try territory()) == spec)
    }

    /// By hand: twice and half the observed count both cost ln(2)² = 0.480453; as relative
    /// errors they cost 1 and 0.25. Expanded per-site targets keep the error of their target.
    @Test func aLogErrorCountsAFactorTheSameBothWays() throws {
        let spec = try self.spec(
            "  - {name: visits, indicator: site_emergency_visits, series: PASSU, per_site: true, error: log}")
        let targets = spec.expandingPerSiteTargets(observed: observed, territory: try territory()).targets
        #expect(targets.map(\.error) == [.log, .log])
        let pairs = targets.map { ($0, try! #require($0.observed(in: observed, year: 2018))) }
        let objective = Calibration.objective(pairs, [60_000, 6_000])
        #expect(abs(objective - 0.5 * 0.480453 - 0.5 * 0.480453) < 1e-6)
        #expect(Calibration.objective(pairs, [0, 6_000]) == .infinity)
        var relative = pairs
        relative[0].0.error = .relative
        relative[1].0.error = .relative
        #expect(abs(Calibration.objective(relative, [60_000, 6_000]) - (0.5 * 1 + 0.5 * 0.25)) < 1e-12)
        #expect(throws: ScenarioError.self) {
            try self.spec("  - {name: v, indicator: site_emergency_visits, series: PASSU, error: squared}")
        }
    }

    @Test func perSiteNeedsASiteIndicator() throws {
        #expect(throws: ScenarioError.self) {
            try self.spec(
                "  - {name: v, indicator: emergency_visits_per_inhabitant, series: PASSU, per_site: true}")
        }
        #expect(throws: ScenarioError.self) {
            try self.spec(
                "  - {name: v, indicator: site_emergency_visits, series: PASSU, scope: zone, per_site: true}")
        }
    }
}
