/// An error that knows its ``ErrorCategory`` and, when one would mend it, the setting to change
/// or the operation to run first.
///
/// Every error type of the library adopts this protocol, each in an `XError+Category.swift`
/// file next to the type, so that a front end maps categories to exit codes in one place and
/// never inspects an error's cases or the disk to decide.
public protocol CategorizedError: Error {
    /// What kind of failure this is.
    var category: ErrorCategory { get }
    /// The setting of the library call that would mend the failure, if one would.
    var hint: SettingHint? { get }
    /// The separate operation that would mend the failure, if one would.
    var remedy: Remedy? { get }
}

extension CategorizedError {
    /// No setting: most errors are mended in the input, not in the call.
    public var hint: SettingHint? { nil }
    /// No separate operation: most errors are mended in the input.
    public var remedy: Remedy? { nil }
}

extension Error {
    /// The error's category: its own when it has one, I/O otherwise (what the system threw).
    public var errorCategory: ErrorCategory {
        (self as? any CategorizedError)?.category ?? .io
    }
}
