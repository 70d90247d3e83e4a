import MaillageCore

extension AccessStudy {
    /// What a study does when no actor of the requested kinds (and services) is left.
    public enum NoSites: Sendable {
        /// An error: on a territory as loaded, no site usually means a wrong `--kind`.
        case refuse
        /// Measure the absence: nobody is covered, no site is reachable, accessibility is 0.
        /// A scenario that closes the only hospital is a legitimate what-if, not an error.
        case measureNone
    }

    /// Whether the territory has no actor the request would take as a site.
    static func hasNoCandidates(_ request: AccessRequest, territory: Territory) -> Bool {
        !territory.actors.contains {
            request.kinds.contains($0.kind)
                && (request.services.isEmpty || !request.services.isDisjoint(with: $0.services))
        }
    }

    /// The result with no site at all: no nearest site (minutes undefined), 0 % coverage,
    /// 0 accessibility (there is no supply to share out).
    static func noSitesResult(_ request: AccessRequest, territory: Territory) -> Result {
        let zones = territory.zones
        let population = zones.map(\.population.total)
        let total = population.reduce(0, +)
        let kinds = request.kinds.map(\.rawValue).sorted().joined(separator: ",")
        var result = Result(
            method: request.method.name, zoneIDs: zones.map(\.id), columns: [], nearestSiteIDs: nil,
            summary: ["sites": 0, "zones": Double(zones.count)], siteIDs: [],
            notes: ["no actor of kind \(kinds) is left: measured as no access"])
        switch request.method {
        case .nearest, .coverage:
            result.nearestSiteIDs = zones.map { _ in nil }
            result.columns = [("minutes", zones.map { _ in .nan })]
            if case .coverage(let threshold) = request.method {
                result.columns.append(("covered", zones.map { _ in 0 }))
                result.summary["covered_population"] = 0
                result.summary["population"] = total
                result.summary["coverage_share"] = total > 0 ? 0 : .nan
                result.summary["threshold_minutes"] = threshold
            }
        case .catchment, .gravity:
            result.columns = [
                (request.method.name == "gravity" ? "gravity" : request.method.name, zones.map { _ in 0 })
            ]
        }
        return result
    }
}
