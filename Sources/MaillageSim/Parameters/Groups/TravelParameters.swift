public struct TravelParameters: Sendable, Hashable, Codable {
    /// Farthest GP a patient declares or consults, minutes.
    public var gpLimitMinutes: Double
    public var specialistLimitMinutes: Double
    public var emergencyLimitMinutes: Double
    public var hospitalLimitMinutes: Double
    public var pharmacyLimitMinutes: Double
    public var ehpadLimitMinutes: Double
    /// How many of the nearest providers of a kind a patient tries, at most.
    public var maxCandidates: Int

    enum CodingKeys: String, CodingKey {
        case gpLimitMinutes = "gp_limit_minutes", specialistLimitMinutes = "specialist_limit_minutes",
             emergencyLimitMinutes = "emergency_limit_minutes", hospitalLimitMinutes = "hospital_limit_minutes",
             pharmacyLimitMinutes = "pharmacy_limit_minutes", ehpadLimitMinutes = "ehpad_limit_minutes",
             maxCandidates = "max_candidates"
    }
}
