/// The unit of a matrix's time column; Maillage stores minutes.
public enum TravelTimeUnit: String, Sendable, Codable, CaseIterable {
    case minutes = "min"
    case seconds = "s"
    case hours = "h"

    /// Reads a unit as written on the command line (`min`, `s`, `h`, or the word).
    public static func parse(_ text: String) -> TravelTimeUnit? {
        switch text.lowercased() {
        case "min", "mn", "minute", "minutes": .minutes
        case "s", "sec", "second", "seconds": .seconds
        case "h", "hour", "hours": .hours
        default: nil
        }
    }

    /// A value in this unit, in minutes.
    public func minutes(_ value: Double) -> Double {
        switch self {
        case .minutes: value
        case .seconds: value / 60
        case .hours: value * 60
        }
    }
}
