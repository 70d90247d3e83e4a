/// How far patients travel to each kind of provider, in minutes, and how many they try.
public struct TravelParameters: Sendable, Hashable, Codable {
    /// Farthest GP a patient declares or consults, minutes.
    public var gpLimitMinutes: Double
    /// Farthest specialist a patient consults, minutes.
    public var specialistLimitMinutes: Double
    /// Farthest emergency department a patient goes to, minutes.
    public var emergencyLimitMinutes: Double
    /// Farthest hospital a patient is admitted to, minutes.
    public var hospitalLimitMinutes: Double
    /// Farthest pharmacy a patient goes to, minutes.
    public var pharmacyLimitMinutes: Double
    /// Farthest nursing home a patient enters, minutes.
    public var ehpadLimitMinutes: Double
    /// How many of the nearest providers of a kind a patient tries, at most.
    public var maxCandidates: Int

    enum CodingKeys: String, CodingKey {
        case gpLimitMinutes = "gp_limit_minutes"
        case specialistLimitMinutes = "specialist_limit_minutes"
        case
            emergencyLimitMinutes = "emergency_limit_minutes"
        case hospitalLimitMinutes = "hospital_limit_minutes"
        case
            pharmacyLimitMinutes = "pharmacy_limit_minutes"
        case ehpadLimitMinutes = "ehpad_limit_minutes"
        case
            maxCandidates = "max_candidates"
    }
}
