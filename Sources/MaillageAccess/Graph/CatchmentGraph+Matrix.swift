/// One stored travel time, as a matrix file gave it.
public struct MatrixPair: Sendable {
    public var originIsZone: Bool
    public var originID: String
    public var destinationIsZone: Bool
    public var destinationID: String
    public var minutes: Double

    public init(originIsZone: Bool, originID: String, destinationIsZone: Bool, destinationID: String, minutes: Double) {
        self.originIsZone = originIsZone
        self.originID = originID
        self.destinationIsZone = destinationIsZone
        self.destinationID = destinationID
        self.minutes = minutes
    }
}

extension CatchmentGraph {
    /// Where a site stands in a matrix: as itself (an actor row), or through the zone it sits in.
    public struct SiteEndpoint: Sendable {
        public var actorID: String
        public var zoneID: String?

        public init(actorID: String, zoneID: String?) {
            self.actorID = actorID
            self.zoneID = zoneID
        }
    }

    /// Builds the graph from an imported matrix, by `indicators.md`'s reading rules.
    ///
    /// A site the matrix names as an actor uses its own rows; any other site takes the times
    /// of the zone it sits in (a zone-to-zone matrix). Undirected: a row `a → b` also gives
    /// `b → a` unless the matrix gives `b → a` itself. A zone's own pair, when absent, is the
    /// intra-zone time. Pairs absent are unreachable.
    public static func fromMatrix(
        zoneIDs: [String], sites: [SiteEndpoint], pairs: [MatrixPair], directed: Bool, intrazoneMinutes: Double
    ) -> CatchmentGraph {
        let zoneIndex = Dictionary(zoneIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let namedActors = Set(pairs.flatMap { [$0.originIsZone ? nil : $0.originID, $0.destinationIsZone ? nil : $0.destinationID] }.compactMap { $0 })
        var sitesByActor: [String: [Int]] = [:], sitesByZone: [String: [Int]] = [:]
        for (index, site) in sites.enumerated() {
            if namedActors.contains(site.actorID) { sitesByActor[site.actorID, default: []].append(index) }
            else if let zone = site.zoneID { sitesByZone[zone, default: []].append(index) }
        }
        func sitesAt(isZone: Bool, id: String) -> [Int] { isZone ? sitesByZone[id] ?? [] : sitesByActor[id] ?? [] }

        // (zone, site) → minutes, for each direction; explicit rows win over derived reverses.
        var toSite: [Int: Double] = [:], toZone: [Int: Double] = [:]
        var explicitToSite = Set<Int>(), explicitToZone = Set<Int>()
        let key = { (zone: Int, site: Int) in zone &* sites.count &+ site }
        func record(zoneIsOrigin: Bool, zone: Int, site: Int, minutes: Double, explicit: Bool) {
            let k = key(zone, site)
            if zoneIsOrigin {
                if explicit || !explicitToSite.contains(k) { toSite[k] = minutes }
                if explicit { explicitToSite.insert(k) }
            } else {
                if explicit || !explicitToZone.contains(k) { toZone[k] = minutes }
                if explicit { explicitToZone.insert(k) }
            }
        }
        for pair in pairs {
            for (explicit, originIsZone, originID, destinationIsZone, destinationID) in
                [(true, pair.originIsZone, pair.originID, pair.destinationIsZone, pair.destinationID)]
                + (directed ? [] : [(false, pair.destinationIsZone, pair.destinationID, pair.originIsZone, pair.originID)]) {
                if originIsZone, let zone = zoneIndex[originID] {
                    for site in sitesAt(isZone: destinationIsZone, id: destinationID) {
                        record(zoneIsOrigin: true, zone: zone, site: site, minutes: pair.minutes, explicit: explicit)
                    }
                }
                if destinationIsZone, let zone = zoneIndex[destinationID] {
                    for site in sitesAt(isZone: originIsZone, id: originID) {
                        record(zoneIsOrigin: false, zone: zone, site: site, minutes: pair.minutes, explicit: explicit)
                    }
                }
            }
        }
        for (zoneID, zone) in zoneIndex {
            for site in sitesByZone[zoneID] ?? [] {
                let k = key(zone, site)
                if toSite[k] == nil { toSite[k] = intrazoneMinutes }
                if toZone[k] == nil { toZone[k] = intrazoneMinutes }
            }
        }
        let count = sites.count
        return CatchmentGraph(
            zoneCount: zoneIDs.count, siteCount: count,
            zoneToSite: toSite.map { Pair(zone: $0.key / count, site: $0.key % count, minutes: $0.value) },
            siteToZone: toZone.map { Pair(zone: $0.key / count, site: $0.key % count, minutes: $0.value) }
        )
    }
}
