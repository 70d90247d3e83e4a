import MaillageCore

extension CatchmentGraph {
    /// A graph whose times are the same in both directions, from matrix entries (origin =
    /// zone, destination = site, value = minutes) read in parts, in their order.
    ///
    /// Entries grouped by zone and sorted by site within a zone, as matrix files are usually
    /// written, are taken as they come, with no sort; other orders are sorted as the
    /// initialisers from pairs sort them. The graph is the same either way. Positions must
    /// lie within `zoneCount` and `siteCount`.
    public init(zoneCount: Int, siteCount: Int, symmetricEntries parts: [[MatrixEntry]]) {
        guard let offsets = Self.rowOffsets(ifSorted: parts, zoneCount: zoneCount, siteCount: siteCount) else {
            let pairs = parts.map { part in
                part.map { Pair(zone: Int($0.origin), site: Int($0.destination), minutes: $0.value) }
            }
            self.init(zoneCount: zoneCount, siteCount: siteCount, symmetric: pairs)
            return
        }
        let count = offsets[zoneCount]
        // Filled in one pass, never zeroed first.
        let sites = [Int32](unsafeUninitializedCapacity: count) { sites, initialized in
            var slot = 0
            for part in parts {
                for entry in part {
                    sites.initializeElement(at: slot, to: entry.destination)
                    slot += 1
                }
            }
            initialized = count
        }
        let minutes = [Double](unsafeUninitializedCapacity: count) { minutes, initialized in
            var slot = 0
            for part in parts {
                for entry in part {
                    minutes.initializeElement(at: slot, to: entry.value)
                    slot += 1
                }
            }
            initialized = count
        }
        self.init(zoneCount: zoneCount, siteCount: siteCount, offsets: offsets, sites: sites, minutes: minutes)
    }

    /// The zone rows' offsets when the entries come in graph order (zone, then site, then
    /// minutes, never decreasing), nil otherwise.
    private static func rowOffsets(ifSorted parts: [[MatrixEntry]], zoneCount: Int, siteCount: Int) -> [Int]? {
        var offsets = [Int](repeating: 0, count: zoneCount + 1)
        var previous = MatrixEntry(origin: -1, destination: -1, value: -.infinity)
        var count = 0
        for part in parts {
            for entry in part {
                precondition(entry.origin >= 0 && Int(entry.origin) < zoneCount && entry.destination >= 0 && Int(entry.destination) < siteCount,
                             "a matrix entry outside the graph")
                if entry.origin != previous.origin {
                    guard entry.origin > previous.origin else { return nil }
                    // Zones from the previous one up to this one start here (the ones between are empty).
                    for zone in Int(previous.origin + 1)...Int(entry.origin) { offsets[zone] = count }
                } else if entry.destination < previous.destination
                    || (entry.destination == previous.destination && entry.value < previous.value) {
                    return nil
                }
                previous = entry
                count += 1
            }
        }
        for zone in Int(previous.origin + 1)...zoneCount { offsets[zone] = count }
        return offsets
    }
}
