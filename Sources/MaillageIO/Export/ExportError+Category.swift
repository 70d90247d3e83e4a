import MaillageCore

extension ExportError: CategorizedError {
    /// A database without a matrix is a data error; every other case is a request that cannot be met.
    public var category: ErrorCategory {
        if case .noMatrix = self { return .data }
        return .usage
    }

    /// Several matrices and none chosen: the matrix setting mends it.
    public var hint: SettingHint? {
        if case .matrixNeeded = self { return SettingHint("matrix") }
        return nil
    }
}
