/// Continuity-of-care indices of one patient, from how many visits went to each provider
/// (`indicators.md` §4). COC and SECON are undefined (nil) for a single visit.
public struct ContinuityIndices: Sendable, Equatable {
    /// Usual provider of care: the share of visits to the most visited provider.
    public var upc: Double
    /// Bice–Boxerman continuity of care: 1 when every visit went to one provider.
    public var coc: Double?
    /// Sequential continuity: the share of consecutive visits to the same provider.
    public var secon: Double?
    /// Herfindahl–Hirschman concentration of visits over providers.
    public var hhi: Double
    /// Modified modified continuity index (Magill and Senf 1987): near 1 when few providers share many visits.
    public var mmci: Double

    /// From the visit count `n`, the distinct providers `k`, Σ n_j², max n_j and the number of
    /// consecutive pairs with the same provider; nil when there is no visit.
    public init?(visits n: Int, providers k: Int, sumOfSquares: Int, largest: Int, sameConsecutive: Int) {
        guard n > 0 else { return nil }
        let nd = Double(n)
        let kd = Double(k)
        let squares = Double(sumOfSquares)
        upc = Double(largest) / nd
        hhi = squares / (nd * nd)
        mmci = n == 1 ? 1 : (1 - kd / (nd + 0.1)) / (1 - 1 / (nd + 0.1))
        coc = n < 2 ? nil : (squares - nd) / (nd * (nd - 1))
        secon = n < 2 ? nil : Double(sameConsecutive) / (nd - 1)
    }

    /// From per-provider visit counts.
    public init?(counts: [Int], sameConsecutive: Int) {
        self.init(
            visits: counts.reduce(0, +), providers: counts.filter { $0 > 0 }.count,
            sumOfSquares: counts.reduce(0) { $0 + $1 * $1 }, largest: counts.max() ?? 0,
            sameConsecutive: sameConsecutive)
    }

    /// From a time-ordered sequence of provider labels (`AABAC…`).
    public init?<Label: Hashable>(sequence: [Label]) {
        var counts: [Label: Int] = [:]
        for label in sequence { counts[label, default: 0] += 1 }
        let same = zip(sequence, sequence.dropFirst()).filter { $0 == $1 }.count
        self.init(counts: Array(counts.values), sameConsecutive: same)
    }
}
