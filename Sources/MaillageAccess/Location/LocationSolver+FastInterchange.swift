extension LocationSolver {
    /// The heuristic for the additive models (p-median, MCLP) on large instances: greedy
    /// construction then vertex interchange, with each move valued from one candidate's own
    /// row rather than by recomputing the objective (Whitaker's fast interchange, as in
    /// Resende and Werneck 2003).
    ///
    /// Each zone keeps its nearest open site and the two lowest costs. Swapping candidate `c`
    /// in for open site `r` lowers the cost by `gain(c) − loss(r) + extra(c, r)`: `gain(c)` what
    /// `c` saves every zone it serves better, `loss(r)` what `r`'s zones pay to fall back on
    /// their second site, `extra(c, r)` the part of that loss `c` takes back. One pass values
    /// every swap in O(pairs + candidates × p); the best swap is made until none improves.
    /// Starts: plain greedy, and greedy forced to begin with each of the best single sites.
    func fastMultiStart(problem: LocationProblem, model: LocationModel, p: Int, fixed: [Int]) -> [Int] {
        let costs = AdditiveCosts(problem: problem, model: model)
        let free = (0..<problem.candidateCount).filter { !fixed.contains($0) }
        let base = ZoneCosts(costs: costs, open: fixed)
        let single = free.map { (site: $0, gain: base.gain(of: $0, costs: costs)) }
            .sorted { $0.gain > $1.gain || ($0.gain == $1.gain && $0.site < $1.site) }
        var best = interchange(
            greedy(costs: costs, p: p, start: fixed, free: free), fixed: fixed, free: free, costs: costs)
        var bestValue = ZoneCosts(costs: costs, open: best).total
        guard p > fixed.count else { return best }
        for first in single.prefix(starts).map(\.site) {
            let trial = interchange(
                greedy(costs: costs, p: p, start: fixed + [first], free: free), fixed: fixed, free: free, costs: costs)
            let value = ZoneCosts(costs: costs, open: trial).total
            if value < bestValue - 1e-12 * max(1, abs(bestValue)) { (best, bestValue) = (trial, value) }
        }
        return best
    }

    /// Adds, one at a time, the candidate that saves the most (lowest position on ties).
    private func greedy(costs: AdditiveCosts, p: Int, start: [Int], free: [Int]) -> [Int] {
        var open = start
        var state = ZoneCosts(costs: costs, open: start)
        var isOpen = [Bool](repeating: false, count: costs.rows.count)
        for site in start { isOpen[site] = true }
        while open.count < p {
            var best = -1
            var bestGain = -Double.infinity
            for site in free where !isOpen[site] {
                let gain = state.gain(of: site, costs: costs)
                if gain > bestGain { (best, bestGain) = (site, gain) }
            }
            guard best >= 0 else { break }
            open.append(best)
            isOpen[best] = true
            state.add(best, costs: costs)
        }
        return open
    }

    /// Makes the best swap of an open (not fixed) site for a closed one while any lowers the cost.
    private func interchange(_ start: [Int], fixed: [Int], free: [Int], costs: AdditiveCosts) -> [Int] {
        var open = start
        let fixedSet = Set(fixed)
        var extra = [Double](repeating: 0, count: costs.rows.count)
        var touched: [Int] = []
        while true {
            let state = ZoneCosts(costs: costs, open: open)
            var loss = [Double](repeating: 0, count: costs.rows.count)
            for zone in 0..<costs.population.count where state.nearest[zone] >= 0 {
                loss[Int(state.nearest[zone])] += costs.population[zone] * (state.second[zone] - state.first[zone])
            }
            let isOpen = Set(open)
            let threshold = 1e-12 * max(1, abs(state.total))
            var best: (profit: Double, add: Int, remove: Int)? = nil
            for site in free where !isOpen.contains(site) {
                var gain = 0.0
                for (zone, cost) in costs.rows[site] {
                    let zone = Int(zone)
                    let people = costs.population[zone]
                    if cost < state.first[zone] { gain += people * (state.first[zone] - cost) }
                    let nearest = Int(state.nearest[zone])
                    if nearest >= 0, cost < state.second[zone] {
                        if extra[nearest] == 0 { touched.append(nearest) }
                        extra[nearest] += people * (state.second[zone] - max(cost, state.first[zone]))
                    }
                }
                for removed in open where !fixedSet.contains(removed) {
                    let profit = gain - loss[removed] + extra[removed]
                    if profit > threshold,
                        best == nil || profit > best!.profit + threshold
                            || (abs(profit - best!.profit) <= threshold && (site, removed) < (best!.add, best!.remove))
                    {
                        best = (profit, site, removed)
                    }
                }
                for site in touched { extra[site] = 0 }
                touched.removeAll(keepingCapacity: true)
            }
            guard let move = best else { return open }
            open[open.firstIndex(of: move.remove)!] = move.add
        }
    }
}

/// The additive models as costs: each zone pays, per person, the cost of its cheapest open
/// site, or `unreached` when none serves it. p-median: the time, unreached = the unreachable
/// penalty; MCLP: 0 within the limit (other pairs left out), unreached = 1, so the cost is
/// the people not covered.
struct AdditiveCosts {
    let rows: [[(zone: Int32, cost: Double)]]
    let population: [Double]
    let unreached: Double

    init(problem: LocationProblem, model: LocationModel) {
        population = problem.population
        let objective = Objective(model: model, problem: problem)
        if case .mclp(_, let limit) = model {
            unreached = 1
            rows = problem.reaches.map { row in row.compactMap { $0.minutes <= limit ? (Int32($0.zone), 0) : nil } }
        } else {
            unreached = objective.unreachablePenalty
            rows = problem.reaches.map { row in row.map { (Int32($0.zone), $0.minutes) } }
        }
    }
}

/// Each zone's cheapest and second-cheapest cost among the open sites, and which site is cheapest.
struct ZoneCosts {
    let population: [Double]
    var first: [Double]
    var second: [Double]
    var nearest: [Int32]

    init(costs: AdditiveCosts, open: [Int]) {
        population = costs.population
        let count = costs.population.count
        first = Array(repeating: costs.unreached, count: count)
        second = first
        nearest = Array(repeating: -1, count: count)
        for site in open.sorted() { add(site, costs: costs) }
    }

    /// Opens a site: its zones' two cheapest costs move.
    mutating func add(_ site: Int, costs: AdditiveCosts) {
        for (zone, cost) in costs.rows[site] {
            let zone = Int(zone)
            if cost < first[zone] {
                second[zone] = first[zone]
                first[zone] = cost
                nearest[zone] = Int32(site)
            } else if cost < second[zone] {
                second[zone] = cost
            }
        }
    }

    /// What opening a site would save.
    func gain(of site: Int, costs: AdditiveCosts) -> Double {
        var gain = 0.0
        for (zone, cost) in costs.rows[site] where cost < first[Int(zone)] {
            gain += costs.population[Int(zone)] * (first[Int(zone)] - cost)
        }
        return gain
    }

    /// Σ people × cost.
    var total: Double {
        var sum = 0.0
        for (index, cost) in first.enumerated() { sum += cost * population[index] }
        return sum
    }
}
