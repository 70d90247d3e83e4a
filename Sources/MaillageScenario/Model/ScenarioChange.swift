import MaillageCore

/// A change to the territory from a given day (and, for closures, until one).
public enum ScenarioChange: Sendable, Equatable {
    /// A new actor, open from `day`.
    case openActor(Actor, day: Int)
    /// An actor closed from `day` until `until` (exclusive), for good when nil; `nightOnly`
    /// closes an emergency department at night only (the simulation sends its night arrivals on,
    /// accessibility counts it as open).
    case closeActor(id: String, day: Int, until: Int?, nightOnly: Bool = false)
    /// A capacity set to a new value from `day` (a GP retires: fte 0).
    case setCapacity(actorID: String, Capacity, day: Int)
    /// A link added from `day` (GPs join a CPTS, a discharge agreement).
    case addLink(Link, day: Int)
    /// A link removed from `day`.
    case removeLink(from: String, kind: LinkKind, to: String, day: Int)

    /// The day the change takes effect.
    public var day: Int {
        switch self {
        case .openActor(_, let day), .closeActor(_, let day, _, _), .setCapacity(_, _, let day),
            .addLink(_, let day), .removeLink(_, _, _, let day):
            day
        }
    }
}

/// Something that happens to demand or travel for a period (simulation input).
public enum ScenarioEvent: Sendable, Equatable {
    /// Needs in these zones (`*` = all) multiplied by `factor` from `day` until `until`
    /// (exclusive); only the needs listed (simulation names such as `acute_urgent`), all when empty.
    case demandSurge(zones: [String], factor: Double, day: Int, until: Int, needs: [String] = [])
    /// Travel times from these zones multiplied by `factor` for the period.
    case travelSlowdown(zones: [String], factor: Double, day: Int, until: Int)
    /// An epidemic from `day` until `until` (exclusive) peaking on `peak`: needs rise to
    /// `intensity` times (by age band id) at the peak along half cosine waves; acute needs when `needs` is empty.
    case epidemic(zones: [String], peak: Int, intensity: [String: Double], day: Int, until: Int, needs: [String] = [])
}
