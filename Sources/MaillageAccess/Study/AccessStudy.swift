import Foundation
import MaillageCore
import MaillageGeo

/// Runs an accessibility method on a territory: selects the sites, builds the sparse travel
/// graph, computes, and returns one row of values per zone.
public enum AccessStudy {
    /// One study's values per zone and what it used.
    public struct Result: Sendable {
        /// The method's name, as results and stored runs write it (``AccessMethod/name``).
        public var method: String
        /// The zones, in the territory's order; every column follows it.
        public var zoneIDs: [String]
        /// Named value columns, one value per zone (NaN = undefined).
        public var columns: [(name: String, values: [Double])]
        /// The nearest site's id per zone, for `nearest` and `coverage`.
        public var nearestSiteIDs: [String?]?
        /// Territory-wide figures (coverage share, counts), as name → number.
        public var summary: [String: Double]
        /// Sites used, and the ones left out with the reason.
        public var siteIDs: [String]
        /// What a planner should know about the run (sites without capacity, zones without people).
        public var notes: [String]
    }

    /// Runs `request` on `territory`.
    ///
    /// `whenNoSites` says whether a territory without any site of the kinds is an error or a result
    /// of undefined values.
    ///
    /// - Throws: ``AccessError`` for a request the territory cannot answer (no site of the kinds, a parameter out of
    ///   range).
    public static func run(_ request: AccessRequest, on territory: Territory, whenNoSites: NoSites = .refuse) throws
        -> Result
    {
        if whenNoSites == .measureNone, hasNoCandidates(request, territory: territory) {
            return noSitesResult(request, territory: territory)
        }
        let (sites, capacities, notes) = try selectSites(request, territory: territory)
        let zones = territory.zones
        let zonePlaces = zones.map { StraightLinePairs.Place(point: $0.point, density: $0.densityClass) }
        let densityByZone = Dictionary(zones.map { ($0.id, $0.densityClass) }, uniquingKeysWith: { first, _ in first })
        let sitePlaces = sites.map { site in
            StraightLinePairs.Place(point: site.point, density: site.zoneID.flatMap { densityByZone[$0] } ?? nil)
        }
        let demand = try request.demand.values(for: zones)
        var result = Result(
            method: request.method.name, zoneIDs: zones.map(\.id), columns: [], nearestSiteIDs: nil,
            summary: ["sites": Double(sites.count), "zones": Double(zones.count)],
            siteIDs: sites.map(\.id), notes: notes)
        let matrixGraph: CatchmentGraph? =
            switch request.travel {
            case .line: nil
            case .matrix(let pairs, let directed, let intrazone):
                CatchmentGraph.fromMatrix(
                    zoneIDs: zones.map(\.id), sites: sites.map { .init(actorID: $0.id, zoneID: $0.zoneID) },
                    pairs: pairs, directed: directed, intrazoneMinutes: intrazone
                )
            case .matrixRows(let rows, let directed, let intrazone):
                CatchmentGraph.fromMatrix(
                    zoneIDs: zones.map(\.id), sites: sites.map { .init(actorID: $0.id, zoneID: $0.zoneID) },
                    rows: rows, directed: directed, intrazoneMinutes: intrazone
                )
            }
        switch request.method {
        case .nearest, .coverage:
            let nearest = try nearestSites(request.travel, matrixGraph, zones: zonePlaces, sites: sitePlaces)
            result.nearestSiteIDs = nearest.map { $0.map { sites[$0.site].id } }
            result.columns = [("minutes", nearest.map { $0?.minutes ?? .nan })]
            if case .coverage(let threshold) = request.method {
                let coverage = try Coverage.compute(
                    nearest: nearest, population: zones.map(\.population.total), threshold: threshold)
                result.columns.append(("covered", coverage.covered.map { $0 ? 1 : 0 }))
                result.summary["covered_population"] = coverage.coveredPopulation
                result.summary["population"] = coverage.totalPopulation
                result.summary["coverage_share"] = coverage.share ?? .nan
                result.summary["threshold_minutes"] = threshold
            }
        case .catchment(let catchment):
            let graph =
                try matrixGraph
                ?? graph(
                    request.travel, zones: zonePlaces, sites: sitePlaces,
                    limit: catchment.limit ?? catchment.decay.lastBound)
            var values = try catchment.accessibility(graph, supply: capacities, demand: demand)
            if case .line = request.travel, catchment.limit == nil {
                // The line model reaches every site; the graph only holds those within the last
                // step, so a zone with none there has every site at weight 0: 0, not undefined.
                values = values.map { $0.isNaN ? 0 : $0 }
            }
            values = scaled(values, request: request, population: zones.map(\.population.total))
            result.columns = [(request.method.name, values)]
            if case .line(let model, let defaultLimit) = request.travel {
                let reach = model.reach(minutes: catchment.limit ?? catchment.decay.lastBound ?? defaultLimit)
                let flags = EdgeEffects.flags(zones: zones.map(\.point), sites: sites.map(\.point), reach: reach)
                result.columns.append(("catchment_beyond_loaded_sites", flags))
                result.summary["zones_catchment_beyond_loaded_sites"] = flags.reduce(0, +)
            }
        case .gravity(let model):
            let graph =
                try matrixGraph ?? graph(request.travel, zones: zonePlaces, sites: sitePlaces, limit: model.limit)
            var values = try model.accessibility(graph, supply: capacities)
            values = scaled(values, request: request, population: zones.map(\.population.total))
            result.columns = [("gravity", values)]
        }
        return result
    }

