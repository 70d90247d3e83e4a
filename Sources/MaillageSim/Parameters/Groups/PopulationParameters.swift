/// Who the simulated people are: chronic conditions, age structure, how they look for a GP.
public struct PopulationParameters: Sendable, Hashable, Codable {
    /// Share of each age band living with a chronic condition (an ALD or equivalent).
    public var chronicPrevalence: BandValues
    /// Age structure used for zones whose population has no age bands.
    public var defaultAgeShares: BandValues
    /// Share of people who never look for a declared GP.
    public var shareNotSeekingGP: Double
    /// GP list places per FTE when a GP has no `list_size` capacity.
    public var listSizePerFTE: Double

    enum CodingKeys: String, CodingKey {
        case chronicPrevalence = "chronic_prevalence"
        case defaultAgeShares = "default_age_shares"
        case
            shareNotSeekingGP = "share_not_seeking_gp"
        case listSizePerFTE = "list_size_per_fte"
    }
}
