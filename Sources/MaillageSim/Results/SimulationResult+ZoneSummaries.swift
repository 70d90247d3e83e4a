import MaillageCore

extension SimulationResult {
    /// Each zone indicator's mean over replications and, from two replications on, its Student-t
    /// 95 % interval, zone by zone (undefined values left out, as ``StudentT/summary(_:)`` does).
    ///
    /// Two passes over the replications' tallies, which the run holds anyway: sums then squared
    /// deviations from the mean, so that 200,000 zones × 80 indicators need a sum, a count and a
    /// square per value and not every replication's values, with the arithmetic of
    /// ``StudentT/summary(_:)`` (the same bits as a territory indicator's interval).
    static func zoneSummaries(_ replications: [ReplicationResult], zones: Int, yearScale: Double) -> (
        columns: [(name: String, values: [Double])], intervals: [(low: [Double], high: [Double])]
    ) {
        var names: [String] = []
        var means: [[Double]] = []
        var counts: [[Int32]] = []
        // One replication's values are the means (+ 0 turns -0 into 0, as a sum from 0 does):
        // no counts, which were 61 MB at 200,000 zones.
        let single = replications.count == 1
        // Pass 1: sums, turned into means in place.
        forEachZoneValue(replications, zones: zones, yearScale: yearScale) { zone, derived in
            if names.isEmpty {
                names = derived.map(\.0)
                means = names.map { _ in [Double](repeating: single ? .nan : 0, count: zones) }
                counts = single ? [] : names.map { _ in [Int32](repeating: 0, count: zones) }
            }
            for (index, (_, value)) in derived.enumerated() where !value.isNaN {
                if single {
                    means[index][zone] = value + 0
                } else {
                    means[index][zone] += value
                    counts[index][zone] += 1
                }
            }
        }
        if single { return (names.indices.map { (name: names[$0], values: means[$0]) }, []) }
        for index in means.indices {
            for zone in 0..<zones {
                let count = counts[index][zone]
                means[index][zone] = count > 0 ? means[index][zone] / Double(count) : .nan
            }
        }
        let columns = names.indices.map { (name: names[$0], values: means[$0]) }
        guard replications.count >= 2 else { return (columns, []) }
        // Pass 2: squared deviations from the mean, turned into the lower bound in place.
        var lows = names.map { _ in [Double](repeating: 0, count: zones) }
        forEachZoneValue(replications, zones: zones, yearScale: yearScale) { zone, derived in
            for (index, (_, value)) in derived.enumerated() where !value.isNaN {
                let deviation = value - means[index][zone]
                lows[index][zone] += deviation * deviation
            }
        }
        var intervals: [(low: [Double], high: [Double])] = []
        intervals.reserveCapacity(names.count)
        for index in names.indices {
            var highs = [Double](repeating: .nan, count: zones)
            for zone in 0..<zones {
                let half = StudentT.halfWidth(squaredDeviations: lows[index][zone], count: Int(counts[index][zone]))
                let mean = means[index][zone]
                lows[index][zone] = mean - half
                highs[zone] = mean + half
            }
            intervals.append((low: lows[index], high: highs))
            lows[index] = []
        }
        return (columns, intervals)
    }

    /// Calls `body` with each zone's derived indicators, replication by replication in order.
    private static func forEachZoneValue(
        _ replications: [ReplicationResult], zones: Int, yearScale: Double,
        _ body: (Int, [(String, Double)]) -> Void
    ) {
        for result in replications {
            for zone in 0..<zones {
                let slice = Array(result.zoneTally[(zone * Tally.count)..<((zone + 1) * Tally.count)])
                body(zone, IndicatorFormulas.derive(slice, yearScale: yearScale))
            }
        }
    }
}
