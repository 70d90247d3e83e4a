import MaillageCore

/// Actor kinds in a planner's words, for legends and tables.
package enum ActorLabel {
    /// The kind's plural in words (`GP practices`, `nursing homes (EHPAD)`).
    package static func plural(_ kind: ActorKind) -> String {
        switch kind {
        case .hospital: "hospitals"
        case .gp: "GP practices"
        case .msp: "multi-professional practices (MSP)"
        case .healthCentre: "health centres"
        case .specialist: "specialists"
        case .ssiad: "home nursing services (SSIAD)"
        case .had: "hospital at home (HAD)"
        case .pharmacy: "pharmacies"
        case .ehpad: "nursing homes (EHPAD)"
        case .lab: "laboratories"
        case .cpts: "CPTS"
        case .other: "other establishments"
        }
    }
}
