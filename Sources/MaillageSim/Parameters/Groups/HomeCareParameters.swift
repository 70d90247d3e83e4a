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
        case delayWithAgreement = "delay_with_agreement", delayWithoutAgreement = "delay_without_agreement",
             ssiadStay = "ssiad_stay", hadStay = "had_stay", ehpadStay = "ehpad_stay",
             defaultSSIADPlaces = "default_ssiad_places", defaultHADPlaces = "default_had_places",
             defaultEHPADPlaces = "default_ehpad_places",
             ssiadEntryFromHomePerYear = "ssiad_entry_from_home_per_year", hadEntryFromHomePerYear = "had_entry_from_home_per_year",
             ehpadEntryFromHomePerYear = "ehpad_entry_from_home_per_year", maxWaitFromHomeDays = "max_wait_from_home_days"
    }
}
