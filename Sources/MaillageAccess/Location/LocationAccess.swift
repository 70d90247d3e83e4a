/// Accessibility of each zone to a set of open sites (2SFCA family, `indicators.md` §3),
/// and the equity figures location results report.
///
/// Step 1 reads the site's catchment (site → zone), step 2 the patient's trip (zone → site),
/// as the access commands do. A zone reaching no open site has access 0 here (not NaN):
/// it is the worst served, and the equity objective must see it.
struct LocationAccess {
    let problem: LocationProblem
    let decay: DistanceDecay
    let limit: Double?
    /// Each candidate's supply: its capacity, or 1 when the problem has none (then access
    /// is sites per person, which the Gini and decile compare just as well).
    let supply: [Double]

    init(problem: LocationProblem, decay: DistanceDecay, limit: Double?) {
        self.problem = problem
        self.decay = decay
        self.limit = limit
        supply = problem.capacity ?? Array(repeating: 1, count: problem.candidateCount)
    }

    private func weight(_ minutes: Double) -> Double {
        if let limit, minutes > limit { return 0 }
        return decay.weight(minutes, limit: limit)
    }

    /// Each zone's accessibility with these sites open.
    func values(_ open: [Int]) -> [Double] {
        var access = [Double](repeating: 0, count: problem.zoneCount)
        for site in open {
            var demand = 0.0
            for (zone, minutes) in problem.catchment[site] { demand += problem.population[zone] * weight(minutes) }
            guard demand > 0 else { continue }
            let ratio = supply[site] / demand
            for (zone, minutes) in problem.trips[site] { access[zone] += ratio * weight(minutes) }
        }
        return access
    }

    /// The population-weighted mean access of the worst-served `share` of the population
    /// (a zone straddling the boundary counts for the part inside it).
    static func lowestShareMean(_ access: [Double], population: [Double], share: Double = 0.1) -> Double {
        let total = population.reduce(0, +)
        guard total > 0 else { return 0 }
        let wanted = share * total
        let order = access.indices.sorted { (access[$0], $0) < (access[$1], $1) }
        var taken = 0.0
        var sum = 0.0
        for zone in order where taken < wanted {
            let part = min(population[zone], wanted - taken)
            taken += part
            sum += part * access[zone]
        }
        return taken > 0 ? sum / taken : 0
    }

    /// The population-weighted Gini coefficient of access (0 = equal, 1 = all in one zone);
    /// nil when nobody has any.
    static func gini(_ access: [Double], population: [Double]) -> Double? {
        let order = access.indices.sorted { (access[$0], $0) < (access[$1], $1) }
        let totalPopulation = population.reduce(0, +)
        let totalAccess = zip(access, population).reduce(0) { $0 + $1.0 * $1.1 }
        guard totalPopulation > 0, totalAccess > 0 else { return nil }
        // Area under the Lorenz curve by trapezoids: G = 1 − Σ p_i (2·S_{i−1} + p_i a_i) / (P·A).
        var cumulative = 0.0
        var area = 0.0
        for zone in order {
            let share = population[zone] * access[zone]
            area += population[zone] * (2 * cumulative + share)
            cumulative += share
        }
        return 1 - area / (totalPopulation * totalAccess)
    }
}
