/// Yearly rates of one kind of need, for people without and with a chronic condition.
public struct NeedRate: Sendable, Hashable, Codable {
    public var ratePerYear: BandValues
    public var ratePerYearChronic: BandValues

    enum CodingKeys: String, CodingKey {
        case ratePerYear = "rate_per_year", ratePerYearChronic = "rate_per_year_chronic"
    }
}
