import MaillageCore

extension StoreError: CategorizedError {
    /// An existing file where a database is to be made cannot be created over, a missing one is
    /// missing input, a failing disk is I/O, and any other refusal is about the content.
    public var category: ErrorCategory {
        switch self {
        case .alreadyExists: .cannotCreateOutput
        case .notFound: .missingInput
        case .notATerritoryDatabase, .newerSchema, .invalidContent, .idInTwoForms: .data
        case .sqlite: isIOFailure ? .io : .data
        }
    }

    /// A missing database is created first; ids in two forms are repaired.
    public var remedy: Remedy? {
        switch self {
        case .notFound(let path): .createDatabase(path: path)
        case .idInTwoForms: .repairStoredIDs
        default: nil
        }
    }
}
