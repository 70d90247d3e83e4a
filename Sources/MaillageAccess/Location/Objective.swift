/// The value of a set of open sites under one location model.
struct Objective {
    let model: LocationModel
    let problem: LocationProblem
    /// The time charged to a zone that no open site reaches (p-median, p-center):
    /// twice the longest time in the problem, so that reaching a zone always pays.
    let unreachablePenalty: Double
    /// Zones that no candidate reaches (within the limit for the covering models).
    let unreachable: [Int]
    /// The equity objective's accessibility.
    let access: LocationAccess?

    init(model: LocationModel, problem: LocationProblem) {
        self.model = model
        self.problem = problem
        let longest = problem.reachedBy.flatMap { $0.map(\.minutes) }.max() ?? 0
        unreachablePenalty = max(1, 2 * longest)
        let limit = Self.limit(of: model)
        unreachable = (0..<problem.zoneCount).filter { zone in
            !problem.reachedBy[zone].contains { limit == nil || $0.minutes <= limit! }
        }
        if case .maximinAccess(_, let decay, let limit) = model {
            access = LocationAccess(problem: problem, decay: decay, limit: limit)
        } else {
            access = nil
        }
    }

    static func limit(of model: LocationModel) -> Double? {
        switch model {
        case .lscp(let limit), .mclp(_, let limit), .capacitatedMCLP(_, let limit): limit
        case .pMedian, .pCenter, .capacitatedPMedian, .maximinAccess: nil
        }
    }

    /// The objective, then a tie-breaker that lets local search move along plateaus: for
    /// p-center, the sum of times (a swap that shortens other trips without changing the
    /// longest one is still progress).
    struct Score {
        var primary: Double
        var secondary: Double

        init(_ primary: Double, _ secondary: Double) {
            self.primary = primary
            self.secondary = secondary
        }
    }

    /// For the equity objective, the people with no access at all break ties: the lowest
    /// tenth is flat at 0 while more than a tenth of the population reaches no site, and
    /// the search must first bring them within reach.
    func score(_ open: [Int]) -> Score {
        switch model {
        case .pCenter:
            let times = nearestTimes(open)
            return Score(times.max() ?? 0, times.reduce(0, +))
        case .maximinAccess:
            let values = access!.values(open)
            var withoutAccess = 0.0
            for (zone, value) in values.enumerated() where value <= 0 { withoutAccess += problem.population[zone] }
            return Score(LocationAccess.lowestShareMean(values, population: problem.population), withoutAccess)
        default:
            return Score(value(open), 0)
        }
    }

    func isBetter(_ a: Score, than b: Score, by margin: Double = 0) -> Bool {
        let slack = margin * max(1, abs(b.primary))
        if model.maximises {
            if a.primary > b.primary + slack { return true }
            return abs(a.primary - b.primary) <= slack && a.secondary < b.secondary - margin * max(1, abs(b.secondary))
        }
        if a.primary < b.primary - slack { return true }
        return abs(a.primary - b.primary) <= slack && a.secondary < b.secondary - margin * max(1, abs(b.secondary))
    }

    /// The objective of a set of open sites.
    func value(_ open: [Int]) -> Double {
        switch model {
        case .lscp:
            return Double(open.count)
        case .mclp:
            return coveredPopulation(open) ?? 0
        case .pMedian:
            let times = nearestTimes(open)
            return zip(times, problem.population).reduce(0) { $0 + $1.0 * $1.1 }
        case .pCenter:
            return nearestTimes(open).max() ?? 0
        case .capacitatedPMedian:
            return assignment(open).cost
        case .capacitatedMCLP:
            return problem.totalPopulation - assignment(open).cost
        case .maximinAccess:
            return LocationAccess.lowestShareMean(access!.values(open), population: problem.population)
        }
    }

    /// The unassigned cost a person: the unreachable penalty (capacitated p-median) or 1
    /// (capacitated MCLP, whose cost is then the people not covered).
    var unassignedCost: Double {
        if case .capacitatedMCLP = model { return 1 }
        return unreachablePenalty
    }

    /// Each zone's arcs for the capacitated assignment: every pair (p-median) or those
    /// within the limit at no cost (MCLP).
    func assignmentArcs(_ open: [Int]) -> [[(site: Int, cost: Double)]] {
        let isOpen = Set(open)
        let limit = Self.limit(of: model)
        return problem.reachedBy.map { row in
            row.compactMap { entry in
                guard isOpen.contains(entry.site) else { return nil }
                if let limit { return entry.minutes <= limit ? (entry.site, 0) : nil }
                return (entry.site, entry.minutes)
            }
        }
    }

    /// The least-cost assignment of demand to these open sites within their capacities.
    func assignment(_ open: [Int]) -> CapacitatedAssignment {
        let capacity = problem.capacity ?? []
        return CapacitatedAssignment.solve(
            population: problem.population, arcs: assignmentArcs(open),
            capacity: Dictionary(open.map { ($0, capacity[$0]) }, uniquingKeysWith: { a, _ in a }),
            unassignedCost: unassignedCost
        )
    }

    /// Each zone's time to its nearest open site (the penalty when none reaches it).
    func nearestTimes(_ open: [Int]) -> [Double] {
        var times = [Double](repeating: unreachablePenalty, count: problem.zoneCount)
        for site in open {
            for (zone, minutes) in problem.reaches[site] where minutes < times[zone] { times[zone] = minutes }
        }
        return times
    }

    /// Population within the limit of an open site, for the covering models.
    func coveredPopulation(_ open: [Int]) -> Double? {
        guard let limit = Self.limit(of: model) else { return nil }
        var covered = [Bool](repeating: false, count: problem.zoneCount)
        for site in open {
            for (zone, minutes) in problem.reaches[site] where minutes <= limit { covered[zone] = true }
        }
        return zip(covered, problem.population).reduce(0) { $0 + ($1.0 ? $1.1 : 0) }
    }

    /// A bound on the optimum with `p` sites: MCLP at most the sum of the p largest
    /// single-site coverages (coverage is submodular); p-median at least the cost with every
    /// candidate open; p-center at least the longest time to the nearest candidate.
    func bound(p: Int) -> Double? {
        let all = Array(0..<problem.candidateCount)
        switch model {
        case .mclp:
            let single = all.map { coveredPopulation([$0]) ?? 0 }.sorted(by: >)
            return min(
                single.prefix(p).reduce(0, +),
                (0..<problem.zoneCount).filter { !unreachable.contains($0) }
                    .reduce(0) { $0 + problem.population[$1] })
        case .pMedian, .pCenter:
            return value(all)
        case .maximinAccess:
            // Opening a site never lowers anyone's access (each R_j depends on its own
            // catchment only), so every candidate open is an upper bound.
            return value(all)
        case .lscp, .capacitatedPMedian, .capacitatedMCLP:
            return nil
        }
    }
}
