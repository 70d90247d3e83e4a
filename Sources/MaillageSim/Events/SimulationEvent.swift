import MaillageCore

/// Something that happens to the territory during a run, on counted days `fromDay...toDay`
/// (day 0 is the run's `start_date`).
public struct SimulationEvent: Sendable, Hashable {
    /// What changes.
    public enum Change: Sendable, Hashable {
        /// The actor takes no one (or, `nightOnly`, an emergency department sends on its night arrivals).
        case close(actor: String, nightOnly: Bool)
        /// From `fromDay` on, the actor's capacity in `measure` is `value`.
        case capacity(actor: String, measure: CapacityMeasure, value: Double)
        /// Needs (all kinds, or those listed) arise `factor` times as often in the zones (`*` = all).
        case surge(zones: [String], factor: Double, needs: [NeedKind])
        /// Travel times from the zones are multiplied by `factor` (a road cut, snow).
        case slowTravel(zones: [String], factor: Double)
        /// An epidemic over `fromDay...toDay` in the zones: needs (of the kinds listed) rise from
        /// nothing at `fromDay` to `intensity` times (by age band id) at `peakDay`, then fall back
        /// by `toDay`, along half cosine waves.
        case epidemic(zones: [String], peakDay: Int, intensity: BandValues, needs: [NeedKind])
    }

    /// What changes.
    public var change: Change
    /// The first day the change holds, counted from the start date.
    public var fromDay: Int
    /// The last day, inclusive; the horizon's last day for a capacity change.
    public var toDay: Int

    /// A change over `fromDay...toDay`.
    public init(_ change: Change, fromDay: Int, toDay: Int) {
        self.change = change
        self.fromDay = fromDay
        self.toDay = toDay
    }
}
