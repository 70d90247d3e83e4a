public struct HospitalParameters: Sendable, Hashable, Codable {
    /// Beds of a hospital with no `beds` capacity.
    public var defaultBeds: Double
    /// Length of stay after an emergency admission, days.
    public var lengthOfStay: Distribution
    /// Length of a planned stay, days.
    public var electiveLengthOfStay: Distribution

    enum CodingKeys: String, CodingKey {
        case defaultBeds = "default_beds", lengthOfStay = "length_of_stay", electiveLengthOfStay = "elective_length_of_stay"
    }
}
