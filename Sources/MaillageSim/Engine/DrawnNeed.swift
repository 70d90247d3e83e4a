/// What an agent's need calendar draws: the five ``NeedKind``s, then requests from home for
/// an SSIAD, HAD or EHPAD place (the order of ``CompiledParameters/cumulative``).
enum DrawnNeed: Int, CaseIterable {
    case chronicFollowUp, acuteMinor, acuteUrgent, specialistReferral, prescription
    case ssiadRequest, hadRequest, ehpadRequest

    /// The place asked for, for a request from home.
    var placeRequest: PlaceRole? {
        switch self {
        case .ssiadRequest: .ssiad
        case .hadRequest: .had
        case .ehpadRequest: .ehpad
        default: nil
        }
    }

    /// The tally of needs of this kind (none for requests from home).
    var tally: Tally? {
        switch self {
        case .chronicFollowUp: .needsChronicFollowUp
        case .acuteMinor: .needsAcuteMinor
        case .acuteUrgent: .needsAcuteUrgent
        case .specialistReferral: .needsSpecialist
        case .prescription: .needsPrescription
        case .ssiadRequest, .hadRequest, .ehpadRequest: nil
        }
    }
}
