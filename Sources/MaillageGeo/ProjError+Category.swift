import MaillageCore

extension ProjError: CategorizedError {
    /// PROJ refuses a coordinate system or a point the input gave: a data error.
    public var category: ErrorCategory { .data }
}
