/// How a scenario runs the simulation: whether at all, on what share of the inhabitants, and
/// which zone indicators a comparison maps.
///
/// ```yaml
/// simulation:
///   enabled: true          # false: accessibility only
///   sample: 0.5            # simulate half the inhabitants (counts are weighted back)
///   zone_indicators: [emergency_visits_per_inhabitant, travel_minutes_per_inhabitant]
/// ```
public struct SimulationSettings: Sendable, Equatable {
    /// Whether the scenario simulates at all (false: accessibility only).
    public var enabled: Bool
    /// The share of inhabitants simulated, in (0, 1]; counts are weighted back.
    public var sample: Double
    /// The simulation's zone indicators compared zone by zone; territory-wide, all are compared.
    public var zoneIndicators: [String]

    /// Settings from a scenario's `simulation:` block.
    public init(enabled: Bool = true, sample: Double = 1, zoneIndicators: [String] = Self.defaultZoneIndicators) {
        self.enabled = enabled
        self.sample = sample
        self.zoneIndicators = zoneIndicators
    }

    /// Rates and shares a planner maps; counts stay territory-wide (they scale with zone size).
    public static let defaultZoneIndicators = [
        "share_without_declared_gp", "gp_contacts_per_inhabitant", "gp_waiting_days_mean",
        "emergency_visits_per_inhabitant", "emergency_travel_minutes_mean", "avoidable_emergency_visits_share",
        "admissions_per_inhabitant",
        "unmet_needs_share", "travel_minutes_per_inhabitant", "continuity_upc", "follow_up_7_days_share",
        "readmission_30_days_share", "home_care_started_within_2_days_share",
    ]
}