    private static func scaled(_ values: [Double], request: AccessRequest, population: [Double]) -> [Double] {
        var values = values
        if request.normalize { values = AccessNormalization.normalize(values, population: population) }
        if let per = request.per { values = values.map { $0 * per } }
        return values
    }

    /// The actors that count as sites, their capacities, and notes on those left out.
    static func selectSites(_ request: AccessRequest, territory: Territory) throws -> ([Actor], [Double], [String]) {
        let kinds = request.kinds.map(\.rawValue).sorted().joined(separator: ",")
        var candidates = territory.actors.filter { request.kinds.contains($0.kind) }
        if !request.services.isEmpty {
            candidates = candidates.filter { !request.services.isDisjoint(with: $0.services) }
        }
        guard !candidates.isEmpty else {
            let services =
                request.services.isEmpty ? "" : " offering \(request.services.sorted().joined(separator: " or "))"
            throw AccessError.invalidInput("the territory has no actor of kind \(kinds)\(services)")
        }
        guard request.method.needsSupply else { return (candidates, candidates.map { _ in 0 }, []) }
        guard
            let measure = request.capacity
                ?? request.kinds.compactMap(AccessRequest.usualCapacity).sorted(by: { $0.rawValue < $1.rawValue }).first
        else {
            throw AccessError.needsSetting(
                "say which capacity measures supply for kind \(kinds)", SettingHint("capacity")
            )
        }
        let withCapacity = candidates.filter { $0.capacity(measure) != nil }
        guard !withCapacity.isEmpty else {
            throw AccessError.invalidInput("no actor of kind \(kinds) has a capacity in \(measure)")
        }
        var notes: [String] = []
        if withCapacity.count < candidates.count {
            notes.append(
                "\(candidates.count - withCapacity.count) actor(s) of kind \(kinds) have no \(measure) capacity and were left out"
            )
        }
        return (withCapacity, withCapacity.map { $0.capacity(measure)!.value }, notes)
    }

    private static func nearestSites(
        _ travel: AccessRequest.Travel, _ matrixGraph: CatchmentGraph?, zones: [StraightLinePairs.Place],
        sites: [StraightLinePairs.Place]
    ) throws -> [NearestSite?] {
        if let matrixGraph { return NearestSite.compute(matrixGraph) }
        guard case .line(let model, _) = travel else { return [] }
        return NearestByLine.compute(zones: zones, sites: sites, model: model)
    }

    private static func graph(
        _ travel: AccessRequest.Travel, zones: [StraightLinePairs.Place], sites: [StraightLinePairs.Place],
        limit: Double?
    ) throws -> CatchmentGraph {
        guard case .line(let model, let defaultLimit) = travel else {
            throw AccessError.invalidInput("no travel graph could be built")
        }
        return try StraightLinePairs.graph(
            zones: zones, sites: sites, model: model, limitMinutes: limit ?? defaultLimit)
    }
}

extension DistanceDecay {
    /// The last step's bound: beyond it weights are 0, so no pair farther is needed.
    var lastBound: Double? {
        if case .steps(let steps) = self { return steps.last?.upTo }
        return nil
    }
}
