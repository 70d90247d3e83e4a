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

    /// Builds the graph from an imported matrix's pairs, by `indicators.md`'s reading rules
    /// (see ``fromMatrix(zoneIDs:sites:rows:directed:intrazoneMinutes:)``).
    public static func fromMatrix(
        zoneIDs: [String], sites: [SiteEndpoint], pairs: [MatrixPair], directed: Bool, intrazoneMinutes: Double
    ) -> CatchmentGraph {
        fromMatrix(zoneIDs: zoneIDs, sites: sites, rows: MatrixRows(pairs: pairs), directed: directed, intrazoneMinutes: intrazoneMinutes)
    }

    /// Builds the graph from an imported matrix, by `indicators.md`'s reading rules.
    ///
    /// A site the matrix names as an actor uses its own rows; any other site takes the times
    /// of the zone it sits in (a zone-to-zone matrix). Undirected: a row `a → b` also gives
    /// `b → a` unless the matrix gives `b → a` itself. A zone's own pair, when absent, is the
    /// intra-zone time. Pairs absent are unreachable. Of a pair given twice, the last counts.
    ///
    /// Works on integer positions throughout (endpoint → zone, endpoint → sites), so that a
    /// matrix of millions of pairs builds in one pass and a sort of each zone's row; when both
    /// directions come out the same the graph keeps one copy (``isSymmetric``).
    public static func fromMatrix(
        zoneIDs: [String], sites: [SiteEndpoint], rows: MatrixRows, directed: Bool, intrazoneMinutes: Double
    ) -> CatchmentGraph {
        let places = MatrixPlaces(zoneIDs: zoneIDs, sites: sites, rows: rows)
        var forward = DirectedEntries(), backward = DirectedEntries()
        rows.origins.withUnsafeBufferPointer { origins in
            rows.destinations.withUnsafeBufferPointer { destinations in
                for (row, originValue) in origins.enumerated() {
                    let origin = Int(originValue), originZone = places.endpointZone[origin]
                    for slot in rows.offsets[row]..<rows.offsets[row + 1] {
                        let destination = Int(destinations[slot]), destinationZone = places.endpointZone[destination]
                        let minutes = rows.minutes[slot], position = UInt32(truncatingIfNeeded: slot)
                        if originZone >= 0 { places.forEachSite(at: destination) { forward.add(zone: originZone, site: $0, minutes, derived: false, position) } }
                        if destinationZone >= 0 { places.forEachSite(at: origin) { backward.add(zone: destinationZone, site: $0, minutes, derived: false, position) } }
                        guard !directed else { continue }
                        if destinationZone >= 0 { places.forEachSite(at: origin) { forward.add(zone: destinationZone, site: $0, minutes, derived: true, position) } }
                        if originZone >= 0 { places.forEachSite(at: destination) { backward.add(zone: originZone, site: $0, minutes, derived: true, position) } }
                    }
                }
            }
        }
        let zoneRows = forward.rows(zoneCount: zoneIDs.count, places: places, intrazoneMinutes: intrazoneMinutes)
        let siteRows = backward.rows(zoneCount: zoneIDs.count, places: places, intrazoneMinutes: intrazoneMinutes)
        if zoneRows.offsets == siteRows.offsets && zoneRows.columns == siteRows.columns && zoneRows.minutes == siteRows.minutes {
            return CatchmentGraph(zoneCount: zoneIDs.count, siteCount: sites.count, offsets: zoneRows.offsets,
                                  sites: zoneRows.columns, minutes: zoneRows.minutes)
        }
        return CatchmentGraph(zoneCount: zoneIDs.count, siteCount: sites.count,
                              zoneToSite: zoneRows.pairs, siteToZone: siteRows.pairs)
    }
}

/// Where each matrix endpoint lands: the territory zone it is (or −1), and the sites it stands for.
private struct MatrixPlaces {
    /// Per endpoint, the zone's position in the territory, −1 for an actor or an unknown zone.
    var endpointZone: [Int]
    /// Sites each endpoint stands for, as compressed rows over endpoints.
    var siteOffsets: [Int]
    var siteList: [Int32]
    /// Per territory zone, the sites that take its times (no row of their own), ascending.
    var zoneSites: [[Int32]]

