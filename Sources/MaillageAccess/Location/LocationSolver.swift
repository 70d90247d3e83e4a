import Foundation

/// Solves location models exactly when the combinations are few, else by greedy
/// construction followed by vertex interchange (Teitz–Bart) until no swap improves.
///
/// Every tie is broken by candidate position, so the same inputs always give the same sites.
public struct LocationSolver: Sendable {
    /// Enumerate every combination when there are at most this many.
    public var exactLimit = 300_000
    /// How many extra starts the heuristic makes (each from one of the best single sites).
    public var starts = 8
    /// Subgradient iterations of the capacitated models' Lagrangian relaxation.
    public var lagrangianIterations = 1000
    /// Closed sites tried against each open one after the relaxation.
    public var swapCandidates = 8

    /// A solver with these limits on exhaustive search, heuristic restarts and relaxation iterations.
    public init(exactLimit: Int = 300_000, starts: Int = 8, lagrangianIterations: Int = 1000) {
        self.exactLimit = exactLimit
        self.starts = starts
        self.lagrangianIterations = lagrangianIterations
    }

    /// Combinations enumerated for a model: fewer when each costs an assignment (a
    /// min-cost flow) or an accessibility computation rather than a sum.
    func enumerationLimit(_ model: LocationModel) -> Double {
        switch model {
        case .capacitatedPMedian, .capacitatedMCLP: Double(exactLimit) / 50
        case .maximinAccess: Double(exactLimit) / 10
        default: Double(exactLimit)
        }
    }

    /// The sites `model` chooses among the problem's candidates, `fixed` ones (existing sites) always open.
    ///
    /// - Throws: ``AccessError`` for a fixed index that is not a candidate, a `p` or limit out of range, or a
    ///   capacitated model without capacities.
    public func solve(_ model: LocationModel, problem: LocationProblem, fixed: [Int] = []) throws -> LocationSolution {
        let fixed = Array(Set(fixed)).sorted()
        if let bad = fixed.first(where: { !(0..<problem.candidateCount).contains($0) }) {
            throw AccessError.invalidInput("fixed site \(bad) is not a candidate")
        }
        switch model {
        case .lscp(let limit):
            try checkLimit(limit)
            return solveSetCover(problem, limit: limit, fixed: fixed)
        case .mclp(let p, let limit):
            try checkLimit(limit)
            try checkP(p, problem: problem, fixed: fixed)
        case .capacitatedMCLP(let p, let limit):
            try checkLimit(limit)
            try checkP(p, problem: problem, fixed: fixed)
        case .pMedian(let p), .pCenter(let p), .capacitatedPMedian(let p):
            try checkP(p, problem: problem, fixed: fixed)
        case .maximinAccess(let p, let decay, let limit):
            try checkP(p, problem: problem, fixed: fixed)
            if let limit { try checkLimit(limit) }
            try decay.validate(limit: limit)
        }
        if model.isCapacitated, problem.capacity == nil {
            throw AccessError.invalidInput("the \(model.name) model needs each candidate's capacity")
        }
        let objective = Objective(model: model, problem: problem)
        let p = model.p ?? 0
        let free = (0..<problem.candidateCount).filter { !fixed.contains($0) }
        var solution: [Int]
        var isExact = false
        var bound: Double?
        if combinations(free.count, p - fixed.count) <= enumerationLimit(model) {
            solution = enumerateBest(free: free, choose: p - fixed.count, fixed: fixed, objective: objective)
            isExact = true
        } else if model.isCapacitated {
            let relaxed = solveLagrangian(objective: objective, p: p, fixed: fixed)
            solution = relaxed.open
            // The relaxation bounds the cost from below; MCLP's cost is the people not covered.
            if case .capacitatedMCLP = model {
                bound = problem.totalPopulation - relaxed.lowerBound
            } else {
                bound = relaxed.lowerBound
            }
        } else {
            switch model {
            case .pMedian, .mclp: solution = fastMultiStart(problem: problem, model: model, p: p, fixed: fixed)
            case .maximinAccess:
                // Each value is a whole E2SFCA: two starts rather than the full set.
                var solver = self
                solver.starts = min(starts, 2)
                solution = solver.multiStart(free: free, p: p, fixed: fixed, objective: objective)
            default: solution = multiStart(free: free, p: p, fixed: fixed, objective: objective)
            }
            bound = objective.bound(p: p)
        }
        solution.sort()
        let value = objective.value(solution)
        var result = LocationSolution(
            open: solution, objective: value, isExact: isExact,
            bound: isExact ? value : bound,
            unreachableZones: objective.unreachable,
            coveredPopulation: objective.coveredPopulation(solution)
        )
        if model.isCapacitated {
            let assignment = objective.assignment(solution)
            result.assignment = assignment.flows.map { .init(zone: $0.zone, site: $0.site, persons: $0.persons) }
            result.unassignedPopulation = assignment.unassignedTotal
            if case .capacitatedMCLP = model {
                result.coveredPopulation = problem.totalPopulation - assignment.unassignedTotal
            }
        }
        return result
    }

