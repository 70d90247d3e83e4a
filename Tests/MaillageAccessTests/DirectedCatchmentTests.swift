import Foundation
import MaillageCore
import Testing

@testable import MaillageAccess

/// Hand-computed cases: two zones, two sites, times that differ by direction.
@Suite struct DirectedCatchmentTests {
    // Zone A (100 people), zone B (300 people); site X (capacity 2), site Y (capacity 1).
    // Zone → site: A→X 10, A→Y 40, B→X 25, B→Y 15.
    // Site → zone: X→A 10, X→B 35 (slower back), Y→A 20, Y→B 15.
    let graph = CatchmentGraph(
        zoneCount: 2, siteCount: 2,
        zoneToSite: [
            .init(zone: 0, site: 0, minutes: 10), .init(zone: 0, site: 1, minutes: 40),
            .init(zone: 1, site: 0, minutes: 25), .init(zone: 1, site: 1, minutes: 15),
        ],
        siteToZone: [
            .init(zone: 0, site: 0, minutes: 10), .init(zone: 1, site: 0, minutes: 35),
            .init(zone: 0, site: 1, minutes: 20), .init(zone: 1, site: 1, minutes: 15),
        ]
    )
    let supply = [2.0, 1.0]
    let demand = [100.0, 300.0]

    @Test func twoStepUsesSiteToZoneThenZoneToSite() throws {
        // Step 1 (limit 30, site → zone): X reaches A only (X→B is 35): R_X = 2/100 = 0.02.
        //   Y reaches A (20) and B (15): R_Y = 1/400 = 0.0025.
        // Step 2 (zone → site): A reaches X (10), not Y (40): A = 0.02.
        //   B reaches X (25) and Y (15): B = 0.02 + 0.0025 = 0.0225.
        let values = try FloatingCatchment(decay: .uniform, limit: 30).accessibility(
            graph, supply: supply, demand: demand)
        #expect(abs(values[0] - 0.02) < 1e-15)
        #expect(abs(values[1] - 0.0225) < 1e-15)
    }

    @Test func symmetricReadingWouldDiffer() throws {
        // Using zone → site times in both steps (PySAL's reading): R_X = 2/400, R_Y = 1/300;
        // A = 0.005, B = 0.005 + 1/300. The directed result above must not equal this.
        let symmetric = CatchmentGraph(
            zoneCount: 2, siteCount: 2,
            symmetric: [
                .init(zone: 0, site: 0, minutes: 10), .init(zone: 0, site: 1, minutes: 40),
                .init(zone: 1, site: 0, minutes: 25), .init(zone: 1, site: 1, minutes: 15),
            ])
        let values = try FloatingCatchment(decay: .uniform, limit: 30).accessibility(
            symmetric, supply: supply, demand: demand)
        #expect(abs(values[0] - 0.005) < 1e-15)
        #expect(abs(values[1] - (0.005 + 1.0 / 300)) < 1e-15)
    }

    @Test func exponentialDecayByHand() throws {
        // β = 0.1, limit 30. Step 1: D_X = 100·e^-1 ; D_Y = 100·e^-2 + 300·e^-1.5.
        // Step 2: A = R_X·e^-1 ; B = R_X·e^-2.5 + R_Y·e^-1.5.
        let rX = 2 / (100 * exp(-1.0))
        let rY = 1 / (100 * exp(-2.0) + 300 * exp(-1.5))
        let values = try FloatingCatchment(decay: .exponential(beta: 0.1), limit: 30).accessibility(
            graph, supply: supply, demand: demand)
        #expect(abs(values[0] - rX * exp(-1.0)) < 1e-15)
        #expect(abs(values[1] - (rX * exp(-2.5) + rY * exp(-1.5))) < 1e-15)
    }

    @Test func unreachableZoneIsNaNAndZeroWeightZoneIsZero() throws {
        let graph = CatchmentGraph(
            zoneCount: 3, siteCount: 1,
            symmetric: [
                .init(zone: 0, site: 0, minutes: 5), .init(zone: 1, site: 0, minutes: 45),
            ])
        let steps = DistanceDecay.pysalDefaultSteps
        let values = try FloatingCatchment(decay: steps).accessibility(graph, supply: [1], demand: [10, 10, 10])
        #expect(abs(values[0] - 0.1) < 1e-15)  // R = 1/(10·1 + 10·0) = 0.1
        #expect(values[1] == 0)  // reachable, but beyond the last step
        #expect(values[2].isNaN)  // no pair at all
    }

    @Test func aSiteWithoutDemandContributesNothing() throws {
        let graph = CatchmentGraph(zoneCount: 2, siteCount: 1, symmetric: [.init(zone: 0, site: 0, minutes: 5)])
        let values = try FloatingCatchment(limit: 30).accessibility(graph, supply: [3], demand: [0, 50])
        #expect(values[0] == 0)
        #expect(values[1].isNaN)
    }

    @Test func badParametersAreErrorsNotNaN() {
        let calc = { (c: FloatingCatchment) in try c.accessibility(self.graph, supply: self.supply, demand: self.demand)
        }
        #expect(throws: AccessError.self) { try calc(FloatingCatchment(limit: 0)) }
        #expect(throws: AccessError.self) { try calc(FloatingCatchment(limit: -5)) }
        #expect(throws: AccessError.self) { try calc(FloatingCatchment(decay: .exponential(beta: 0), limit: 30)) }
        #expect(throws: AccessError.self) { try calc(FloatingCatchment(decay: .linear)) }
        #expect(throws: AccessError.self) {
            try calc(FloatingCatchment(decay: .steps([.init(upTo: 20, weight: 1), .init(upTo: 10, weight: 0.5)])))
        }
        #expect(throws: AccessError.self) {
            try FloatingCatchment().accessibility(self.graph, supply: [1], demand: self.demand)
        }
        #expect(throws: AccessError.self) {
            try FloatingCatchment().accessibility(self.graph, supply: [.nan, 1], demand: self.demand)
        }
        #expect(throws: AccessError.self) {
            try GravityModel(scale: 0, alpha: -1).accessibility(self.graph, supply: self.supply)
        }
    }
}

@Suite struct AgeWeightsTests {
    @Test func inseeBandsAverageTheDREESBandsByYearsShared() {
        let weights = AgeWeights.drees
        // 0–14 lies inside 0–17: 0.7592.
        #expect(abs(weights.weight(for: AgeBand.insee[0]) - 0.7592) < 1e-12)
        // 15–29: 3 years of 0–17 (0.7592), 7 of 18–24 (0.785), 5 of 25–39 (0.915): (3·0.7592 + 7·0.785 + 5·0.915)/15.
        #expect(abs(weights.weight(for: AgeBand.insee[1]) - (3 * 0.7592 + 7 * 0.785 + 5 * 0.915) / 15) < 1e-12)
        // 45–59 inside 40–59: 1.05; 75+ is 75+: 1.3.
        #expect(abs(weights.weight(for: AgeBand.insee[3]) - 1.05) < 1e-12)
        #expect(abs(weights.weight(for: AgeBand.insee[5]) - 1.3) < 1e-12)
        #expect(!weights.alignsWith(AgeBand.insee))
    }

    @Test func demandOfAPopulation() throws {
        let population = try Population(byBand: [AgeBand.insee[0]: 100, AgeBand.insee[5]: 50])
        #expect(abs(AgeWeights.drees.demand(of: population) - (100 * 0.7592 + 50 * 1.3)) < 1e-9)
        #expect(AgeWeights.drees.demand(of: try Population(total: 80)) == 80)
    }
}
