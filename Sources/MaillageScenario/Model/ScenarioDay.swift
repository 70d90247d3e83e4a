import Foundation

/// A day of the simulated horizon, counted from the run's start date (day 0).
///
/// Files give either an ISO date (`2026-03-01`) or a day offset (`day: 45`, or `45`).
public enum ScenarioDay {
    /// Reads a date or a day offset relative to `start`.
    static func read(_ value: YAMLValue, start: Date) throws -> Int {
        let text = try value.string()
        if let day = Int(text) { return day }
        guard let date = Self.iso.date(from: text) else {
            throw value.error("'\(text)' is neither a day number nor an ISO date such as 2026-03-01")
        }
        return Int((date.timeIntervalSince(start) / 86_400).rounded())
    }

    static let iso: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter
    }()
}
