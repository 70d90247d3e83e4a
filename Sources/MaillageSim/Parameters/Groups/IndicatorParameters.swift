/// Settings of the indicators computed from a run.
public struct IndicatorParameters: Sendable, Hashable, Codable {
    /// Patients with fewer GP visits than this are left out of the continuity indices.
    public var continuityMinimumVisits: Int

    enum CodingKeys: String, CodingKey {
        case continuityMinimumVisits = "continuity_minimum_visits"
    }
}
