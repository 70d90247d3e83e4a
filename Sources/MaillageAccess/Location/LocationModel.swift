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
    /// Capacitated p-median: `p` sites, each serving at most its capacity, minimising
    /// Σ persons × time over the assignment, unassigned people charged the unreachable penalty.
    case capacitatedPMedian(p: Int)
    /// Capacitated MCLP: `p` sites maximising the people assigned to a site within `limit`,
    /// each site serving at most its capacity.
    case capacitatedMCLP(p: Int, limit: Double)
    /// Equity: `p` sites maximising the population-weighted mean accessibility (E2SFCA with
    /// `decay`, sites' capacities as supply) of the worst-served tenth of the population.
    case maximinAccess(p: Int, decay: DistanceDecay, limit: Double?)

    /// The model's name on the command line and in result files (`mclp`, `capacitated-pmedian`).
    public var name: String {
        switch self {
        case .lscp: "lscp"
        case .mclp: "mclp"
        case .pMedian: "pmedian"
        case .pCenter: "pcenter"
        case .capacitatedPMedian: "capacitated-pmedian"
        case .capacitatedMCLP: "capacitated-mclp"
        case .maximinAccess: "maximin-access"
        }
    }

    /// How many sites the model opens (nil for LSCP, which finds it).
    public var p: Int? {
        switch self {
        case .lscp: nil
        case .mclp(let p, _), .pMedian(let p), .pCenter(let p), .capacitatedPMedian(let p),
            .capacitatedMCLP(let p, _), .maximinAccess(let p, _, _):
            p
        }
    }

    /// The same model with another number of sites.
    public func with(p: Int) -> LocationModel {
        switch self {
        case .lscp: self
        case .mclp(_, let limit): .mclp(p: p, limit: limit)
        case .pMedian: .pMedian(p: p)
        case .pCenter: .pCenter(p: p)
        case .capacitatedPMedian: .capacitatedPMedian(p: p)
        case .capacitatedMCLP(_, let limit): .capacitatedMCLP(p: p, limit: limit)
        case .maximinAccess(_, let decay, let limit): .maximinAccess(p: p, decay: decay, limit: limit)
        }
    }

    /// Whether each site serves at most its capacity.
    public var isCapacitated: Bool {
        switch self {
        case .capacitatedPMedian, .capacitatedMCLP: true
        default: false
        }
    }

    /// Whether a larger objective is better (MCLP), or a smaller one (all others).
    var maximises: Bool {
        switch self {
        case .mclp, .capacitatedMCLP, .maximinAccess: true
        default: false
        }
    }
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
    /// Capacitated models: who goes where, and the people no open site could take.
    public var assignment: [Assignment]?
    /// People of the capacitated models that no open site could take; nil for the others.
    public var unassignedPopulation: Double?

    /// People of one zone assigned to one open site.
    public struct Assignment: Sendable, Equatable {
        /// The zone's index in the problem.
        public var zone: Int
        /// The open site's candidate index.
        public var site: Int
        /// How many of the zone's people it takes.
        public var persons: Double
    }

    /// The relative gap between the objective and the bound, when a bound is known.
    public var gap: Double? {
        guard let bound, !isExact else { return isExact ? 0 : nil }
        let denominator = max(abs(objective), abs(bound), 1e-12)
        return abs(objective - bound) / denominator
    }
}
