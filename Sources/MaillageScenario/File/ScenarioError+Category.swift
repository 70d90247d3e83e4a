import MaillageCore

extension ScenarioError: CategorizedError {
    /// A file that does not exist is missing input; anything else wrong with a scenario, spec or shard is data.
    public var category: ErrorCategory { isMissingInput ? .missingInput : .data }
}
