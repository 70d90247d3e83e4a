import MaillageCore

extension FileAccessError: CategorizedError {
    /// A missing input, an output that cannot be written, or an output chosen over an input (a usage error).
    public var category: ErrorCategory {
        switch self {
        case .missing: .missingInput
        case .overwritesInput: .usage
        case .unwritable: .cannotCreateOutput
        }
    }
}
