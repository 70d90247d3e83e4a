public struct NeedParameters: Sendable, Hashable, Codable {
    public var chronicFollowUp: NeedRate
    public var acuteMinor: NeedRate
    public var acuteUrgent: NeedRate
    public var specialistReferral: NeedRate
    public var prescription: NeedRate

    enum CodingKeys: String, CodingKey {
        case chronicFollowUp = "chronic_follow_up", acuteMinor = "acute_minor", acuteUrgent = "acute_urgent",
             specialistReferral = "specialist_referral", prescription
    }
}
