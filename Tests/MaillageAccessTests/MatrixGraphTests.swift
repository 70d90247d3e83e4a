import MaillageCore
import Testing

@testable import MaillageAccess

/// The graph built from matrix rows (integer positions, one sort per zone row) against the
/// dictionary-based builder it replaced, kept here verbatim as the oracle, on random matrices
/// mixing zone and actor endpoints, ids outside the territory, given reverses, both readings
/// and an intra-zone time; and by hand on a small case.
@Suite struct MatrixGraphTests {
    /// The builder before the packed storage (commit 679bded), unchanged: dictionaries keyed by
    /// (zone, site), explicit rows winning over derived reverses, then the intra-zone fill.
    static func previousGraph(
        zoneIDs: [String], sites: [CatchmentGraph.SiteEndpoint], pairs: [MatrixPair], directed: Bool,
        intrazoneMinutes: Double
    ) -> CatchmentGraph {
        let zoneIndex = Dictionary(zoneIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let namedActors = Set(
            pairs.flatMap { [$0.originIsZone ? nil : $0.originID, $0.destinationIsZone ? nil : $0.destinationID] }
                .compactMap { $0 })
        var sitesByActor: [String: [Int]] = [:]
        var sitesByZone: [String: [Int]] = [:]
        for (index, site) in sites.enumerated() {
            if namedActors.contains(site.actorID) {
                sitesByActor[site.actorID, default: []].append(index)
            } else if let zone = site.zoneID {
                sitesByZone[zone, default: []].append(index)
            }
        }
        func sitesAt(isZone: Bool, id: String) -> [Int] { isZone ? sitesByZone[id] ?? [] : sitesByActor[id] ?? [] }
        var toSite: [Int: Double] = [:]
        var toZone: [Int: Double] = [:]
        var explicitToSite = Set<Int>()
        var explicitToZone = Set<Int>()
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
            for (explicit, originIsZone, originID, destinationIsZone, destinationID) in [
                (true, pair.originIsZone, pair.originID, pair.destinationIsZone, pair.destinationID)
            ]
                + (directed
                    ? [] : [(false, pair.destinationIsZone, pair.destinationID, pair.originIsZone, pair.originID)])
            {
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
            zoneToSite: toSite.map {
                CatchmentGraph.Pair(zone: $0.key / count, site: $0.key % count, minutes: $0.value)
            },
            siteToZone: toZone.map {
                CatchmentGraph.Pair(zone: $0.key / count, site: $0.key % count, minutes: $0.value)
            }
        )
    }

    /// Zone rows as (site, minutes), and site rows (site → zone) the same way, whatever the storage.
    static func rows(_ graph: CatchmentGraph) -> (zones: [[String]], sites: [[String]]) {
        let zones = (0..<graph.zoneCount).map { zone in
            (graph.zoneOffsets[zone]..<graph.zoneOffsets[zone + 1]).map {
                "\(graph.zoneSites[$0])=\(graph.zoneMinutes[$0])"
            }
        }
        var sites = [[String]](repeating: [], count: graph.siteCount)
        if let reverse = graph.reverse {
            for site in 0..<graph.siteCount {
                sites[site] = (reverse.offsets[site]..<reverse.offsets[site + 1]).map {
                    "\(reverse.columns[$0])=\(reverse.minutes[$0])"
                }
            }
        } else {
            for zone in 0..<graph.zoneCount {
                for slot in graph.zoneOffsets[zone]..<graph.zoneOffsets[zone + 1] {
                    sites[Int(graph.zoneSites[slot])].append("\(zone)=\(graph.zoneMinutes[slot])")
                }
            }
        }
        return (zones, sites)
    }

    @Test(arguments: 0..<40)
    func rowsGiveThePreviousBuildersGraph(seed: UInt64) {
        var random = SplitMix(seed: seed)
        let zoneIDs = (0..<(2 + Int(random.next() % 8))).map { "Z\($0)" }
        let sites = (0..<(1 + Int(random.next() % 8))).map { index in
            CatchmentGraph.SiteEndpoint(
                actorID: "A\(index)", zoneID: random.next() % 5 == 0 ? nil : "Z\(random.next() % 12)")
        }
        // Ids beyond the territory (Z10, Z11, A8, A9) and actors that are not sites.
        func endpoint() -> (Bool, String) {
            random.next() % 2 == 0 ? (true, "Z\(random.next() % 12)") : (false, "A\(random.next() % 10)")
        }
        var seen = Set<String>()
        var pairs: [MatrixPair] = []
        for _ in 0..<Int(random.next() % 60) {
            let (originIsZone, origin) = endpoint()
            let (destinationIsZone, destination) = endpoint()
            // stored pairs are unique
            guard seen.insert("\(originIsZone)\(origin)>\(destinationIsZone)\(destination)").inserted else { continue }
            pairs.append(
                MatrixPair(
                    originIsZone: originIsZone, originID: origin, destinationIsZone: destinationIsZone,
                    destinationID: destination, minutes: Double(random.next() % 90) / 4))
        }
        for directed in [false, true] {
            for intrazone in [0.0, 2.5] {
                let previous = Self.previousGraph(
                    zoneIDs: zoneIDs, sites: sites, pairs: pairs, directed: directed, intrazoneMinutes: intrazone)
                let built = CatchmentGraph.fromMatrix(
                    zoneIDs: zoneIDs, sites: sites, rows: MatrixRows(pairs: pairs),
                    directed: directed, intrazoneMinutes: intrazone)
                let (old, new) = (Self.rows(previous), Self.rows(built))
                #expect(new.zones == old.zones, "seed \(seed), directed \(directed)")
                #expect(new.sites == old.sites, "seed \(seed), directed \(directed)")
            }
        }
    }

    /// A zone → actor matrix as `import matrix` stores it (one row a zone, in zone order, sites
    /// ascending) takes the builder's fast path, whose graph shares the matrix's minutes: the
    /// same graph as the oracle's, and as the general builder's on the same pairs given in
    /// another order.
    @Test(arguments: 0..<20)
    func aZoneToActorMatrixSharesItsTimesAndGivesTheOraclesGraph(seed: UInt64) {
        var random = SplitMix(seed: seed)
        let zoneIDs = (0..<(2 + Int(random.next() % 10))).map { "Z\($0)" }
        let sites = (0..<(1 + Int(random.next() % 9))).map {
            CatchmentGraph.SiteEndpoint(actorID: "A\($0)", zoneID: "Z\(random.next() % 12)")
        }
        // Each zone's row: (site, minutes), sites ascending; some zones have none.
        var zoneRows: [[(site: Int, minutes: Double)]] = zoneIDs.map { _ in
            random.next() % 4 == 0
                ? [] : sites.indices.filter { _ in random.next() % 2 == 0 }.map { ($0, Double(random.next() % 90) / 4) }
        }
        // Every site has a row of its own, so none takes a zone's times.
        for site in sites.indices where !zoneRows.contains(where: { $0.contains { $0.site == site } }) {
            zoneRows[0].append((site, 7))
            zoneRows[0].sort { $0.site < $1.site }
        }
        let pairs = zoneRows.indices.flatMap { zone in
            zoneRows[zone].map {
                MatrixPair(
                    originIsZone: true, originID: zoneIDs[zone], destinationIsZone: false,
                    destinationID: "A\($0.site)", minutes: $0.minutes)
            }
        }
        // Stored as `import matrix` writes it: zones then actors as endpoints, one row a zone.
        let stored = zoneRows.indices.filter { !zoneRows[$0].isEmpty }
        var offsets = [0]
        for zone in stored { offsets.append(offsets[offsets.count - 1] + zoneRows[zone].count) }
        let rows = MatrixRows(
            endpointIsZone: zoneIDs.map { _ in true } + sites.map { _ in false },
            endpointIDs: zoneIDs + sites.map(\.actorID), origins: stored.map { UInt32($0) }, offsets: offsets,
            destinations: stored.flatMap { zoneRows[$0].map { UInt32(zoneIDs.count + $0.site) } },
            minutes: stored.flatMap { zoneRows[$0].map(\.minutes) })
        let built = CatchmentGraph.fromMatrix(
            zoneIDs: zoneIDs, sites: sites, rows: rows, directed: false, intrazoneMinutes: 2.5)
        let shared = built.zoneMinutes.withUnsafeBufferPointer { graph in
            rows.minutes.withUnsafeBufferPointer { matrix in graph.baseAddress == matrix.baseAddress }
        }
        #expect(shared, "seed \(seed): the fast path was not taken")
        let oracle = Self.previousGraph(
            zoneIDs: zoneIDs, sites: sites, pairs: pairs, directed: false, intrazoneMinutes: 2.5)
        let general = CatchmentGraph.fromMatrix(
            zoneIDs: zoneIDs, sites: sites, rows: MatrixRows(pairs: pairs.reversed()), directed: false,
            intrazoneMinutes: 2.5)
        #expect(Self.rows(built).zones == Self.rows(oracle).zones, "seed \(seed)")
        #expect(Self.rows(built).sites == Self.rows(oracle).sites, "seed \(seed)")
        #expect(Self.rows(built).zones == Self.rows(general).zones, "seed \(seed)")
    }

    @Test func smallCaseByHand() {
        // Zones Z0, Z1; site 0 is actor A0 (named in the matrix), site 1 sits in Z1 (not named).
        // Pairs: Z0 → A0 10, A0 → Z0 12 (given reverse), Z0 → Z1 20. Undirected, intra-zone 3.
        let pairs = [
            MatrixPair(originIsZone: true, originID: "Z0", destinationIsZone: false, destinationID: "A0", minutes: 10),
            MatrixPair(originIsZone: false, originID: "A0", destinationIsZone: true, destinationID: "Z0", minutes: 12),
            MatrixPair(originIsZone: true, originID: "Z0", destinationIsZone: true, destinationID: "Z1", minutes: 20),
        ]
        let graph = CatchmentGraph.fromMatrix(
            zoneIDs: ["Z0", "Z1"], sites: [.init(actorID: "A0", zoneID: "Z0"), .init(actorID: "A1", zoneID: "Z1")],
            rows: MatrixRows(pairs: pairs), directed: false, intrazoneMinutes: 3)
        let rows = Self.rows(graph)
        // Z0 → A0 10 (given), Z0 → site 1 via Z1: 20. Z1 → site 1: intra-zone 3; Z1 → A0: nothing.
        #expect(rows.zones == [["0=10.0", "1=20.0"], ["1=3.0"]])
        // A0 → Z0 12 (given); site 1 → Z0 20 (reverse of Z0 → Z1), site 1 → Z1 3.
        #expect(rows.sites == [["0=12.0"], ["0=20.0", "1=3.0"]])
        #expect(!graph.isSymmetric)
    }
}

/// A small deterministic generator for the random cases.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
