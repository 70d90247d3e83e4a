import MaillageSim

/// A simulation event as a run records it (`events` of a stored simulation run).
///
/// One object per event with its days (`from`, `to`), its `type` and that type's fields only.
public struct RecordedEvent: Codable, Sendable, Equatable {
    public var from: Int
    public var to: Int
    /// `close`, `capacity`, `surge`, `slow_travel` or `epidemic`.
    public var type: String
    public var actor: String?
    public var nightOnly: Bool?
    public var measure: String?
    public var value: Double?
    public var zones: [String]?
    public var factor: Double?
    public var needs: [String]?
    public var peak: Int?
    public var intensity: [String: Double]?

    enum CodingKeys: String, CodingKey {
        case from, to, type, actor, measure, value, zones, factor, needs, peak, intensity
        case nightOnly = "night_only"
    }

    /// The record of an event the simulation ran.
    public init(_ event: SimulationEvent) {
        (from, to) = (event.fromDay, event.toDay)
        switch event.change {
        case let .close(actor, nightOnly):
            (type, self.actor, self.nightOnly) = ("close", actor, nightOnly)
        case let .capacity(actor, measure, value):
            (type, self.actor, self.measure, self.value) = ("capacity", actor, measure.rawValue, value)
        case let .surge(zones, factor, needs):
            (type, self.zones, self.factor, self.needs) = ("surge", zones, factor, needs.map(\.rawValue))
        case let .slowTravel(zones, factor):
            (type, self.zones, self.factor) = ("slow_travel", zones, factor)
        case let .epidemic(zones, peak, intensity, needs):
            (type, self.zones, self.peak, self.intensity) = ("epidemic", zones, peak, intensity)
            self.needs = needs.map(\.rawValue)
        }
    }
}
