import Foundation

extension LocationSolver {
    /// The capacitated models on instances too large to enumerate: Lagrangian relaxation of
    /// the assignment constraints, solved by subgradient optimisation.
    ///
    /// Relaxing "each zone's people are assigned once" with multipliers λ leaves, for each
    /// site, a continuous knapsack (take the zones with the most negative reduced cost
    /// `P_i·c_ij − λ_i` per person until the capacity is full), then the `p` sites with the
    /// lowest values. That gives a lower bound on the cost; each distinct set of sites it
    /// opens is assigned exactly (min-cost flow) for an upper bound, and the best is kept,
    /// then improved by swaps the relaxation ranks first. The reported gap is between the
    /// two bounds.
    func solveLagrangian(objective: Objective, p: Int, fixed: [Int]) -> (open: [Int], cost: Double, lowerBound: Double)
    {
        let problem = objective.problem
        let capacity = problem.capacity ?? []
        let arcs = objective.assignmentArcs(Array(0..<problem.candidateCount))
        // Per site, its zones and the cost a person: the knapsack items.
        var items = [[(zone: Int, cost: Double)]](repeating: [], count: problem.candidateCount)
        for (zone, row) in arcs.enumerated() where problem.population[zone] > 0 {
            for (site, cost) in row { items[site].append((zone, cost)) }
        }
        let unassigned = objective.unassignedCost
        let fixedSet = Set(fixed)
        let population = problem.population
        var lambda = (0..<problem.zoneCount).map { zone -> Double in
            let cheapest = arcs[zone].map(\.cost).min() ?? unassigned
            return population[zone] * min(cheapest, unassigned)
        }
        var cache: [[Int]: Double] = [:]
        func evaluate(_ open: [Int]) -> Double {
            if let known = cache[open] { return known }
            let cost = objective.assignment(open).cost
            cache[open] = cost
            return cost
        }
        // The uncapacitated model's sites are the first primal candidate: capacities often
        // bind at a few sites only, and the relaxation then starts from a good upper bound.
        let relaxedModel: LocationModel =
            if case .capacitatedMCLP(_, let limit) = objective.model { .mclp(p: p, limit: limit) } else {
                .pMedian(p: p)
            }
        let uncapacitated = fastMultiStart(problem: problem, model: relaxedModel, p: p, fixed: fixed).sorted()
        var best: (open: [Int], cost: Double)? = (uncapacitated, evaluate(uncapacitated))
        var lowerBound = -Double.infinity
        var step = 2.0
        var sinceImprovement = 0
        var siteValue = [Double](repeating: 0, count: problem.candidateCount)
        for iteration in 0..<lagrangianIterations {
            // Sites' knapsacks.
            var assignedShare = [Double](repeating: 0, count: problem.zoneCount)
            var shares: [[(zone: Int, share: Double)]] = Array(repeating: [], count: problem.candidateCount)
            for site in 0..<problem.candidateCount {
                var negative = items[site].compactMap { item -> (zone: Int, perPerson: Double)? in
                    let reduced = population[item.zone] * item.cost - lambda[item.zone]
                    return reduced < 0 ? (item.zone, reduced / population[item.zone]) : nil
                }
                negative.sort { ($0.perPerson, $0.zone) < ($1.perPerson, $1.zone) }
                var room = capacity[site]
                var value = 0.0
                for (zone, perPerson) in negative where room > 0 {
                    let persons = min(room, population[zone])
                    room -= persons
                    value += persons * perPerson
                    shares[site].append((zone, persons / population[zone]))
                }
                siteValue[site] = value
            }
            let free = (0..<problem.candidateCount).filter { !fixedSet.contains($0) }
                .sorted { (siteValue[$0], $0) < (siteValue[$1], $1) }
            let open = (fixed + free.prefix(p - fixed.count)).sorted()
            var bound = 0.0
            for zone in 0..<problem.zoneCount where population[zone] > 0 {
                bound += lambda[zone] + min(0, unassigned * population[zone] - lambda[zone])
                if unassigned * population[zone] - lambda[zone] < 0 { assignedShare[zone] += 1 }
            }
            for site in open {
                bound += siteValue[site]
                for (zone, share) in shares[site] { assignedShare[zone] += share }
            }
            if lowerBound == -.infinity || bound > lowerBound + 1e-9 * max(1, abs(lowerBound)) {
                lowerBound = bound
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
            }
            // Each new set of sites costs an exact assignment (a min-cost flow), the bulk of
            // the time: every one early on, then every tenth iteration's.
            if iteration < 40 || iteration % 10 == 0 {
                let cost = evaluate(open)
                if best == nil || cost < best!.cost - 1e-9 * max(1, cost) { best = (open, cost) }
            }
            // Subgradient of the relaxed constraint: 1 − (share assigned) for each zone.
            var norm = 0.0
            var gradient = [Double](repeating: 0, count: problem.zoneCount)
            for zone in 0..<problem.zoneCount where population[zone] > 0 {
                gradient[zone] = (1 - assignedShare[zone])
                norm += gradient[zone] * gradient[zone]
            }
            if norm < 1e-12 || best!.cost - lowerBound <= 1e-9 * max(1, abs(best!.cost)) { break }
            if sinceImprovement >= 30 {
                step /= 2
                sinceImprovement = 0
            }
            if step < 1e-4 { break }
            let size = step * (best!.cost - bound) / norm
            for zone in 0..<problem.zoneCount where population[zone] > 0 { lambda[zone] += size * gradient[zone] }
        }
        var (open, cost) = best!
        (open, cost) = swapImprove(open: open, cost: cost, siteValue: siteValue, fixed: fixedSet, evaluate: evaluate)
        return (open, cost, max(lowerBound, 0))
    }

    /// One pass of swaps: each open site against the closed ones the last relaxation
    /// valued best (most negative), keeping any swap that lowers the assigned cost.
    private func swapImprove(
        open start: [Int], cost startCost: Double, siteValue: [Double], fixed: Set<Int>,
        evaluate: ([Int]) -> Double
    ) -> ([Int], Double) {
        var open = start
        var cost = startCost
        let closed = siteValue.indices.filter { !open.contains($0) }.sorted {
            (siteValue[$0], $0) < (siteValue[$1], $1)
        }
        for position in open.indices where !fixed.contains(open[position]) {
            for candidate in closed.prefix(swapCandidates) where !open.contains(candidate) {
                var trial = open
                trial[position] = candidate
                trial.sort()
                let trialCost = evaluate(trial)
                if trialCost < cost - 1e-9 * max(1, cost) {
                    (open, cost) = (trial, trialCost)
                    break
                }
            }
        }
        return (open, cost)
    }
}
