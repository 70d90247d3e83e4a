import MaillageCore

/// One stored travel time, as a matrix file gave it.
public struct MatrixPair: Sendable {
    /// Whether the origin is a zone (else an actor): the two have separate id spaces.
    public var originIsZone: Bool
    /// The origin's id.
    public var originID: String
    /// Whether the destination is a zone (else an actor).
    public var destinationIsZone: Bool
    /// The destination's id.
    public var destinationID: String
    /// The travel time, in minutes.
    public var minutes: Double

    /// A pair as the file gave it.
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
        /// The site's actor id, looked up first among the matrix's actor rows.
        public var actorID: String
        /// The zone the site sits in, whose rows stand in for the site's when it has none.
        public var zoneID: String?

        /// A site known by its actor id and, when known, its zone.
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
        fromMatrix(
            zoneIDs: zoneIDs, sites: sites, rows: MatrixRows(pairs: pairs), directed: directed,
            intrazoneMinutes: intrazoneMinutes)
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
        if !directed, !places.anyZone(among: rows.destinations) {
            return symmetricFromZoneRows(
                zoneCount: zoneIDs.count, siteCount: sites.count, rows: rows, places: places,
                intrazoneMinutes: intrazoneMinutes)
        }
        var forward = DirectedEntries()
        var backward = DirectedEntries()
        rows.origins.withUnsafeBufferPointer { origins in
            rows.destinations.withUnsafeBufferPointer { destinations in
                for (row, originValue) in origins.enumerated() {
                    let origin = Int(originValue)
                    let originZone = places.endpointZone[origin]
                    for slot in rows.offsets[row]..<rows.offsets[row + 1] {
                        let destination = Int(destinations[slot])
                        let destinationZone = places.endpointZone[destination]
                        let minutes = rows.minutes[slot]
                        if originZone >= 0 {
                            places.forEachSite(at: destination) {
                                forward.add(zone: originZone, site: $0, minutes, derived: false)
                            }
                        }
                        if destinationZone >= 0 {
                            places.forEachSite(at: origin) {
                                backward.add(zone: destinationZone, site: $0, minutes, derived: false)
                            }
                        }
                        guard !directed else { continue }
                        if destinationZone >= 0 {
                            places.forEachSite(at: origin) {
                                forward.add(zone: destinationZone, site: $0, minutes, derived: true)
                            }
                        }
                        if originZone >= 0 {
                            places.forEachSite(at: destination) {
                                backward.add(zone: originZone, site: $0, minutes, derived: true)
                            }
                        }
                    }
                }
            }
        }
        let zoneRows = forward.rows(
            zoneCount: zoneIDs.count, siteCount: sites.count, places: places, intrazoneMinutes: intrazoneMinutes)
        let siteRows = backward.rows(
            zoneCount: zoneIDs.count, siteCount: sites.count, places: places, intrazoneMinutes: intrazoneMinutes)
        if zoneRows.offsets == siteRows.offsets && zoneRows.columns == siteRows.columns
            && zoneRows.minutes == siteRows.minutes
        {
            return CatchmentGraph(
                zoneCount: zoneIDs.count, siteCount: sites.count, offsets: zoneRows.offsets,
                sites: zoneRows.columns, minutes: zoneRows.minutes)
        }
        return CatchmentGraph(
            zoneCount: zoneIDs.count, siteCount: sites.count,
            zoneToSite: zoneRows.pairs, siteToZone: siteRows.pairs)
    }
}

extension CatchmentGraph {
    /// The common case of an undirected matrix whose pairs lead from zones to sites (no pair
    /// ends at a zone of the territory): each zone's row is its own stored row, and the
    /// reverse of every pair is that same time, so both directions are one copy. The same
    /// graph as the general builder's, without gathering and sorting every entry twice.
    fileprivate static func symmetricFromZoneRows(
        zoneCount: Int, siteCount: Int, rows: MatrixRows, places: MatrixPlaces, intrazoneMinutes: Double
    ) -> CatchmentGraph {
        if let graph = sharingZoneRows(zoneCount: zoneCount, siteCount: siteCount, rows: rows, places: places) {
            return graph
        }
        // Each zone's rows, in order (a stored matrix has one per origin; a list of pairs may have several).
        var firstRow = [Int](repeating: -1, count: zoneCount)
        var lastRow = firstRow
        var nextRow = [Int](repeating: -1, count: rows.origins.count)
        for (row, origin) in rows.origins.enumerated() {
            let zone = places.endpointZone[Int(origin)]
            guard zone >= 0 else { continue }
            if lastRow[zone] >= 0 { nextRow[lastRow[zone]] = row } else { firstRow[zone] = row }
            lastRow[zone] = row
        }
        // Zones in runs built on all cores: each zone's row is its own (perf: a tenth of
        // an `access` command on 773,000 pairs was this loop).
        let (chains, next) = (firstRow, nextRow)
        return joiningChunks(zoneChunks(count: zoneCount, size: 512), zoneCount: zoneCount, siteCount: siteCount) {
            zoneRows(
                $0, firstRow: chains, nextRow: next, rows: rows, places: places, intrazoneMinutes: intrazoneMinutes)
        }
    }

