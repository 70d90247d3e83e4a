import MaillageAccess
import MaillageCore

/// What a location run is asked: the model, the candidates, the sites that stay, and where to write.
public struct LocationRequest: Sendable {
    /// Where the candidate sites come from.
    public enum Candidates: Sendable, Equatable {
        /// Each zone's point, as a new site.
        case zones
        /// The existing actors of the request's kinds: which to keep.
        case actors
        /// A CSV file: `id, lat, lon`, optionally `zone_id` and `capacity`.
        case file(String)
    }

    /// The location model.
    public var model: LocationModelName
    /// The candidate sites.
    public var candidates: Candidates
    /// The kinds of the existing sites (kept with `keepExisting`, chosen among with `.actors`).
    public var kinds: Set<ActorKind>
    /// The services the existing sites must offer one of (empty: any).
    public var services: Set<String>
    /// How many sites to open (all models but LSCP).
    public var p: Int?
    /// Coverage limit in minutes (LSCP, MCLP); the coverage reported and the search limit for the others.
    public var limit: Double?
    /// The existing sites stay open and count toward `p`.
    public var keepExisting: Bool
    /// Which times the model reads from a directed matrix; nil for the model's default.
    public var direction: LocationDirection?
    /// Each open site serves at most its capacity (p-median, MCLP).
    public var capacitated: Bool
    /// Capacity of each new candidate without one of its own, in the capacity measure's unit.
    public var capacity: Double?
    /// Capacity measure of the existing sites; nil for the kinds' usual one.
    public var capacityMeasure: CapacityMeasure?
    /// People one unit of capacity serves.
    public var peoplePerUnit: Double
    /// The model's own objective, or raising the worst-served tenth's access.
    public var objective: LocationObjective
    /// Distance decay of the access figures and of maximin-access.
    public var decay: DistanceDecay
    /// The sites file: `.csv` or `.geojson`.
    public var out: String
    /// The CSV delimiter of `out`.
    public var delimiter: Unicode.Scalar
    /// How travel is modelled, as the run records it (`line` or `matrix`).
    public var travel: String
    /// The stored matrix's name when one was named, as the run records it.
    public var matrix: String?

    /// Creates a request; the defaults are those of `maillage locate`.
    public init(
        model: LocationModelName, candidates: Candidates = .zones, kinds: Set<ActorKind>,
        services: Set<String> = [],
        p: Int? = nil, limit: Double? = nil, keepExisting: Bool = false, direction: LocationDirection? = nil,
        capacitated: Bool = false, capacity: Double? = nil, capacityMeasure: CapacityMeasure? = nil,
        peoplePerUnit: Double = 1, objective: LocationObjective = .model, decay: DistanceDecay, out: String,
        delimiter: Unicode.Scalar = ",", travel: String = "line", matrix: String? = nil
    ) {
        self.model = model
        self.candidates = candidates
        self.kinds = kinds
        self.services = services
        self.p = p
        self.limit = limit
        self.keepExisting = keepExisting
        self.direction = direction
        self.capacitated = capacitated
        self.capacity = capacity
        self.capacityMeasure = capacityMeasure
        self.peoplePerUnit = peoplePerUnit
        self.objective = objective
        self.decay = decay
        self.out = out
        self.delimiter = delimiter
        self.travel = travel
        self.matrix = matrix
    }

    /// The kinds as a listing names them (`gp,hospital`).
    var kindLabel: String { kinds.map(\.rawValue).sorted().joined(separator: ",") }

    /// The minutes of travel the model needs: its limit (or search limit), the coverage reported, the decay's reach.
    public var travelReach: Double {
        let isDistanceModel = model == .pmedian || model == .pcenter
        var decayReach = 60.0
        if case .steps(let steps) = decay, let last = steps.last { decayReach = last.upTo }
        return max(limit ?? (isDistanceModel ? 120 : 30), 30, decayReach)
    }

    /// The model solved, from the request's model, objective, `p` and limit.
    public func locationModel() throws -> LocationModel {
        func needP() throws -> Int {
            guard let p else {
                throw LocationRunError(
                    "\(model.rawValue) needs p, the number of sites to open", category: .usage,
                    hint: SettingHint("p"))
            }
            return p
        }
        func needLimit() throws -> Double {
            guard let limit else {
                throw LocationRunError(
                    "\(model.rawValue) needs a limit in minutes", category: .usage,
                    hint: SettingHint("limit"))
            }
            return limit
        }
        if objective == .maximinAccess { return .maximinAccess(p: try needP(), decay: decay, limit: nil) }
        switch model {
        case .lscp: return .lscp(limit: try needLimit())
        case .mclp:
            return capacitated
                ? .capacitatedMCLP(p: try needP(), limit: try needLimit())
                : .mclp(p: try needP(), limit: try needLimit())
        case .pmedian: return capacitated ? .capacitatedPMedian(p: try needP()) : .pMedian(p: try needP())
        case .pcenter: return .pCenter(p: try needP())
        }
    }
}
