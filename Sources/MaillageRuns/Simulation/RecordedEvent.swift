import MaillageSim

/// A simulation event as a run records it (`events` of a stored simulation run).
///
/// One object per event with its days (`from`, `to`), its `type` and that type's fields only.
public struct RecordedEvent: Codable, Sendable, Equatable {
    /// The first day the event applies (0 = the start date).
    public var from: Int
    /// The last day it applies.
    public var to: Int
    /// `close`, `capacity`, `surge`, `slow_travel` or `epidemic`.
    public var type: String
    /// The actor closed or changed.
    public var actor: String?
    /// A closure at night only.
    public var nightOnly: Bool?
    /// The capacity measure changed.
    public var measure: String?
    /// The new capacity.
    public var value: Double?
    /// The zones affected.
    public var zones: [String]?
    /// The demand or travel-time factor.
    public var factor: Double?
    /// The needs affected (all when absent).
    public var needs: [String]?
    /// The day of an epidemic's peak.
    public var peak: Int?
    /// An epidemic's intensity by age band.
    public var intensity: [String: Double]?

    enum CodingKeys: String, CodingKey {
        case from, to, type, actor, measure, value, zones, factor, needs, peak, intensity
        case nightOnly = "night_only"
    }

    /// The record of an event the simulation ran.
    public init(_ event: SimulationEvent) {
        (from, to) = (event.fromDay, event.toDay)
        switch event.change {
        case .close(let actor, let nightOnly):
            (type, self.actor, self.nightOnly) = ("close", actor, nightOnly)
        case .capacity(let actor, let measure, let value):
            (type, self.actor, self.measure, self.value) = ("capacity", actor, measure.rawValue, value)
        case .surge(let zones, let factor, let needs):
            (type, self.zones, self.factor, self.needs) = ("surge", zones, factor, needs.map(\.rawValue))
        case .slowTravel(let zones, let factor):
            (type, self.zones, self.factor) = ("slow_travel", zones, factor)
        case .epidemic(let zones, let peak, let intensity, let needs):
            (type, self.zones, self.peak, self.intensity) = ("epidemic", zones, peak, intensity)
            self.needs = needs.map(\.rawValue)
        }
    }
}
