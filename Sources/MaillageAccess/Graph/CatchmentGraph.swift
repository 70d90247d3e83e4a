/// Sparse travel times between demand zones and supply sites, in both directions.
///
/// Accessibility methods never need a dense zone × site matrix: only pairs within reach
/// matter. The graph keeps them in compressed rows (CSR) twice: zone → site, the patient's
/// trip (nearest, coverage, gravity, step 2 of the catchment methods), and site → zone, the
/// catchment floated around a site (step 1). On a symmetric matrix both hold the same times.
public struct CatchmentGraph: Sendable {
    public let zoneCount: Int
    public let siteCount: Int
    let zoneOffsets: [Int]
    let zoneSites: [Int32]
    let zoneMinutes: [Double]
    let siteOffsets: [Int]
    let siteZones: [Int32]
    let siteMinutes: [Double]

    /// One travel time between a zone and a site, by their positions in the input lists.
    public struct Pair: Sendable, Hashable {
        public var zone: Int
        public var site: Int
        public var minutes: Double

        public init(zone: Int, site: Int, minutes: Double) {
            self.zone = zone
            self.site = site
            self.minutes = minutes
        }
    }

    /// A graph from zone → site times and, separately, site → zone times.
    ///
    /// A pair absent from a list is unreachable in that direction.
    public init(zoneCount: Int, siteCount: Int, zoneToSite: [Pair], siteToZone: [Pair]) {
        self.zoneCount = zoneCount
        self.siteCount = siteCount
        (zoneOffsets, zoneSites, zoneMinutes) = Self.compress(zoneToSite, rows: zoneCount, row: \.zone, column: \.site)
        (siteOffsets, siteZones, siteMinutes) = Self.compress(siteToZone, rows: siteCount, row: \.site, column: \.zone)
    }

    /// A graph whose times are the same in both directions.
    public init(zoneCount: Int, siteCount: Int, symmetric pairs: [Pair]) {
        self.init(zoneCount: zoneCount, siteCount: siteCount, zoneToSite: pairs, siteToZone: pairs)
    }

    /// Sorts pairs into rows (by row, then column) so that every sum runs in a fixed order:
    /// results are then identical whatever order the pairs came in.
    private static func compress(
        _ pairs: [Pair], rows: Int, row: KeyPath<Pair, Int>, column: KeyPath<Pair, Int>
    ) -> ([Int], [Int32], [Double]) {
        var counts = [Int](repeating: 0, count: rows + 1)
        for pair in pairs { counts[pair[keyPath: row] + 1] += 1 }
        for index in 0..<rows { counts[index + 1] += counts[index] }
        var next = counts
        var columns = [Int32](repeating: 0, count: pairs.count)
        var minutes = [Double](repeating: 0, count: pairs.count)
        for pair in pairs {
            let slot = next[pair[keyPath: row]]
            columns[slot] = Int32(pair[keyPath: column])
            minutes[slot] = pair.minutes
            next[pair[keyPath: row]] += 1
        }
        for r in 0..<rows where counts[r + 1] - counts[r] > 1 {
            let range = counts[r]..<counts[r + 1]
            let sorted = range.sorted { columns[$0] != columns[$1] ? columns[$0] < columns[$1] : minutes[$0] < minutes[$1] }
            let (c, m) = (sorted.map { columns[$0] }, sorted.map { minutes[$0] })
            columns.replaceSubrange(range, with: c)
            minutes.replaceSubrange(range, with: m)
        }
        return (counts, columns, minutes)
    }

    /// How many zone → site pairs the graph holds.
    public var pairCount: Int { zoneSites.count }

    /// Calls `body` with each site reachable from a zone and the time to it, by site order.
    @inline(__always)
    func forEachSite(of zone: Int, _ body: (Int, Double) -> Void) {
        for slot in zoneOffsets[zone]..<zoneOffsets[zone + 1] { body(Int(zoneSites[slot]), zoneMinutes[slot]) }
    }

    /// Calls `body` with each zone a site reaches and the time to it, by zone order.
    @inline(__always)
    func forEachZone(of site: Int, _ body: (Int, Double) -> Void) {
        for slot in siteOffsets[site]..<siteOffsets[site + 1] { body(Int(siteZones[slot]), siteMinutes[slot]) }
    }
}
