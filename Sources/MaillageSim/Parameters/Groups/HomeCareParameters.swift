/// Home care (SSIAD nursing, HAD hospital at home) and nursing homes (EHPAD): delays to enter, stays, places.
public struct HomeCareParameters: Sendable, Hashable, Codable {
    /// Days from discharge to the start of home care when the hospital has a discharge agreement with the service.
    public var delayWithAgreement: Distribution
    /// The same without an agreement.
    public var delayWithoutAgreement: Distribution
    /// Length of an SSIAD episode, days.
    public var ssiadStay: Distribution
    /// Length of an HAD episode, days.
    public var hadStay: Distribution
    /// Length of an EHPAD stay, days.
    public var ehpadStay: Distribution
    /// Places of an SSIAD with no `places` capacity.
    public var defaultSSIADPlaces: Double
    /// Places of an HAD with no `places` capacity.
    public var defaultHADPlaces: Double
    /// Places of an EHPAD with no `places` capacity.
    public var defaultEHPADPlaces: Double
    /// Requests for SSIAD from people at home, per person and year by age band (most SSIAD entries come from home).
    public var ssiadEntryFromHomePerYear: BandValues
    /// Requests for HAD from home, per person and year.
    public var hadEntryFromHomePerYear: BandValues
    /// Requests for an EHPAD place from home, per person and year.
    public var ehpadEntryFromHomePerYear: BandValues
    /// Days a person at home stays on a full service's waiting list before giving up.
    public var maxWaitFromHomeDays: Int

    enum CodingKeys: String, CodingKey {
        case delayWithAgreement = "delay_with_agreement"
        case delayWithoutAgreement = "delay_without_agreement"
        case
            ssiadStay = "ssiad_stay"
        case hadStay = "had_stay"
        case ehpadStay = "ehpad_stay"
        case
            defaultSSIADPlaces = "default_ssiad_places"
        case defaultHADPlaces = "default_had_places"
        case
            defaultEHPADPlaces = "default_ehpad_places"
        case
            ssiadEntryFromHomePerYear = "ssiad_entry_from_home_per_year"
        case hadEntryFromHomePerYear = "had_entry_from_home_per_year"
        case
            ehpadEntryFromHomePerYear = "ehpad_entry_from_home_per_year"
        case maxWaitFromHomeDays = "max_wait_from_home_days"
    }
}
