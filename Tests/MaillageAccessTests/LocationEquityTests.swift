import Foundation
import Testing

@testable import MaillageAccess

/// The access equity objective and figures, on cases small enough to compute by hand.
@Suite struct LocationEquityTests {
    /// Three zones (100, 100, 800 people); s0 reaches Z1 and Z2 in 5 min, s1 reaches Z0 in
    /// 5 min, s2 reaches every zone in 25 min (PySAL step weight 0.22). Every site supplies 1.
    static func problem() throws -> LocationProblem {
        let pairs: [CatchmentGraph.Pair] = [
            .init(zone: 1, site: 0, minutes: 5), .init(zone: 2, site: 0, minutes: 5),
            .init(zone: 0, site: 1, minutes: 5),
            .init(zone: 0, site: 2, minutes: 25), .init(zone: 1, site: 2, minutes: 25),
            .init(zone: 2, site: 2, minutes: 25),
        ]
        let graph = CatchmentGraph(zoneCount: 3, siteCount: 3, symmetric: pairs)
        return try LocationProblem(graph: graph, population: [100, 100, 800], capacity: [1, 1, 1])
    }

    @Test func maximinOpensTheSiteThatLiftsTheWorstServed() throws {
        // With s0 kept, adding s1 gives Z0 1/100 and Z1, Z2 1/900: the worst tenth (100
        // people) is Z1 at 1/900. Adding s2 (R = 1/220) gives Z0 0.22/220 = 0.001 and Z1, Z2
        // 1/900 + 0.001: the worst tenth is Z0 at 0.001 < 1/900. So s1 wins.
        let problem = try Self.problem()
        let solution = try LocationSolver().solve(
            .maximinAccess(p: 2, decay: .pysalDefaultSteps, limit: nil), problem: problem, fixed: [0])
        #expect(solution.open == [0, 1])
        #expect(abs(solution.objective - 1.0 / 900) < 1e-12)
        // A p-median on the same sites picks the site that shortens the most trips instead.
        let median = try LocationSolver().solve(.pMedian(p: 2), problem: problem, fixed: [0])
        #expect(median.open == [0, 1])
    }

    @Test func lowestDecileCountsTheBoundaryZoneInPart() {
        // 1000 people; the worst tenth is 50 people at 0 and 50 of the next zone's at 2: mean 1.
        let mean = LocationAccess.lowestShareMean([0, 2, 5], population: [50, 450, 500])
        #expect(abs(mean - 1) < 1e-12)
    }

    @Test func giniOfAccessByHand() {
        // Two equal groups, one with nothing: Gini 0.5 (mean absolute difference / 2 × mean).
        #expect(abs(LocationAccess.gini([0, 1], population: [1, 1])! - 0.5) < 1e-12)
        #expect(abs(LocationAccess.gini([3, 3, 3], population: [1, 5, 2])!) < 1e-12)
        // Populations 1, 3 with access 4, 0: Σ_ik P_i P_k |A_i − A_k| = 2·3·4 = 24;
        // mean = 4/4 = 1; Gini = 24 / (2 · 16 · 1) = 0.75.
        #expect(abs(LocationAccess.gini([4, 0], population: [1, 3])! - 0.75) < 1e-12)
        #expect(LocationAccess.gini([0, 0], population: [1, 1]) == nil)
    }

    @Test func summaryNamesWhatEachSiteGains() throws {
        // s0 kept; s1 added: it serves Z0's 100 people, none of whom s0 covered within 30 min.
        let problem = try Self.problem()
        let summary = LocationSummary.compute(
            problem: problem, open: [0, 1], before: [0], assignment: nil,
            coverageLimit: 30, decay: .pysalDefaultSteps, accessLimit: nil)
        #expect(summary.sites.map(\.served) == [900, 100])
        #expect(summary.sites.map(\.gained) == [0, 100])
        #expect(summary.coverageShare == 1)
        #expect(summary.meanMinutes == 5 && summary.worstMinutes == 5)
    }

    @Test func directedProblemReadsTheModelsDirection() throws {
        // One zone, one site: 10 min to go, 40 min to come back. Coverage within 20 min
        // holds going to the site (zone → site), not from it (site → zone).
        let graph = CatchmentGraph(
            zoneCount: 1, siteCount: 1, zoneToSite: [.init(zone: 0, site: 0, minutes: 10)],
            siteToZone: [.init(zone: 0, site: 0, minutes: 40)])
        let trip = try LocationProblem(graph: graph, population: [10], direction: .zoneToSite)
        let catchment = try LocationProblem(graph: graph, population: [10], direction: .siteToZone)
        #expect(try LocationSolver().solve(.mclp(p: 1, limit: 20), problem: trip).objective == 10)
        #expect(try LocationSolver().solve(.mclp(p: 1, limit: 20), problem: catchment).objective == 0)
    }
}
