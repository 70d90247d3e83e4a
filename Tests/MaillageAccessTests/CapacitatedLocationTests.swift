import Foundation
import Testing

@testable import MaillageAccess

/// Capacitated p-median and MCLP against CBC's optimum of the same formulation written in
/// PuLP (`scripts/location/capacitated_expectations.py`, committed in
/// `Fixtures/location-capacitated.json`): divisible demand, unassigned people charged twice
/// the longest time (p-median) or counted as not covered (MCLP).
@Suite struct CapacitatedLocationTests {
    struct Case: Decodable {
        var model: String
        var p: Int
        var limit: Double?
        var fixed: [Int]?
        var objective: Double
        var unassigned: Double
        var seed: Int
        var cost: [[Double]]
        var weights: [Double]
        var capacity: [Double]
    }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "Fixtures/location-capacitated.json")
        struct File: Decodable { var cases: [Case] }
        return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
    }()

    static func problem(_ c: Case) throws -> LocationProblem {
        var pairs: [CatchmentGraph.Pair] = []
        for (zone, row) in c.cost.enumerated() {
            for (site, minutes) in row.enumerated() { pairs.append(.init(zone: zone, site: site, minutes: minutes)) }
        }
        let graph = CatchmentGraph(zoneCount: c.cost.count, siteCount: c.cost[0].count, symmetric: pairs)
        return try LocationProblem(graph: graph, population: c.weights, capacity: c.capacity)
    }

    static func model(_ c: Case) -> LocationModel {
        c.model == "capacitated-mclp" ? .capacitatedMCLP(p: c.p, limit: c.limit!) : .capacitatedPMedian(p: c.p)
    }

    @Test(arguments: 0..<40)
    func exactSolverReachesCBCOptimum(index: Int) throws {
        let c = Self.cases[index]
        let solution = try LocationSolver().solve(Self.model(c), problem: Self.problem(c), fixed: c.fixed ?? [])
        #expect(solution.isExact)
        #expect(
            abs(solution.objective - c.objective) <= 1e-6 * max(1, abs(c.objective)),
            "\(c.model) p=\(c.p) seed \(c.seed): \(solution.objective) vs CBC \(c.objective)")
        for site in c.fixed ?? [] { #expect(solution.open.contains(site)) }
        // No site takes more than its capacity, and every person is assigned once at most.
        let assignment = try #require(solution.assignment)
        var load = [Int: Double]()
        var assigned = [Int: Double]()
        for flow in assignment {
            #expect(solution.open.contains(flow.site))
            load[flow.site, default: 0] += flow.persons
            assigned[flow.zone, default: 0] += flow.persons
        }
        for (site, persons) in load { #expect(persons <= c.capacity[site] * (1 + 1e-9)) }
        for (zone, persons) in assigned { #expect(persons <= c.weights[zone] * (1 + 1e-9)) }
        let unassigned = try #require(solution.unassignedPopulation)
        #expect(
            abs(unassigned + assigned.values.reduce(0, +) - c.weights.reduce(0, +)) <= 1e-6 * c.weights.reduce(0, +))
        if c.model == "capacitated-mclp" {
            // MCLP's unassigned people are exactly those not covered: determined by the optimum.
            #expect(abs(unassigned - c.unassigned) <= 1e-6 * max(1, c.unassigned))
        } else if c.unassigned > 0.5 {
            #expect(unassigned > 0.5, "CBC leaves \(c.unassigned) unassigned, so must we")
        }
    }

    @Test func lagrangianHeuristicReportsAValidBoundAndAGap() throws {
        // Forced heuristic (no enumeration): the bound is on the right side of CBC's optimum,
        // the solution on the other, and the gap reported is the distance between them.
        var worst = 0.0
        var widest = 0.0
        for c in Self.cases {
            let solution = try LocationSolver(exactLimit: 0).solve(
                Self.model(c), problem: Self.problem(c), fixed: c.fixed ?? [])
            #expect(!solution.isExact)
            let bound = try #require(solution.bound)
            let slack = 1e-6 * max(1, abs(c.objective))
            if c.model == "capacitated-mclp" {
                #expect(
                    bound >= c.objective - slack && solution.objective <= c.objective + slack, "seed \(c.seed) p \(c.p)"
                )
            } else {
                #expect(
                    bound <= c.objective + slack && solution.objective >= c.objective - slack, "seed \(c.seed) p \(c.p)"
                )
            }
            worst = max(worst, abs(solution.objective - c.objective) / abs(c.objective))
            let gap = try #require(solution.gap)
            widest = max(widest, gap)
        }
        // On these small cases the relaxation's sites, then swaps, stay within 5 % of CBC.
        #expect(worst <= 0.05, "worst heuristic distance to CBC: \(worst)")
        // And the relaxation's bound is informative, not a trivial 0.
        #expect(widest <= 0.1, "widest reported gap: \(widest)")
        print("capacitated heuristic: worst distance to CBC \(worst), widest reported gap \(widest)")
    }

    @Test func capacitatedModelsNeedCapacities() throws {
        var c = Self.cases[0]
        c.capacity = []
        var pairs: [CatchmentGraph.Pair] = []
        for (zone, row) in c.cost.enumerated() {
            for (site, minutes) in row.enumerated() { pairs.append(.init(zone: zone, site: site, minutes: minutes)) }
        }
        let graph = CatchmentGraph(zoneCount: c.cost.count, siteCount: c.cost[0].count, symmetric: pairs)
        let problem = try LocationProblem(graph: graph, population: c.weights)
        #expect(throws: AccessError.self) { try LocationSolver().solve(.capacitatedPMedian(p: 2), problem: problem) }
        #expect(throws: AccessError.self) {
            try LocationProblem(
                graph: graph, population: c.weights, capacity: [Double](repeating: -1, count: c.cost[0].count))
        }
    }
}
