/// Yearly rates of one kind of need, for people without and with a chronic condition.
public struct NeedRate: Sendable, Hashable, Codable {
    /// Needs per person and year, by age band, for people without a chronic condition.
    public var ratePerYear: BandValues
    /// Needs per person and year, by age band, for people with one.
    public var ratePerYearChronic: BandValues

    enum CodingKeys: String, CodingKey {
        case ratePerYear = "rate_per_year"
        case ratePerYearChronic = "rate_per_year_chronic"
    }
}
