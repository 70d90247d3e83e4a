extension ValidationError: CategorizedError {
    /// A value that breaks a domain rule is a data error.
    public var category: ErrorCategory { .data }
}