    private func checkLimit(_ limit: Double) throws {
        guard limit.isFinite, limit > 0 else {
            throw AccessError.invalidParameter("the limit must be > 0 minutes, not \(limit)")
        }
    }

    private func checkP(_ p: Int, problem: LocationProblem, fixed: [Int]) throws {
        guard p >= 1, p <= problem.candidateCount else {
            throw AccessError.invalidParameter(
                "p must be between 1 and the \(problem.candidateCount) candidates, not \(p)")
        }
        guard p >= fixed.count else {
            throw AccessError.invalidParameter("p = \(p) is fewer than the \(fixed.count) fixed sites")
        }
    }

    func combinations(_ n: Int, _ k: Int) -> Double {
        guard k >= 0, k <= n else { return 0 }
        var result = 1.0
        for i in 0..<min(k, n - k) { result = result * Double(n - i) / Double(i + 1) }
        return result
    }

    /// Every way of choosing `choose` of the free candidates; the first best in
    /// lexicographic order wins ties.
    private func enumerateBest(free: [Int], choose: Int, fixed: [Int], objective: Objective) -> [Int] {
        guard choose > 0 else { return fixed }
        var indices = Array(0..<choose)
        var best: [Int] = []
        var bestValue = 0.0
        while true {
            let candidate = fixed + indices.map { free[$0] }
            let value = objective.value(candidate)
            if best.isEmpty || objective.isBetter(Objective.Score(value, 0), than: Objective.Score(bestValue, 0)) {
                (best, bestValue) = (candidate, value)
            }
            var position = choose - 1
            while position >= 0 && indices[position] == free.count - choose + position { position -= 1 }
            if position < 0 { return best }
            indices[position] += 1
            for next in (position + 1)..<choose { indices[next] = indices[next - 1] + 1 }
        }
    }

    /// Greedy then interchange from several starts: the plain greedy, and greedy forced to
    /// begin with each of the best single sites. Local search alone stalls on plateaus
    /// (p-center) and in local optima; a handful of starts recovers most of the gap.
    private func multiStart(free: [Int], p: Int, fixed: [Int], objective: Objective) -> [Int] {
        let starts = Array(
            free.sorted { a, b in
                let (va, vb) = (objective.score(fixed + [a]), objective.score(fixed + [b]))
                return objective.isBetter(va, than: vb) || (!objective.isBetter(vb, than: va) && a < b)
            }.prefix(starts))
        var best = interchange(
            greedy(free: free, p: p, start: fixed, objective: objective), free: free, fixed: fixed, objective: objective
        )
        guard p > fixed.count else { return best }
        for first in starts {
            let trial = interchange(
                greedy(free: free, p: p, start: fixed + [first], objective: objective),
                free: free, fixed: fixed, objective: objective)
            if objective.isBetter(objective.score(trial), than: objective.score(best)) { best = trial }
        }
        return best
    }

    /// Adds, one at a time, the candidate that improves the objective most.
    private func greedy(free: [Int], p: Int, start: [Int], objective: Objective) -> [Int] {
        var open = start
        var remaining = free.filter { !start.contains($0) }
        while open.count < p, !remaining.isEmpty {
            var bestIndex = 0
            var bestScore = objective.score(open + [remaining[0]])
            for index in remaining.indices.dropFirst() {
                let score = objective.score(open + [remaining[index]])
                if objective.isBetter(score, than: bestScore) { (bestIndex, bestScore) = (index, score) }
            }
            open.append(remaining.remove(at: bestIndex))
        }
        return open
    }

    /// Swaps an open (not fixed) site for a closed one whenever that improves the score,
    /// until no swap does.
    private func interchange(_ start: [Int], free: [Int], fixed: [Int], objective: Objective) -> [Int] {
        var open = start
        var score = objective.score(open)
        var improved = true
        while improved {
            improved = false
            for position in open.indices where !fixed.contains(open[position]) {
                for candidate in free where !open.contains(candidate) {
                    var trial = open
                    trial[position] = candidate
                    let trialScore = objective.score(trial)
                    if objective.isBetter(trialScore, than: score, by: 1e-12) {
                        (open, score, improved) = (trial, trialScore, true)
                    }
                }
            }
        }
        return open
    }
}
