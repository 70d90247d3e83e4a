public struct SpecialistParameters: Sendable, Hashable, Codable {
    public var consultationsPerFTEDay: Double
    public var toleranceDays: Int
    /// Probability that a specialist contact leads to a planned (elective) admission.
    public var electiveAdmissionProbability: Double
    /// Days from the specialist contact to the planned admission.
    public var electiveAdmissionDelay: Distribution

    enum CodingKeys: String, CodingKey {
        case consultationsPerFTEDay = "consultations_per_fte_day", toleranceDays = "tolerance_days",
             electiveAdmissionProbability = "elective_admission_probability",
             electiveAdmissionDelay = "elective_admission_delay"
    }
}
