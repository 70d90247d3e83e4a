import MaillageCore

/// Why an equity analysis could not start: a run or a column that is not there.
public struct EquityRunError: CategorizedError, CustomStringConvertible, Sendable {
    /// What is missing or ambiguous, with what there is instead.
    public let message: String
    /// Usage when the request names something absent, data when the run has nothing to analyse.
    public let category: ErrorCategory
    /// The request's setting that would mend it (`column`, `against`), when one would.
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
