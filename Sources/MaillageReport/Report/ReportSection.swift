/// A part of a report, listed in its table of contents.
///
/// Each kind of run gets its own section type (an indicator run today; simulation runs and
/// scenario comparisons can add theirs) so that the page assembles them in one way.
protocol ReportSection {
    /// The fragment id (`run-3`).
    var anchor: String { get }
    var heading: String { get }
    /// The section's HTML, escaped and well formed.
    func body() throws -> String
}
