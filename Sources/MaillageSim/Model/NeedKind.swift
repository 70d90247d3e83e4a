/// What a patient needs on the day a need arises.
public enum NeedKind: String, Sendable, Hashable, CaseIterable, Codable {
    case chronicFollowUp = "chronic_follow_up"
    case acuteMinor = "acute_minor"
    case acuteUrgent = "acute_urgent"
    case specialistReferral = "specialist_referral"
    case prescription

    var index: Int {
        switch self {
        case .chronicFollowUp: 0
        case .acuteMinor: 1
        case .acuteUrgent: 2
        case .specialistReferral: 3
        case .prescription: 4
        }
    }
}
