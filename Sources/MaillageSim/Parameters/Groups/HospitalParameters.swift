/// Hospital beds, lengths of stay and how long a patient waits in bed for a place outside.
public struct HospitalParameters: Sendable, Hashable, Codable {
    /// Short-stay beds per 1,000 inhabitants served, for a hospital with no `beds` capacity
    /// (about 3 nationally: 200,000 MCO beds, DREES 2020); each zone is served by its nearest hospital.
    public var defaultBedsPer1000: Double
    /// The fewest beds such an estimate gives.
    public var minimumDefaultBeds: Double
    /// Length of stay after an emergency admission, days.
    public var lengthOfStay: Distribution
    /// Length of a planned stay, days.
    public var electiveLengthOfStay: Distribution
    /// Days a patient stays in bed waiting for a full SSIAD, HAD or EHPAD before going home without it.
    public var maxDischargeDelayDays: Int
    /// Days a planned admission that finds no bed is put back.
    public var electivePostponementDays: Int

    enum CodingKeys: String, CodingKey {
        case defaultBedsPer1000 = "default_beds_per_1000"
        case minimumDefaultBeds = "minimum_default_beds"
        case
            lengthOfStay = "length_of_stay"
        case electiveLengthOfStay = "elective_length_of_stay"
        case
            maxDischargeDelayDays = "max_discharge_delay_days"
        case electivePostponementDays = "elective_postponement_days"
    }
}
