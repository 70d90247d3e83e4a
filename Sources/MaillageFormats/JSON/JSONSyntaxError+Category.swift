import MaillageCore

extension JSONSyntaxError: CategorizedError {
    /// Broken JSON is a data error (importers place it at its file before it reaches a user).
    package var category: ErrorCategory { .data }
}