    init(zoneIDs: [String], sites: [CatchmentGraph.SiteEndpoint], rows: MatrixRows) {
        let zoneIndex = Dictionary(zoneIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var actorEndpoint: [String: Int] = [:], zoneEndpoint: [String: Int] = [:]
        for (endpoint, id) in rows.endpointIDs.enumerated() {
            if rows.endpointIsZone[endpoint] { zoneEndpoint[id] = endpoint } else { actorEndpoint[id] = endpoint }
        }
        endpointZone = rows.endpointIDs.indices.map { rows.endpointIsZone[$0] ? zoneIndex[rows.endpointIDs[$0]] ?? -1 : -1 }
        var byEndpoint = [[Int32]](repeating: [], count: rows.endpointIDs.count)
        zoneSites = [[Int32]](repeating: [], count: zoneIDs.count)
        for (index, site) in sites.enumerated() {
            if let endpoint = actorEndpoint[site.actorID] {
                byEndpoint[endpoint].append(Int32(index))
            } else if let zone = site.zoneID {
                if let endpoint = zoneEndpoint[zone] { byEndpoint[endpoint].append(Int32(index)) }
                if let position = zoneIndex[zone] { zoneSites[position].append(Int32(index)) }
            }
        }
        siteOffsets = [0]
        siteList = []
        for list in byEndpoint {
            siteList.append(contentsOf: list)
            siteOffsets.append(siteList.count)
        }
    }

    @inline(__always)
    func forEachSite(at endpoint: Int, _ body: (Int32) -> Void) {
        for slot in siteOffsets[endpoint]..<siteOffsets[endpoint + 1] { body(siteList[slot]) }
    }
}

/// Zone–site times of one direction as they are found, explicit or derived (the reverse of an
/// undirected pair), before each zone's row is settled.
private struct DirectedEntries {
    var zones: [Int32] = []
    /// site << 33 | derived << 32 | position of the pair in the matrix: sorting by it puts a
    /// row's sites in order, explicit times before derived ones, the matrix's order last.
    var keys: [UInt64] = []
    var minutes: [Double] = []

    @inline(__always)
    mutating func add(zone: Int, site: Int32, _ value: Double, derived: Bool, _ position: UInt32) {
        zones.append(Int32(zone))
        keys.append(UInt64(UInt32(site)) << 33 | (derived ? 1 << 32 : 0) | UInt64(position))
        minutes.append(value)
    }

    /// Each zone's row, sorted by site: for each site the last explicit time, else the last
    /// derived one, else (for a site in the zone itself) the intra-zone time.
    func rows(zoneCount: Int, places: MatrixPlaces, intrazoneMinutes: Double) -> CatchmentGraph.Rows {
        var starts = [Int](repeating: 0, count: zoneCount + 1)
        for zone in zones { starts[Int(zone) + 1] += 1 }
        for zone in 0..<zoneCount { starts[zone + 1] += starts[zone] }
        var sortedKeys = [UInt64](repeating: 0, count: keys.count), sortedMinutes = [Double](repeating: 0, count: keys.count)
        var next = starts
        for (entry, zone) in zones.enumerated() {
            let slot = next[Int(zone)]
            sortedKeys[slot] = keys[entry]
            sortedMinutes[slot] = minutes[entry]
            next[Int(zone)] = slot + 1
        }
        var offsets = [0], columns: [Int32] = [], times: [Double] = []
        offsets.reserveCapacity(zoneCount + 1)
        columns.reserveCapacity(keys.count)
        times.reserveCapacity(keys.count)
        var row: [(key: UInt64, minutes: Double)] = []
        for zone in 0..<zoneCount {
            row.removeAll(keepingCapacity: true)
            for slot in starts[zone]..<starts[zone + 1] { row.append((sortedKeys[slot], sortedMinutes[slot])) }
            if !zip(row, row.dropFirst()).allSatisfy({ $0.key < $1.key }) { row.sort { $0.key < $1.key } }
            var own = places.zoneSites[zone][...]
            var index = 0
            while index < row.count || !own.isEmpty {
                let site = index < row.count ? Int32(truncatingIfNeeded: row[index].key >> 33) : Int32.max
                if let first = own.first, first <= site {
                    own.removeFirst()
                    if first < site {
                        columns.append(first)
                        times.append(intrazoneMinutes)
                        continue
                    }
                }
                // The run of this site's entries: explicit ones first, the last of the first kind wins.
                let derived = row[index].key & (1 << 32)
                var chosen = index
                index += 1
                while index < row.count, Int32(truncatingIfNeeded: row[index].key >> 33) == site {
                    if row[index].key & (1 << 32) == derived { chosen = index }
                    index += 1
                }
                columns.append(site)
                times.append(row[chosen].minutes)
            }
            offsets.append(columns.count)
        }
        return CatchmentGraph.Rows(offsets: offsets, columns: columns, minutes: times)
    }
}

extension CatchmentGraph.Rows {
    /// The rows as zone–site pairs (rows are zones).
    var pairs: [CatchmentGraph.Pair] {
        var pairs: [CatchmentGraph.Pair] = []
        pairs.reserveCapacity(columns.count)
        for zone in 0..<(offsets.count - 1) {
            for slot in offsets[zone]..<offsets[zone + 1] {
                pairs.append(CatchmentGraph.Pair(zone: zone, site: Int(columns[slot]), minutes: minutes[slot]))
            }
        }
        return pairs
    }
}
