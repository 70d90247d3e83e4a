import MaillageCore

extension SimulationError: CategorizedError {
    /// A parameter or event file that does not exist is missing input; anything else is data.
    public var category: ErrorCategory {
        if case .missingFile = self { return .missingInput }
        return .data
    }
}
