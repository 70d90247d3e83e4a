import CMaillagePrefetch
import MaillageCore

/// Every zone's ``Tally`` values: counts of events as 32-bit integers, sums as doubles.
///
/// 57 of the 71 tallies only ever count events one by one; kept as doubles they were 568 bytes a
/// zone, 114 MB of a 200,000-zone grid's run, and 340 bytes as this (68 MB). The values read back are
/// those the doubles held, bit for bit: a count below 2^53 is exact either way, and a count that
/// passes 2^32 carries the multiple into a table kept for it.
struct ZoneTallies: Sendable {
    /// zone × ``Tally/countSlots``.
    private var counts: [UInt32]
    /// zone × ``Tally/sumSlots``.
    private var sums: [Double]
    /// What counts went past 2^32, by their place in `counts` (empty unless a zone had billions
    /// of one event).
    private var carried: [Int: Double] = [:]
    /// The weight of each counted event (1, or 1 / sample once ``scale(by:)`` ran).
    private var countWeight: Double = 1

    /// How many zones there are.
    let zones: Int

    /// Every tally of every zone at zero.
    init(zones: Int) {
        self.zones = zones
        counts = Array(repeating: 0, count: zones * Tally.countSlots)
        sums = Array(repeating: 0, count: zones * Tally.sumSlots)
    }

    /// Tallies whose counts start where given, zone by zone in ``Tally`` order of the counts
    /// (tests reach the carry past 2^32 with it, which four billion events would take).
    init(zones: Int, counts: [UInt32]) {
        precondition(counts.count == zones * Tally.countSlots, "one count per zone and counted tally")
        self.init(zones: zones)
        self.counts = counts
    }

    /// Counts one event.
    @inline(__always)
    mutating func count(_ what: Tally, zone: Int) {
        precondition(!what.isSum, "\(what) adds amounts; it does not count events")
        let index = zone * Tally.countSlots + what.slot
        let (next, passed) = counts[index].addingReportingOverflow(1)
        counts[index] = next
        if passed { carried[index, default: 0] += 4_294_967_296 }
    }

    /// Adds an amount to a sum.
    @inline(__always)
    mutating func add(_ what: Tally, zone: Int, _ amount: Double) {
        precondition(what.isSum, "\(what) counts events; it has no amounts")
        sums[zone * Tally.sumSlots + what.slot] += amount
    }

    /// Multiplies every value by `weight`, once (a sampled run stands for 1 / sample people each).
    mutating func scale(by weight: Double) {
        countWeight *= weight
        for index in sums.indices { sums[index] *= weight }
    }

    /// One value: the tally of raw value `index` in `zone`.
    func value(_ index: Int, zone: Int) -> Double {
        let tally = Tally(rawValue: index)!
        let slot = tally.slot
        if tally.isSum { return sums[zone * Tally.sumSlots + slot] }
        let place = zone * Tally.countSlots + slot
        var count = Double(counts[place])
        if !carried.isEmpty, let more = carried[place] { count += more }
        return count * countWeight
    }

    /// A zone's values, in ``Tally`` order.
    func values(zone: Int) -> [Double] { (0..<Tally.count).map { value($0, zone: zone) } }

    /// Fetches the zone's count of needs into the cache (a hint: no value changes).
    @inline(__always)
    func prefetchNeeds(zone: Int) {
        counts.withUnsafeBufferPointer {
            maillage_prefetch($0.baseAddress! + zone * Tally.countSlots + Tally.needs.slot)
        }
    }

    /// Hands the memory of zones `range` back to the system; their values are never read again.
    mutating func handBack(zones range: Range<Int>) {
        Self.discard(&counts, zones: range, width: Tally.countSlots)
        Self.discard(&sums, zones: range, width: Tally.sumSlots)
    }

    private static func discard<Value>(_ values: inout [Value], zones range: Range<Int>, width: Int) {
        values.withUnsafeMutableBufferPointer {
            let zones = UnsafeMutableBufferPointer(
                rebasing: $0[(range.lowerBound * width)..<(range.upperBound * width)])
            FreedMemory.discard(UnsafeMutableRawBufferPointer(zones))
        }
    }
}
