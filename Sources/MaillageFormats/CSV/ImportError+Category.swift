import MaillageCore

extension ImportError: CategorizedError {
    /// Bad input found while importing is a data error, whatever setting would mend it.
    public var category: ErrorCategory { .data }
}
