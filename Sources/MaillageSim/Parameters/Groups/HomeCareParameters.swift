public struct HomeCareParameters: Sendable, Hashable, Codable {
    /// Days from discharge to the start of home care when the hospital has a discharge agreement with the service.
    public var delayWithAgreement: Distribution
    /// The same without an agreement.
    public var delayWithoutAgreement: Distribution
    public var ssiadStay: Distribution
    public var hadStay: Distribution
    public var ehpadStay: Distribution
    public var defaultSSIADPlaces: Double
    public var defaultHADPlaces: Double
    public var defaultEHPADPlaces: Double

    enum CodingKeys: String, CodingKey {
        case delayWithAgreement = "delay_with_agreement", delayWithoutAgreement = "delay_without_agreement",
             ssiadStay = "ssiad_stay", hadStay = "had_stay", ehpadStay = "ehpad_stay",
             defaultSSIADPlaces = "default_ssiad_places", defaultHADPlaces = "default_had_places",
             defaultEHPADPlaces = "default_ehpad_places"
    }
}
