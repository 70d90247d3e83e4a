public struct EmergencyParameters: Sendable, Hashable, Codable {
    /// Probability that an urgent emergency visit ends in an admission, by age band.
    public var admissionProbability: BandValues
    /// Visits a department takes in a day, as a multiple of its `ed_visits_per_day` (or of the yearly count / 365).
    public var capacityFactor: Double
    /// Visits per day for a department with no visit count.
    public var defaultVisitsPerDay: Double
    /// Share of visits arriving at night, sent on when a department closes at night.
    public var nightShare: Double

    enum CodingKeys: String, CodingKey {
        case admissionProbability = "admission_probability", capacityFactor = "capacity_factor",
             defaultVisitsPerDay = "default_visits_per_day", nightShare = "night_share"
    }
}
