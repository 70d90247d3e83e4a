import Foundation

/// A day of the simulated horizon, counted from the run's start date (day 0).
///
/// Files give either an ISO date (`2026-03-01`) or a day offset (`day: 45`, or `45`).
public enum ScenarioDay {
    /// Reads a date or a day offset relative to `start`.
    static func read(_ value: YAMLValue, start: Date) throws -> Int {
        let text = try value.string()
        if let day = Int(text) { return day }
        guard let date = Self.date(text) else {
            throw value.error("'\(text)' is neither a day number nor an ISO date such as 2026-03-01")
        }
        return Int((date.timeIntervalSince(start) / 86_400).rounded())
    }

    /// The day an ISO date such as `2026-03-01` names, nil for any other text.
    ///
    /// Only ASCII reaches the formatter: Foundation's stops the process on a date whose digits
    /// carry a combining mark (`2026` + U+06E8, found by the scenario fuzz target), where its
    /// character and UTF-16 counts disagree.
    static func date(_ text: String) -> Date? {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        return iso.date(from: text)
    }

    static let iso: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter
    }()
}
