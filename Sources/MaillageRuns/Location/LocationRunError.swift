import MaillageCore

/// Why a location run could not be solved: no candidate, a candidate without capacity or outside the matrix.
public struct LocationRunError: CategorizedError, CustomStringConvertible, Sendable {
    /// What is wrong, naming the candidate and where it came from.
    public let message: String
    /// Data for what the inputs lack, usage for what the request asks wrongly.
    public let category: ErrorCategory
    /// The request's setting that would mend it (`capacity`, `capacity_measure`), when one would.
    public let hint: SettingHint?

    /// An error with its category and, when a setting mends it, that setting.
    public init(_ message: String, category: ErrorCategory, hint: SettingHint? = nil) {
        self.message = message
        self.category = category
        self.hint = hint
    }

    /// The message.
    public var description: String { message }
}
