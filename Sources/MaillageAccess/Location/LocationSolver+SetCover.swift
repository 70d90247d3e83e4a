extension LocationSolver {
    /// LSCP: exact by trying k = 1, 2, … sites while the combinations are few; otherwise
    /// greedy cover (most newly covered zones first) with redundant sites removed.
    func solveSetCover(_ problem: LocationProblem, limit: Double, fixed: [Int]) -> LocationSolution {
        let objective = Objective(model: .lscp(limit: limit), problem: problem)
        let unreachable = Set(objective.unreachable)
        let needed = Set(0..<problem.zoneCount).subtracting(unreachable)
        let covers: [Set<Int>] = (0..<problem.candidateCount).map { site in
            Set(problem.reaches[site].filter { $0.minutes <= limit }.map(\.zone))
        }
        func coversAll(_ open: [Int]) -> Bool {
            var covered = Set<Int>()
            for site in open { covered.formUnion(covers[site]) }
            return covered.isSuperset(of: needed)
        }
        let free = (0..<problem.candidateCount).filter { !fixed.contains($0) }
        var k = 0
        while k <= free.count, combinations(free.count, k) <= Double(exactLimit) {
            if let found = firstCover(free: free, choose: k, fixed: fixed, coversAll: coversAll) {
                return finish(found, exact: true, objective: objective)
            }
            k += 1
        }
        // Greedy, then drop any site whose zones are all covered by the others.
        var open = fixed
        var covered = Set<Int>()
        for site in fixed { covered.formUnion(covers[site]) }
        while !covered.isSuperset(of: needed) {
            let best = free.filter { !open.contains($0) }.max {
                covers[$0].subtracting(covered).count < covers[$1].subtracting(covered).count
                    || (covers[$0].subtracting(covered).count == covers[$1].subtracting(covered).count && $0 > $1)
            }!
            open.append(best)
            covered.formUnion(covers[best])
        }
        for site in open.sorted(by: >) where !fixed.contains(site) {
            let others = open.filter { $0 != site }
            if coversAll(others) { open = others }
        }
        let largest = covers.map(\.count).max() ?? 1
        var solution = finish(open, exact: false, objective: objective)
        solution.bound = Double(max(fixed.count, (needed.count + largest - 1) / max(largest, 1)))
        return solution
    }

    private func firstCover(free: [Int], choose: Int, fixed: [Int], coversAll: ([Int]) -> Bool) -> [Int]? {
        guard choose > 0 else { return coversAll(fixed) ? fixed : nil }
        guard choose <= free.count else { return nil }
        var indices = Array(0..<choose)
        while true {
            let candidate = fixed + indices.map { free[$0] }
            if coversAll(candidate) { return candidate }
            var position = choose - 1
            while position >= 0 && indices[position] == free.count - choose + position { position -= 1 }
            if position < 0 { return nil }
            indices[position] += 1
            for next in (position + 1)..<choose { indices[next] = indices[next - 1] + 1 }
        }
    }

    private func finish(_ open: [Int], exact: Bool, objective: Objective) -> LocationSolution {
        let sorted = open.sorted()
        return LocationSolution(
            open: sorted, objective: Double(sorted.count), isExact: exact, bound: exact ? Double(sorted.count) : nil,
            unreachableZones: objective.unreachable, coveredPopulation: objective.coveredPopulation(sorted)
        )
    }
}
