extension CatchmentGraph {
    /// The zone rows of pairs that come in graph order (zone, then site, then minutes, never
    /// decreasing), as they are; nil when they do not, for ``compress(_:rows:bySite:)`` to sort.
    ///
    /// A matrix file is usually written grouped by origin and sorted by destination: taking
    /// its rows as they come, with one pass to check the order and count the rows, spares
    /// the counting sort's scattered writes (on a 773,000-pair matrix the sort took 55 M
    /// instructions, the check pass 19 M, by callgrind).
    /// Positions must lie within `zoneCount` and `siteCount`.
    static func rowsInOrder(_ parts: [[Pair]], zoneCount: Int, siteCount: Int) -> Rows? {
        guard let offsets = rowOffsets(ifSorted: parts, zoneCount: zoneCount, siteCount: siteCount) else { return nil }
        let count = offsets[zoneCount]
        return Rows(
            offsets: offsets, columns: column(parts, count: count, \.destination),
            minutes: column(parts, count: count, \.value))
    }

    /// One field of every pair, in order, filled in one pass and never zeroed first.
    private static func column<Value>(_ parts: [[Pair]], count: Int, _ field: KeyPath<Pair, Value>) -> [Value] {
        [Value](unsafeUninitializedCapacity: count) { values, initialized in
            var slot = 0
            for part in parts {
                for pair in part {
                    values.initializeElement(at: slot, to: pair[keyPath: field])
                    slot += 1
                }
            }
            initialized = count
        }
    }

    /// The zone rows' offsets when the pairs come in graph order, nil otherwise.
    private static func rowOffsets(ifSorted parts: [[Pair]], zoneCount: Int, siteCount: Int) -> [Int]? {
        var offsets = [Int](repeating: 0, count: zoneCount + 1)
        var previous = Pair(origin: -1, destination: -1, value: -.infinity)
        var count = 0
        for part in parts {
            for pair in part {
                precondition(
                    pair.origin >= 0 && Int(pair.origin) < zoneCount && pair.destination >= 0
                        && Int(pair.destination) < siteCount,
                    "a pair outside the graph")
                if pair.origin != previous.origin {
                    guard pair.origin > previous.origin else { return nil }
                    // Zones from the previous one up to this one start here (the ones between are empty).
                    for zone in Int(previous.origin + 1)...Int(pair.origin) { offsets[zone] = count }
                } else if pair.destination < previous.destination
                    || (pair.destination == previous.destination && pair.value < previous.value)
                {
                    return nil
                }
                previous = pair
                count += 1
            }
        }
        for zone in Int(previous.origin + 1)...zoneCount { offsets[zone] = count }
        return offsets
    }
}
