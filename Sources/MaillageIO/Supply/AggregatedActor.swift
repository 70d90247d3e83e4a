import MaillageCore
import MaillageStore

/// The one actor that stands for all professionals of a kind counted in a zone.
///
/// Its id is `<kind>@<zone id>` (`gp@31555`), so that re-importing a count updates it and
/// never touches actors imported one by one; its name reads "GP (31555 Toulouse)".
enum AggregatedActor {
    static func id(kind: ActorKind, zone: String) -> String { "\(kind.rawValue)@\(zone)" }

    static func name(kind: ActorKind, zone: ZoneEntry) -> String { "\(label(kind)) (\(zone.id) \(zone.name))" }

    /// How planners write the kind: acronyms in capitals, other kinds capitalised.
    static func label(_ kind: ActorKind) -> String {
        switch kind {
        case .gp, .msp, .ssiad, .had, .ehpad, .cpts: kind.rawValue.uppercased()
        case .healthCentre: "Health centre"
        default: kind.rawValue.prefix(1).uppercased() + kind.rawValue.dropFirst()
        }
    }
}
