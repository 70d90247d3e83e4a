import MaillageCore

/// Sparse travel times between demand zones and supply sites, in both directions.
///
/// Accessibility methods never need a dense zone × site matrix: only pairs within reach
/// matter. Rows are compressed (CSR): zone → site, the patient's trip (nearest, coverage,
/// gravity, step 2 of the catchment methods), and, when times differ by direction,
/// site → zone, the catchment floated around a site (step 1). A symmetric graph keeps one
/// copy and step 1 reads it column-wise, halving memory for national-size studies.
public struct CatchmentGraph: Sendable {
    /// The number of demand zones (rows).
    public let zoneCount: Int
    /// The number of supply sites (columns).
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

    /// One travel time between a zone and a site, by their positions in the input lists:
    /// a matrix entry whose origin is the zone and destination the site.
    public typealias Pair = MatrixEntry

    /// A graph from zone → site times and, separately, site → zone times.
    ///
    /// A pair absent from a list is unreachable in that direction.
    public init(zoneCount: Int, siteCount: Int, zoneToSite: [Pair], siteToZone: [Pair]) {
        self.zoneCount = zoneCount
        self.siteCount = siteCount
        let forward = Self.compress([zoneToSite], rows: zoneCount, bySite: false)
        (zoneOffsets, zoneSites, zoneMinutes) = (forward.offsets, forward.columns, forward.minutes)
        reverse = Self.compress([siteToZone], rows: siteCount, bySite: true)
    }

    /// A graph whose times are the same in both directions.
    public init(zoneCount: Int, siteCount: Int, symmetric pairs: [Pair]) {
        self.init(zoneCount: zoneCount, siteCount: siteCount, symmetric: [pairs])
    }

    /// A graph whose times are the same in both directions, from pairs read in parts (a
    /// file read on several threads): the same graph as from the parts joined, without
    /// the copy that joining them makes.
    ///
    /// Pairs grouped by zone and sorted by site within a zone, as matrix files are usually
    /// written, are taken in their order; others are sorted first. The graph is the same
    /// either way.
    public init(zoneCount: Int, siteCount: Int, symmetric parts: [[Pair]]) {
        self.zoneCount = zoneCount
        self.siteCount = siteCount
        let rows =
            Self.rowsInOrder(parts, zoneCount: zoneCount, siteCount: siteCount)
            ?? Self.compress(parts, rows: zoneCount, bySite: false)
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

    /// Groups pairs into rows (by zone, or by site for site → zone rows), each row sorted by
    /// column, so that every sum runs in a fixed order whatever order the pairs came in.
    ///
    /// A counting sort by row, then a stable sort of each row by (column, minutes): the same
    /// order as one stable sort of every triple, without its cost (a tenth of an E2SFCA run
    /// on a 773,000-pair matrix, by profile). Rows read from a file are usually sorted already.
    static func compress(_ parts: [[Pair]], rows: Int, bySite: Bool) -> Rows {
        var offsets = [Int](repeating: 0, count: rows + 1)
        for part in parts {
            for pair in part { offsets[(bySite ? pair.site : pair.zone) + 1] += 1 }
        }
        for index in 0..<rows { offsets[index + 1] += offsets[index] }
        let count = offsets[rows]
        var columns = [Int32](repeating: 0, count: count)
        var minutes = [Double](repeating: 0, count: count)
        columns.withUnsafeMutableBufferPointer { columns in
            minutes.withUnsafeMutableBufferPointer { minutes in
                var next = offsets
                for part in parts {
                    for pair in part {
                        let row = bySite ? pair.site : pair.zone
                        let slot = next[row]
                        columns[slot] = Int32(bySite ? pair.zone : pair.site)
                        minutes[slot] = pair.minutes
                        next[row] = slot + 1
                    }
                }
                for row in 0..<rows where !isSorted(columns, minutes, from: offsets[row], to: offsets[row + 1]) {
                    let range = offsets[row]..<offsets[row + 1]
                    let entries = range.map { (columns[$0], minutes[$0]) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
                    for (slot, entry) in zip(range, entries) { (columns[slot], minutes[slot]) = entry }
                }
            }
        }
        return Rows(offsets: offsets, columns: columns, minutes: minutes)
    }

    private static func isSorted(
        _ columns: UnsafeMutableBufferPointer<Int32>, _ minutes: UnsafeMutableBufferPointer<Double>, from start: Int,
        to end: Int
    ) -> Bool {
        var slot = start + 1
        while slot < end {
            if columns[slot] < columns[slot - 1]
                || (columns[slot] == columns[slot - 1] && minutes[slot] < minutes[slot - 1])
            {
                return false
            }
            slot += 1
        }
        return true
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
