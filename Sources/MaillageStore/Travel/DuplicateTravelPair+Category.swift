import MaillageCore

extension DuplicateTravelPair: CategorizedError {
    /// A pair given twice is a fault of the input matrix.
    public var category: ErrorCategory { .data }
}
