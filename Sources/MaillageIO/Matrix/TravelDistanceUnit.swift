/// The unit of a matrix's distance column; Maillage stores kilometres.
public enum TravelDistanceUnit: String, Sendable, Codable, CaseIterable {
    case kilometres = "km"
    case metres = "m"

    /// Reads a unit as written on the command line (`km`, `m`).
    public static func parse(_ text: String) -> TravelDistanceUnit? {
        switch text.lowercased() {
        case "km", "kilometre", "kilometres", "kilometer", "kilometers": .kilometres
        case "m", "metre", "metres", "meter", "meters": .metres
        default: nil
        }
    }

    /// A value in this unit, in kilometres.
    public func kilometres(_ value: Double) -> Double {
        switch self {
        case .kilometres: value
        case .metres: value / 1000
        }
    }
}
