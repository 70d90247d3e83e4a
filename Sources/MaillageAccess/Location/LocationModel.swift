/// A "where should the sites go" question, as in PySAL `spopt` (`indicators.md` §2).
///
/// "Within" is `t ≤ limit`, inclusive, as spopt has it. Sites already open can be fixed;
/// they count toward `p`.
public enum LocationModel: Sendable, Equatable {
    /// Location set covering: the fewest sites so that every zone has one within `limit`.
    case lscp(limit: Double)
    /// Maximal covering: `p` sites maximising the population within `limit`.
    case mclp(p: Int, limit: Double)
    /// p-median: `p` sites minimising Σ population × time to the nearest open site.
    case pMedian(p: Int)
    /// p-center: `p` sites minimising the longest time from a zone to its nearest open site.
    case pCenter(p: Int)

    public var name: String {
        switch self {
        case .lscp: "lscp"
        case .mclp: "mclp"
        case .pMedian: "pmedian"
        case .pCenter: "pcenter"
        }
    }

    /// Whether a larger objective is better (MCLP), or a smaller one (all others).
    var maximises: Bool { if case .mclp = self { return true } else { return false } }
}

/// The sites chosen, and how good the choice is.
public struct LocationSolution: Sendable, Equatable {
    /// Candidate positions of the open sites, ascending (fixed ones included).
    public var open: [Int]
    /// Covered population (MCLP), population-weighted time (p-median), longest time
    /// (p-center), or the number of sites (LSCP).
    public var objective: Double
    /// True when every combination was examined: the objective is the optimum.
    public var isExact: Bool
    /// A bound on the optimum (upper for MCLP, lower for the others), when one is known.
    public var bound: Double?
    /// Zones no candidate can reach (within the limit, or at all): left out of LSCP, counted
    /// as uncovered by MCLP, and charged `unreachablePenalty` by p-median and p-center.
    public var unreachableZones: [Int]
    /// Population within the limit of an open site (LSCP, MCLP), else nil.
    public var coveredPopulation: Double?

    /// The relative gap between the objective and the bound, when a bound is known.
    public var gap: Double? {
        guard let bound, !isExact else { return isExact ? 0 : nil }
        let denominator = max(abs(objective), abs(bound), 1e-12)
        return abs(objective - bound) / denominator
    }
}
