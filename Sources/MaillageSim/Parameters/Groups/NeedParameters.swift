/// The yearly rates of each kind of need (``NeedKind``).
public struct NeedParameters: Sendable, Hashable, Codable {
    /// Routine visits for a chronic condition.
    public var chronicFollowUp: NeedRate
    /// Minor acute needs a GP can see.
    public var acuteMinor: NeedRate
    /// Urgent needs that go to an emergency department.
    public var acuteUrgent: NeedRate
    /// Needs a GP refers to a specialist.
    public var specialistReferral: NeedRate
    /// Prescriptions filled at a pharmacy.
    public var prescription: NeedRate

    enum CodingKeys: String, CodingKey {
        case chronicFollowUp = "chronic_follow_up"
        case acuteMinor = "acute_minor"
        case acuteUrgent = "acute_urgent"
        case
            specialistReferral = "specialist_referral"
        case prescription
    }
}
