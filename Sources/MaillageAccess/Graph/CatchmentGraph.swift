/// Sparse travel times between demand zones and supply sites, in both directions.
///
/// Accessibility methods never need a dense zone × site matrix: only pairs within reach
/// matter. Rows are compressed (CSR): zone → site, the patient's trip (nearest, coverage,
/// gravity, step 2 of the catchment methods), and, when times differ by direction,
/// site → zone, the catchment floated around a site (step 1). A symmetric graph keeps one
/// copy and step 1 reads it column-wise, halving memory for national-size studies.
public struct CatchmentGraph: Sendable {
    public let zoneCount: Int
    public let siteCount: Int
    let zoneOffsets: [Int]
    let zoneSites: [Int32]
    let zoneMinutes: [Double]
    /// Site → zone rows, nil when every time is the same in both directions.
    let reverse: Rows?

    struct Rows: Sendable {
        var offsets: [Int]
        var columns: [Int32]
        var minutes: [Double]
    }

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
        let forward = Self.compress(zoneToSite.map { ($0.zone, Int32($0.site), $0.minutes) }, rows: zoneCount)
        (zoneOffsets, zoneSites, zoneMinutes) = (forward.offsets, forward.columns, forward.minutes)
        reverse = Self.compress(siteToZone.map { ($0.site, Int32($0.zone), $0.minutes) }, rows: siteCount)
    }

    /// A graph whose times are the same in both directions.
    public init(zoneCount: Int, siteCount: Int, symmetric pairs: [Pair]) {
        self.zoneCount = zoneCount
        self.siteCount = siteCount
        let rows = Self.compress(pairs.map { ($0.zone, Int32($0.site), $0.minutes) }, rows: zoneCount)
        (zoneOffsets, zoneSites, zoneMinutes) = (rows.offsets, rows.columns, rows.minutes)
        reverse = nil
    }

    /// A symmetric graph from zone rows already built (by the pair search), kept in their order.
    init(zoneCount: Int, siteCount: Int, offsets: [Int], sites: [Int32], minutes: [Double]) {
        self.zoneCount = zoneCount
        self.siteCount = siteCount
        (zoneOffsets, zoneSites, zoneMinutes) = (offsets, sites, minutes)
        reverse = nil
    }

    /// Groups triples into rows, each row sorted by column, so that every sum runs in a
    /// fixed order whatever order the pairs came in.
    private static func compress(_ triples: [(row: Int, column: Int32, minutes: Double)], rows: Int) -> Rows {
        let sorted = triples.sorted { ($0.row, $0.column, $0.minutes) < ($1.row, $1.column, $1.minutes) }
        var offsets = [Int](repeating: 0, count: rows + 1)
        for triple in sorted { offsets[triple.row + 1] += 1 }
        for index in 0..<rows { offsets[index + 1] += offsets[index] }
        return Rows(offsets: offsets, columns: sorted.map(\.column), minutes: sorted.map(\.minutes))
    }

    /// How many zone → site pairs the graph holds.
    public var pairCount: Int { zoneSites.count }

    /// Whether times are the same in both directions (one copy kept).
    public var isSymmetric: Bool { reverse == nil }

    /// Calls `body` with each site reachable from a zone and the time to it.
    @inline(__always)
    public func forEachSite(of zone: Int, _ body: (Int, Double) -> Void) {
        for slot in zoneOffsets[zone]..<zoneOffsets[zone + 1] { body(Int(zoneSites[slot]), zoneMinutes[slot]) }
    }
}
