import MaillageCore

extension SimulationResult {
    /// Each zone indicator's mean over replications and, from two replications on, its Student-t
    /// 95 % interval's half-width, zone by zone (undefined values left out, as
    /// ``StudentT/summary(_:)`` does).
    ///
    /// Two passes over the replications' tallies, which the run holds anyway: sums then squared
    /// deviations from the mean, so that 200,000 zones × 76 indicators need a sum, a count and a
    /// square per value and not every replication's values, with the arithmetic of
    /// ``StudentT/summary(_:)`` (the same bits as a territory indicator's interval).
    ///
    /// The second pass hands each replication's tallies back once it has read them: with two
    /// replications of a 200,000-cell grid, the tallies (68 MB each) were held beside every mean,
    /// count and bound.
    static func zoneSummaries(_ replications: consuming [ReplicationResult], zones: Int, yearScale: Double) -> (
        columns: [(name: String, values: [Double])], halfWidths: [[Double]]
    ) {
        if replications.count == 1 {
            let tally = replications[0].zoneTally
            replications[0].zoneTally = ZoneTallies(zones: 0)
            return (singleReplicationColumns(tally, zones: zones, yearScale: yearScale), [])
        }
        var names: [String] = []
        var means: [[Double]] = []
        // Replications number at most 10,000 (``SimulationRequest``): 16 bits count them.
        var counts: [[UInt16]] = []
        // Pass 1: sums, turned into means in place.
        for position in replications.indices {
            forEachZoneValue(replications[position], zones: zones, yearScale: yearScale) { zone, derived in
                if names.isEmpty {
                    names = derived.map(\.0)
                    means = names.map { _ in [Double](repeating: 0, count: zones) }
                    counts = names.map { _ in [UInt16](repeating: 0, count: zones) }
                }
                for (index, (_, value)) in derived.enumerated() where !value.isNaN {
                    means[index][zone] += value
                    counts[index][zone] += 1
                }
            }
        }
        for index in means.indices {
            for zone in 0..<zones {
                let count = counts[index][zone]
                means[index][zone] = count > 0 ? means[index][zone] / Double(count) : .nan
            }
        }
        let columns = names.indices.map { (name: names[$0], values: means[$0]) }
        // Pass 2: squared deviations from the mean, turned into the half-width in place.
        var halfWidths = names.map { _ in [Double](repeating: 0, count: zones) }
        for position in replications.indices {
            forEachZoneValue(replications[position], zones: zones, yearScale: yearScale) { zone, derived in
                for (index, (_, value)) in derived.enumerated() where !value.isNaN {
                    let deviation = value - means[index][zone]
                    halfWidths[index][zone] += deviation * deviation
                }
            }
            replications[position].zoneTally = ZoneTallies(zones: 0)
        }
        for index in names.indices {
            for zone in 0..<zones {
                halfWidths[index][zone] = StudentT.halfWidth(
                    squaredDeviations: halfWidths[index][zone], count: Int(counts[index][zone]))
            }
        }
        return (columns, halfWidths)
    }

    /// One replication's zone values, which are their own means (+ 0 turns -0 into 0, as a sum
    /// from 0 does), with no counts (61 MB at 200,000 zones).
    ///
    /// Zones are read from the last to the first, and the tallies behind the one being read are
    /// handed back to the system block by block while the values' pages are written: on a
    /// 200,000-zone grid the tallies (114 MB then, 68 MB now) and the values (122 MB) were both held at the
    /// run's peak. Held by another owner as well, the tallies are copied first, and nothing is
    /// lost but the saving.
    private static func singleReplicationColumns(_ tally: consuming ZoneTallies, zones: Int, yearScale: Double)
        -> [(name: String, values: [Double])]
    {
        guard zones > 0 else { return [] }
        var tally = tally
        let names = IndicatorFormulas.derive(tally.values(zone: zones - 1), yearScale: yearScale).map(\.0)
        let values = ZoneColumns.make(names.count, zones: zones) { columns in
            var kept = zones
            for zone in stride(from: zones - 1, through: 0, by: -1) {
                let derived = IndicatorFormulas.derive(tally.values(zone: zone), yearScale: yearScale)
                for (index, (_, value)) in derived.enumerated() {
                    columns[index][zone] = value.isNaN ? .nan : value + 0
                }
                if zone % 4096 == 0 {
                    tally.handBack(zones: zone..<kept)
                    kept = zone
                }
            }
        }
        return zip(names, values).map { (name: $0, values: $1) }
    }

    /// Calls `body` with each zone's derived indicators in one replication, zone by zone in order.
    private static func forEachZoneValue(
        _ result: borrowing ReplicationResult, zones: Int, yearScale: Double,
        _ body: (Int, [(String, Double)]) -> Void
    ) {
        for zone in 0..<zones {
            let slice = result.zoneTally.values(zone: zone)
            body(zone, IndicatorFormulas.derive(slice, yearScale: yearScale))
        }
    }
}
