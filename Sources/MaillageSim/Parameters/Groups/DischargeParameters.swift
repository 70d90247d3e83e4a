/// Where patients go when they leave hospital: home, home care or a nursing home.
public struct DischargeParameters: Sendable, Hashable, Codable {
    /// Probability of leaving hospital with home care (SSIAD or HAD), by age band.
    public var homeCareProbability: BandValues
    /// Probability of leaving hospital for an EHPAD, by age band.
    public var ehpadProbability: BandValues
    /// Share of home-care discharges that need HAD rather than SSIAD.
    public var hadShare: Double

    enum CodingKeys: String, CodingKey {
        case homeCareProbability = "home_care_probability"
        case ehpadProbability = "ehpad_probability"
        case hadShare = "had_share"
    }
}
