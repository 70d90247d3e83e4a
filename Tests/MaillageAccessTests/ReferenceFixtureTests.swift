import Foundation
import MaillageTestSupport
import Testing

@testable import MaillageAccess

/// Every method of `expected.csv` must match PySAL `access` 1.1.10 to a relative 1e-9, NaNs included.
@Suite(.enabled(if: SharedData.shouldRun, SharedData.skipMessage))
struct ReferenceFixtureTests {
    let fixture = try! ReferenceFixture()

    func expectMatches(_ method: String, _ values: [Double], sourceLocation: SourceLocation = #_sourceLocation) {
        guard let expected = fixture.expected[method] else {
            Issue.record("method \(method) is not in expected.csv", sourceLocation: sourceLocation)
            return
        }
        #expect(expected.count == fixture.zoneIDs.count, sourceLocation: sourceLocation)
        var mismatches: [String] = []
        for (zone, id) in fixture.zoneIDs.enumerated() {
            let got = values[zone]
            switch expected[id] {
            case .some(.some(let want)):
                if got.isNaN || abs(got - want) > 1e-9 * max(abs(want), 1e-300) {
                    mismatches.append("\(id): \(got) ≠ \(want)")
                }
            case .some(.none):
                if !got.isNaN { mismatches.append("\(id): \(got), expected NaN") }
            case .none:
                mismatches.append("\(id) missing from expected.csv")
            }
        }
        #expect(
            mismatches.isEmpty, "\(method): \(mismatches.count) mismatches, first \(mismatches.prefix(3))",
            sourceLocation: sourceLocation)
    }

    @Test func twoStep() throws {
        let values = try FloatingCatchment(decay: .uniform, limit: 30)
            .accessibility(fixture.graph, supply: fixture.capacity, demand: fixture.population)
        expectMatches("2sfca;limit=30", values)
        expectMatches("2sfca;limit=30;normalize", AccessNormalization.normalize(values, population: fixture.population))
    }

    @Test func enhancedTwoStepWithPySALSteps() throws {
        let values = try FloatingCatchment(decay: .pysalDefaultSteps)
            .accessibility(fixture.graph, supply: fixture.capacity, demand: fixture.population)
        expectMatches("e2sfca;steps=10:1,20:0.68,30:0.22", values)
    }

    @Test func enhancedTwoStepWithGaussianDecay() throws {
        let values = try FloatingCatchment(decay: .gaussian(sigma: 20), limit: 60)
            .accessibility(fixture.graph, supply: fixture.capacity, demand: fixture.population)
        expectMatches("e2sfca;gaussian=20;limit=60", values)
    }

    @Test func threeStep() throws {
        let steps = DistanceDecay.steps([
            .init(upTo: 10, weight: 0.962), .init(upTo: 20, weight: 0.704),
            .init(upTo: 30, weight: 0.377), .init(upTo: 60, weight: 0.042),
        ])
        let values = try FloatingCatchment(decay: steps, threeStage: true)
            .accessibility(fixture.graph, supply: fixture.capacity, demand: fixture.population)
        expectMatches("3sfca;steps=10:0.962,20:0.704,30:0.377,60:0.042", values)
    }

    @Test func gravity() throws {
        let values = try GravityModel(scale: 60, alpha: -1).accessibility(fixture.graph, supply: fixture.capacity)
        expectMatches("gravity;scale=60;alpha=-1", values)
    }

    @Test func nearestAndCoverage() throws {
        let nearest = NearestSite.compute(fixture.graph)
        expectMatches("nearest", nearest.map { $0?.minutes ?? .nan })
        let coverage = try Coverage.compute(nearest: nearest, population: fixture.population, threshold: 20)
        let want = try #require(fixture.expected["coverage;limit=20"]?["*"] ?? nil)
        #expect(abs(coverage.share! - want) <= 1e-9 * want)
    }
}
