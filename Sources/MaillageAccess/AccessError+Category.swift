import MaillageCore

extension AccessError: CategorizedError {
    /// A request the methods cannot answer for this territory is a data error (as the command line always said).
    public var category: ErrorCategory { .data }

    /// The setting that mends the request, for the cases one does.
    public var hint: SettingHint? {
        switch self {
        case .needsSetting(_, let hint): hint
        case .invalidParameter, .invalidInput: nil
        }
    }
}
