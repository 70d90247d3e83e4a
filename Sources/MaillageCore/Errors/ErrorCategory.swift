/// What kind of failure an error is, the one thing a front end needs to choose its exit code.
///
/// The categories follow BSD's sysexits: a command line maps them to 64, 65, 66, 73 and 74,
/// a server could map them to HTTP statuses. The library decides the category where it finds
/// the failure, so that no caller has to look at the disk again to tell a missing file from a bad one.
public enum ErrorCategory: String, Sendable, Hashable, CaseIterable, Codable {
    /// The request itself was wrong (an option out of range, a run that does not exist).
    case usage
    /// An input file or value breaks a rule (a bad field, a damaged file, an unusable territory).
    case data
    /// An input file does not exist.
    case missingInput
    /// An output cannot be created (it exists already, or its folder cannot be made).
    case cannotCreateOutput
    /// Reading or writing failed (full disk, I/O error, a server that does not answer).
    case io
}
