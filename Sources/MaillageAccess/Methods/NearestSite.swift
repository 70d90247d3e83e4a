/// The nearest site of each zone: the patient's shortest trip (`indicators.md` §1).
public struct NearestSite: Sendable, Equatable {
    /// The site's position in the site list.
    public var site: Int
    /// The zone → site travel time, in minutes.
    public var minutes: Double

    /// For each zone, the site with the shortest zone → site time within `limit`, or nil
    /// when none is reachable (reported as an empty value, never 0 or a sentinel).
    /// Ties go to the site listed first, so results do not depend on input order.
    public static func compute(_ graph: CatchmentGraph, limit: Double? = nil) -> [NearestSite?] {
        (0..<graph.zoneCount).map { zone in
            var best: NearestSite?
            graph.forEachSite(of: zone) { site, minutes in
                if let limit, minutes > limit { return }
                if best == nil || minutes < best!.minutes || (minutes == best!.minutes && site < best!.site) {
                    best = NearestSite(site: site, minutes: minutes)
                }
            }
            return best
        }
    }
}

/// The population within a travel-time threshold of a site (`indicators.md` §2).
public struct Coverage: Sendable, Equatable {
    /// Whether each zone's nearest site is within the threshold (`t ≤ c`, inclusive as in spopt).
    public var covered: [Bool]
    /// People in covered zones.
    public var coveredPopulation: Double
    /// People in every zone.
    public var totalPopulation: Double

    /// The covered share of the population, nil when nobody lives in the territory.
    public var share: Double? { totalPopulation > 0 ? coveredPopulation / totalPopulation : nil }

    /// Coverage at `threshold` minutes from each zone's nearest site.
    ///
    /// - Throws: ``AccessError/invalidInput(_:)`` when the lengths differ, ``AccessError/invalidParameter(_:)`` for a
    ///   threshold that is not above 0.
    public static func compute(nearest: [NearestSite?], population: [Double], threshold: Double) throws -> Coverage {
        guard nearest.count == population.count else {
            throw AccessError.invalidInput("\(nearest.count) zones have times but \(population.count) have populations")
        }
        guard threshold.isFinite, threshold > 0 else {
            throw AccessError.invalidParameter("a coverage threshold must be > 0 minutes, not \(threshold)")
        }
        let covered = nearest.map { $0.map { $0.minutes <= threshold } ?? false }
        var inside = 0.0
        var total = 0.0
        for (zone, isCovered) in covered.enumerated() {
            total += population[zone]
            if isCovered { inside += population[zone] }
        }
        return Coverage(covered: covered, coveredPopulation: inside, totalPopulation: total)
    }
}
