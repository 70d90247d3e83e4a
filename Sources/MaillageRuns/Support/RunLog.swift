/// Where a run tells what it is doing: progress details and status lines, on stderr in the CLI.
///
/// The library never prints; the command line passes closures that honour `--quiet` and `--verbose`.
public struct RunLog: Sendable {
    /// A detail shown with `--verbose` (timings, importer summaries).
    public var detail: @Sendable (String) -> Void
    /// A status line (notes, warnings, where the results went).
    public var status: @Sendable (String) -> Void

    /// A log with its two outlets.
    public init(detail: @escaping @Sendable (String) -> Void, status: @escaping @Sendable (String) -> Void) {
        (self.detail, self.status) = (detail, status)
    }

    /// A log that says nothing, for library users that only want the results.
    public static let silent = RunLog(detail: { _ in }, status: { _ in })
}