    /// The graph whose rows are the matrix's own, times shared rather than copied, when each
    /// stored row already is its zone's graph row: one row a zone, in zone order, each
    /// destination standing for exactly one site, sites ascending, and no site taking a zone's
    /// own times (what `import matrix` stores for a zone → actor matrix); nil otherwise.
    ///
    /// Copying the times and sorting each row cost a fifth of an `access` command on 773,000
    /// pairs (perf); the general builder gives the same graph.
    private static func sharingZoneRows(
        zoneCount: Int, siteCount: Int, rows: MatrixRows, places: MatrixPlaces
    ) -> CatchmentGraph? {
        guard places.zoneSites.allSatisfy(\.isEmpty),
            let offsets = zoneOffsets(zoneCount: zoneCount, rows: rows, places: places)
        else { return nil }
        var matches = true
        // Written through a raw buffer: appending, bounds-checked, was half of this pass (perf).
        let sites = [Int32](unsafeUninitializedCapacity: rows.destinations.count) { sites, written in
            FreshPages.populate(UnsafeMutableRawBufferPointer(sites))
            rows.destinations.withUnsafeBufferPointer { destinations in
                places.siteOffsets.withUnsafeBufferPointer { siteOffsets in
                    places.siteList.withUnsafeBufferPointer { siteList in
                        for row in rows.origins.indices where matches {
                            var previous: Int32 = -1
                            for slot in rows.offsets[row]..<rows.offsets[row + 1] {
                                let endpoint = Int(destinations[slot])
                                let first = siteOffsets[endpoint]
                                guard siteOffsets[endpoint + 1] == first + 1, siteList[first] > previous else {
                                    matches = false
                                    break
                                }
                                previous = siteList[first]
                                sites.initializeElement(at: slot, to: previous)
                                written = slot + 1
                            }
                        }
                    }
                }
            }
        }
        guard matches, sites.count == rows.minutes.count else { return nil }
        return CatchmentGraph(
            zoneCount: zoneCount, siteCount: siteCount, offsets: offsets, sites: sites, minutes: rows.minutes)
    }

    /// Each zone's start in the stored rows when there is one row a zone, in zone order, the
    /// rows back to back from the first; nil otherwise.
    private static func zoneOffsets(zoneCount: Int, rows: MatrixRows, places: MatrixPlaces) -> [Int]? {
        var offsets = [0]
        offsets.reserveCapacity(zoneCount + 1)
        var (end, lastZone) = (0, -1)
        for (row, origin) in rows.origins.enumerated() {
            let zone = places.endpointZone[Int(origin)]
            guard zone > lastZone, rows.offsets[row] == end else { return nil }
            while offsets.count <= zone { offsets.append(end) }
            end = rows.offsets[row + 1]
            offsets.append(end)
            lastZone = zone
        }
        while offsets.count <= zoneCount { offsets.append(end) }
        return offsets
    }

