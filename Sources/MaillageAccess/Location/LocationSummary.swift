/// What a planner compares between location solutions: coverage, travel times and the
/// equity of access, and what each open site brings.
///
/// Times are read in the model's direction. People go to their nearest open site, or where
/// the capacitated assignment sends them.
public struct LocationSummary: Sendable, Equatable {
    /// The threshold coverage is measured at.
    public var coverageLimit: Double
    /// People within `coverageLimit` of their site.
    public var coveredPopulation: Double
    /// ``coveredPopulation`` as a share of everyone; nil when nobody lives in the territory.
    public var coverageShare: Double?
    /// Population-weighted mean time to the site people go to, over those who reach one.
    public var meanMinutes: Double?
    /// The longest such time.
    public var worstMinutes: Double?
    /// People who reach no open site (or, capacitated, whom no site could take).
    public var unservedPopulation: Double
    /// Population-weighted mean access of the worst-served tenth of the population.
    public var lowestDecileAccess: Double
    /// Population-weighted Gini coefficient of access; nil when nobody has any.
    public var giniOfAccess: Double?
    /// One entry per open site, in the solution's order.
    public var sites: [Site]

    /// What one open site brings.
    public struct Site: Sendable, Equatable {
        /// The site's candidate index.
        public var index: Int
        /// People who go to this site.
        public var served: Double
        /// Of those, the people within `coverageLimit` of it who were not within
        /// `coverageLimit` of any site kept open before (all of them when none was).
        public var gained: Double
    }

    /// The figures of a set of open sites.
    ///
    /// - Parameters:
    ///   - problem: the zones, candidates and times the solution was chosen on.
    ///   - open: the open sites, as candidate indices, in the solution's order.
    ///   - before: the sites open before the model added any (the kept existing ones).
    ///   - assignment: the capacitated assignment; nil sends everyone to the nearest open site.
    ///   - coverageLimit: the time, in minutes, within which people count as covered.
    ///   - decay: the E2SFCA decay used for the access figures.
    ///   - accessLimit: the E2SFCA catchment limit used for the access figures.
    public static func compute(
        problem: LocationProblem, open: [Int], before: [Int], assignment: [LocationSolution.Assignment]?,
        coverageLimit: Double, decay: DistanceDecay, accessLimit: Double?
    ) -> LocationSummary {
        let population = problem.population
        let flows = assignment ?? nearestAssignment(problem: problem, open: open)
        let time = pairTimes(problem: problem, sites: Set(open))
        var alreadyCovered = [Bool](repeating: false, count: problem.zoneCount)
        for site in before {
            for (zone, minutes) in problem.reaches[site] where minutes <= coverageLimit { alreadyCovered[zone] = true }
        }
        var served = [Int: Double]()
        var gained = [Int: Double]()
        var covered = 0.0
        var weightedMinutes = 0.0
        var reached = 0.0
        var worst: Double?
        for flow in flows where flow.persons > 0 {
            let minutes = time[flow.zone &* problem.candidateCount &+ flow.site] ?? .infinity
            served[flow.site, default: 0] += flow.persons
            reached += flow.persons
            weightedMinutes += flow.persons * minutes
            worst = max(worst ?? minutes, minutes)
            if minutes <= coverageLimit {
                covered += flow.persons
                if !alreadyCovered[flow.zone] { gained[flow.site, default: 0] += flow.persons }
            }
        }
        let total = problem.totalPopulation
        let access = LocationAccess(problem: problem, decay: decay, limit: accessLimit).values(open)
        return LocationSummary(
            coverageLimit: coverageLimit, coveredPopulation: covered, coverageShare: total > 0 ? covered / total : nil,
            meanMinutes: reached > 0 ? weightedMinutes / reached : nil, worstMinutes: worst,
            unservedPopulation: max(0, total - reached),
            lowestDecileAccess: LocationAccess.lowestShareMean(access, population: population),
            giniOfAccess: LocationAccess.gini(access, population: population),
            sites: open.map { Site(index: $0, served: served[$0] ?? 0, gained: gained[$0] ?? 0) }
        )
    }

    /// Everyone to the nearest open site (lowest position on ties).
    static func nearestAssignment(problem: LocationProblem, open: [Int]) -> [LocationSolution.Assignment] {
        let isOpen = Set(open)
        return (0..<problem.zoneCount).compactMap { zone in
            var best: (site: Int, minutes: Double)?
            for (site, minutes) in problem.reachedBy[zone] where isOpen.contains(site) {
                if best == nil || minutes < best!.minutes || (minutes == best!.minutes && site < best!.site) {
                    best = (site, minutes)
                }
            }
            return best.map {
                LocationSolution.Assignment(zone: zone, site: $0.site, persons: problem.population[zone])
            }
        }
    }

    private static func pairTimes(problem: LocationProblem, sites: Set<Int>) -> [Int: Double] {
        var times: [Int: Double] = [:]
        for site in sites {
            for (zone, minutes) in problem.reaches[site] { times[zone &* problem.candidateCount &+ site] = minutes }
        }
        return times
    }
}
