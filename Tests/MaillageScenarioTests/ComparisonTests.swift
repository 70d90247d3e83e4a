import Foundation
import MaillageCore
import MaillageGenerator
import MaillageGeo
import MaillageTestSupport
import Testing

@testable import MaillageScenario

@Suite struct PairedDifferenceTests {
    @Test func studentIntervalByHand() throws {
        // Differences 1, 2, 3: mean 2, sd 1, se 1/√3; t(0.975, 2) = 4.302653 (tables).
        let d = try #require(PairedDifference(baseline: [10, 10, 10], alternative: [11, 12, 13]))
        #expect(abs(d.difference - 2) < 1e-12)
        #expect(abs(d.lower - (2 - 4.302653 / 3.0.squareRoot())) < 1e-9 && abs(d.upper - (2 + 4.302653 / 3.0.squareRoot())) < 1e-9)
        // With 2 degrees of freedom P(|T| > t) = 1 − t/√(2 + t²); t = 2√3.
        let t = 2 * 3.0.squareRoot()
        #expect(abs(d.pValue - (1 - t / (2 + t * t).squareRoot())) < 1e-9)
        #expect(!d.isSignificant)
    }

    @Test func identicalRunsGiveExactlyZero() throws {
        let d = try #require(PairedDifference(baseline: [0.3, 0.4], alternative: [0.3, 0.4]))
        #expect(d.difference == 0 && d.lower == 0 && d.upper == 0 && d.pValue == 1 && !d.isSignificant)
    }

    @Test func benjaminiHochbergByHand() {
        // m = 4, rate 0.05: rank thresholds 0.0125, 0.025, 0.0375, 0.05.
        // Sorted 0.001 ✓, 0.02 ✓, 0.04 ✗, 0.2 ✗: the two smallest.
        #expect(FalseDiscovery.benjaminiHochberg([0.04, 0.001, 0.02, 0.2]) == [false, true, true, false])
        // Sorted 0.01 ✓, 0.03 ✗, 0.035 ✓ (rank 3 passes, so ranks 1-3 are kept), 0.9 ✗.
        #expect(FalseDiscovery.benjaminiHochberg([0.01, 0.03, 0.035, 0.9]) == [true, true, true, false])
    }
}

@Suite struct ScenarioComparisonTests {
    let folder = try! TemporaryFolder()
    static let territory = try! TerritoryGenerator.generate(GeneratorOptions(zones: 400, population: 450_000, seed: 21))

    func scenario(_ yaml: String) throws -> Scenario {
        try #require(try ScenarioLoader.load(try folder.write("\(UUID()).yaml", "territory: t.db\n" + yaml)).first)
    }

    static let indicators = """
        indicators:
          - method: coverage
            kind: hospital
            service: emergency
            limit: 30
          - method: nearest
            kind: hospital
            service: emergency

        """

    @Test func anIdenticalAlternativeChangesNothing() throws {
        let base = try ScenarioRunner.run(try scenario(Self.indicators), on: Self.territory)
        let same = try ScenarioRunner.run(try scenario(Self.indicators + "name: same\n"), on: Self.territory)
        let comparison = ScenarioComparison(baseline: "base", alternative: "same", base: [base], alt: [same])
        #expect(comparison.rows.count == 2 * (1 + 400))
        #expect(comparison.rows.allSatisfy { $0.difference.difference == 0 && !$0.difference.isSignificant })
    }

    @Test func closingAnEmergencyDepartmentWorsensCoverageAndTravel() throws {
        let departments = Self.territory.actors.filter { $0.offers("emergency") }
        try #require(departments.count >= 2)
        // The department farthest from any other: the zones around it have no other within reach.
        let closed = departments.max { a, b in
            func isolation(_ d: Actor) -> Double {
                departments.filter { $0.id != d.id }.map { Geodesic.wgs84.distance(from: d.point, to: $0.point) }.min() ?? 0
            }
            return isolation(a) < isolation(b)
        }!
        let base = try ScenarioRunner.run(try scenario(Self.indicators), on: Self.territory)
        let alt = try ScenarioRunner.run(try scenario(Self.indicators + "changes:\n  - close: \(closed.id)\n"), on: Self.territory)
        let comparison = ScenarioComparison(baseline: "base", alternative: "closed", base: [base], alt: [alt])
        let coverage = try #require(comparison.rows.first { $0.indicator.hasPrefix("coverage") && $0.zoneID == "*" })
        #expect(coverage.difference.difference < 0)
        #expect(coverage.difference.upper < 0)  // the interval excludes zero
        // The zones whose nearest department was the closed one travel longer now; no zone gains.
        let longer = comparison.rows.filter { $0.indicator.hasPrefix("nearest") && $0.zoneID != "*" && $0.difference.difference > 0 }
        #expect(!longer.isEmpty && longer.allSatisfy { $0.difference.lower > 0 })
        #expect(comparison.rows.filter { $0.indicator.hasPrefix("nearest") && $0.difference.difference < 0 }.isEmpty)
    }

    @Test func unknownActorsInChangesNameTheLine() throws {
        let bad = try scenario(Self.indicators + "changes:\n  - close: nobody\n")
        #expect { _ = try ScenarioRunner.run(bad, on: Self.territory) } throws: { error in
            (error as? ScenarioError)?.line == 11
        }
    }
}