    /// The rows of `zones`: each zone's stored rows merged by site with the sites that take
    /// its own times (intra-zone).
    private static func zoneRows(
        _ zones: Range<Int>, firstRow: [Int], nextRow: [Int], rows: MatrixRows, places: MatrixPlaces,
        intrazoneMinutes: Double
    ) -> ZoneRowsChunk {
        var chunk = ZoneRowsChunk()
        // site << 32 | slot of the pair: sorting the keys sorts the row by site.
        var keys: [UInt64] = []
        rows.destinations.withUnsafeBufferPointer { destinations in
            rows.minutes.withUnsafeBufferPointer { times in
                for zone in zones {
                    let before = chunk.sites.count
                    keys.removeAll(keepingCapacity: true)
                    var row = firstRow[zone]
                    while row >= 0 {
                        for slot in rows.offsets[row]..<rows.offsets[row + 1] {
                            places.forEachSite(at: Int(destinations[slot])) {
                                keys.append(UInt64(UInt32(bitPattern: $0)) << 32 | UInt64(slot))
                            }
                        }
                        row = nextRow[row]
                    }
                    if !zip(keys, keys.dropFirst()).allSatisfy({ $0 < $1 }) { keys.sort() }
                    var own = places.zoneSites[zone][...]
                    for (index, key) in keys.enumerated() {
                        let site = Int32(truncatingIfNeeded: key >> 32)
                        // A pair given twice: the last one counts (its slot sorts last).
                        if index + 1 < keys.count, Int32(truncatingIfNeeded: keys[index + 1] >> 32) == site { continue }
                        while let first = own.first, first <= site {
                            own.removeFirst()
                            if first < site {
                                chunk.sites.append(first)
                                chunk.minutes.append(intrazoneMinutes)
                            }
                        }
                        chunk.sites.append(site)
                        chunk.minutes.append(times[Int(key & 0xFFFF_FFFF)])
                    }
                    for site in own {
                        chunk.sites.append(site)
                        chunk.minutes.append(intrazoneMinutes)
                    }
                    chunk.rowLengths.append(chunk.sites.count - before)
                }
            }
        }
        return chunk
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
        // Sized up front: growing them rehashes every id already in (perf).
        var zoneIndex = [String: Int](minimumCapacity: zoneIDs.count)
        for (index, id) in zoneIDs.enumerated() where zoneIndex[id] == nil { zoneIndex[id] = index }
        var actorEndpoint = [String: Int](minimumCapacity: rows.endpointIDs.count)
        var zoneEndpoint = [String: Int](minimumCapacity: rows.endpointIDs.count)
        for (endpoint, id) in rows.endpointIDs.enumerated() {
            if rows.endpointIsZone[endpoint] { zoneEndpoint[id] = endpoint } else { actorEndpoint[id] = endpoint }
        }
        endpointZone = rows.endpointIDs.indices.map {
            rows.endpointIsZone[$0] ? zoneIndex[rows.endpointIDs[$0]] ?? -1 : -1
        }
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

    /// Whether any of `endpoints` is a territory zone.
    func anyZone(among endpoints: [UInt32]) -> Bool {
        endpointZone.withUnsafeBufferPointer { zones in
            endpoints.withUnsafeBufferPointer { endpoints in endpoints.contains { zones[Int($0)] >= 0 } }
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
    var sites: [Int32] = []
    var derived: [Bool] = []
    var minutes: [Double] = []

    @inline(__always)
    mutating func add(zone: Int, site: Int32, _ value: Double, derived isDerived: Bool) {
        zones.append(Int32(zone))
        sites.append(site)
        derived.append(isDerived)
        minutes.append(value)
    }

    /// Each zone's row, sorted by site: for each site the last explicit time, else the last
    /// derived one, else (for a site in the zone itself) the intra-zone time.
    ///
    /// Entries are put in (zone, site) order by two stable counting sorts (by site, then by
    /// zone), which keeps the order they were found in within a (zone, site): linear in the
    /// entries, where sorting each zone's row took a quarter of an `access` command (perf).
    func rows(zoneCount: Int, siteCount: Int, places: MatrixPlaces, intrazoneMinutes: Double) -> CatchmentGraph.Rows {
        let count = zones.count
        let bySite = Self.countingOrder(count: count, buckets: siteCount, key: sites, within: nil)
        let order = Self.countingOrder(count: count, buckets: zoneCount, key: zones, within: bySite)
        var offsets = [Int]()
        var columns = [Int32]()
        var times = [Double]()
        offsets.reserveCapacity(zoneCount + 1)
        columns.reserveCapacity(count)
        times.reserveCapacity(count)
        offsets.append(0)
        var slot = 0
        for zone in 0..<zoneCount {
            var own = places.zoneSites[zone][...]
            while (slot < count && Int(zones[Int(order[slot])]) == zone) || !own.isEmpty {
                let site = slot < count && Int(zones[Int(order[slot])]) == zone ? sites[Int(order[slot])] : Int32.max
                if let first = own.first, first <= site {
                    own.removeFirst()
                    if first < site {
                        columns.append(first)
                        times.append(intrazoneMinutes)
                        continue
                    }
                }
                // The run of this (zone, site): the last explicit time, else the last derived one.
                var explicitTime: Double?
                var derivedTime = 0.0
                while slot < count, Int(zones[Int(order[slot])]) == zone, sites[Int(order[slot])] == site {
                    let entry = Int(order[slot])
                    if derived[entry] { derivedTime = minutes[entry] } else { explicitTime = minutes[entry] }
                    slot += 1
                }
                columns.append(site)
                times.append(explicitTime ?? derivedTime)
            }
            offsets.append(columns.count)
        }
        return CatchmentGraph.Rows(offsets: offsets, columns: columns, minutes: times)
    }

    /// The entries' indices in the order of `key` (one of `buckets` values), ties in the
    /// order of `within` (the entries' own order when nil): a stable counting sort.
    private static func countingOrder(count: Int, buckets: Int, key: [Int32], within: [Int32]?) -> [Int32] {
        var starts = [Int](repeating: 0, count: buckets + 1)
        for value in key { starts[Int(value) + 1] += 1 }
        for bucket in 0..<buckets { starts[bucket + 1] += starts[bucket] }
        return [Int32](unsafeUninitializedCapacity: count) { order, initialized in
            key.withUnsafeBufferPointer { key in
                if let within {
                    for entry in within {
                        let bucket = Int(key[Int(entry)])
                        order[starts[bucket]] = entry
                        starts[bucket] += 1
                    }
                } else {
                    for entry in 0..<count {
                        let bucket = Int(key[entry])
                        order[starts[bucket]] = Int32(entry)
                        starts[bucket] += 1
                    }
                }
            }
            initialized = count
        }
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
