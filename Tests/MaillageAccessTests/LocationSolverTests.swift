import Foundation
import Testing

@testable import MaillageAccess

/// Location models against PySAL spopt 0.7 optimal objectives (CBC), committed in
/// `Fixtures/location-spopt.json` with the script that made them (scripts/location/).
@Suite struct LocationSolverTests {
    struct Case: Decodable {
        var model: String
        var p: Int?
        var limit: Double?
        var fixed: [Int]?
        var objective: Double
        var seed: Int
        var cost: [[Double]]
        var weights: [Double]
    }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "Fixtures/location-spopt.json")
        struct File: Decodable { var cases: [Case] }
        return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
    }()

    static func problem(_ c: Case) throws -> LocationProblem {
        var pairs: [CatchmentGraph.Pair] = []
        for (zone, row) in c.cost.enumerated() {
            for (site, minutes) in row.enumerated() { pairs.append(.init(zone: zone, site: site, minutes: minutes)) }
        }
        let graph = CatchmentGraph(zoneCount: c.cost.count, siteCount: c.cost[0].count, symmetric: pairs)
        return try LocationProblem(graph: graph, population: c.weights)
    }

    static func model(_ c: Case) -> LocationModel {
        switch c.model {
        case "lscp": .lscp(limit: c.limit!)
        case "mclp": .mclp(p: c.p!, limit: c.limit!)
        case "pmedian": .pMedian(p: c.p!)
        default: .pCenter(p: c.p!)
        }
    }

    @Test(arguments: 0..<32)
    func exactSolverReachesSpoptOptimum(index: Int) throws {
        let c = Self.cases[index]
        let solution = try LocationSolver().solve(Self.model(c), problem: Self.problem(c), fixed: c.fixed ?? [])
        #expect(solution.isExact)
        #expect(
            abs(solution.objective - c.objective) <= 1e-9 * max(1, abs(c.objective)),
            "\(c.model) p=\(c.p ?? 0) seed \(c.seed): \(solution.objective) vs spopt \(c.objective)")
        for site in c.fixed ?? [] { #expect(solution.open.contains(site)) }
    }

    @Test func heuristicStaysCloseAndReportsABound() throws {
        // Forced heuristic (no enumeration): within 1 % of the optimum on these cases, and
        // the bound it reports is on the right side of the optimum.
        for c in Self.cases where c.model != "lscp" {
            let solution = try LocationSolver(exactLimit: 0).solve(
                Self.model(c), problem: Self.problem(c), fixed: c.fixed ?? [])
            #expect(!solution.isExact)
            #expect(abs(solution.objective - c.objective) <= 0.01 * abs(c.objective), "\(c.model) seed \(c.seed)")
            if let bound = solution.bound {
                #expect(c.model == "mclp" ? bound >= c.objective - 1e-9 : bound <= c.objective + 1e-9)
            }
        }
    }

    @Test func badRequestsAreErrors() throws {
        let problem = try Self.problem(Self.cases[1])
        #expect(throws: AccessError.self) { try LocationSolver().solve(.pMedian(p: 0), problem: problem) }
        #expect(throws: AccessError.self) { try LocationSolver().solve(.pMedian(p: 99), problem: problem) }
        #expect(throws: AccessError.self) { try LocationSolver().solve(.mclp(p: 2, limit: -1), problem: problem) }
        #expect(throws: AccessError.self) {
            try LocationSolver().solve(.mclp(p: 1, limit: 10), problem: problem, fixed: [0, 1])
        }
        #expect(throws: AccessError.self) { try LocationSolver().solve(.pCenter(p: 2), problem: problem, fixed: [40]) }
    }
}
