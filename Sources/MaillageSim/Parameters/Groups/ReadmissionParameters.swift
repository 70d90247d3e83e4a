/// Readmissions within 30 days of a discharge, and how GP follow-up changes their risk.
public struct ReadmissionParameters: Sendable, Hashable, Codable {
    /// Probability of a readmission within 30 days for a patient seen by a GP within 7 days, by age band.
    public var probability30Days: BandValues
    /// Multiplier of that risk when no GP saw the patient within 7 days.
    public var multiplierWithoutFollowUp: Double

    enum CodingKeys: String, CodingKey {
        case probability30Days = "probability_30_days"
        case multiplierWithoutFollowUp = "multiplier_without_follow_up"
    }
}
