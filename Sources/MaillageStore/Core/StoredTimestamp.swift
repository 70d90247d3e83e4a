import Foundation

/// When a run was stored: ISO 8601 text in UTC to the second, such as `2026-12-05T09:20:00Z`.
///
/// The same text as `Date.ISO8601Format()`, made from the C library's broken-down time:
/// Foundation's formatter sets up its calendar on first use, a millisecond of a 60 ms
/// `access` command (perf).
enum StoredTimestamp {
    /// The text of `date`, its fraction of a second dropped.
    static func text(_ date: Date = Date()) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))"
            + "T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    private static func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
