/// Specialist consultations and the planned admissions they lead to.
public struct SpecialistParameters: Sendable, Hashable, Codable {
    /// Consultations per FTE per working day when a specialist has no `consultations_per_day`.
    public var consultationsPerFTEDay: Double
    /// Days a patient waits at most for a specialist consultation.
    public var toleranceDays: Int
    /// Probability that a specialist contact leads to a planned (elective) admission.
    public var electiveAdmissionProbability: Double
    /// Days from the specialist contact to the planned admission.
    public var electiveAdmissionDelay: Distribution

    enum CodingKeys: String, CodingKey {
        case consultationsPerFTEDay = "consultations_per_fte_day"
        case toleranceDays = "tolerance_days"
        case
            electiveAdmissionProbability = "elective_admission_probability"
        case
            electiveAdmissionDelay = "elective_admission_delay"
    }
}
