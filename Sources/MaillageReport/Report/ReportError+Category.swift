import MaillageCore

extension ReportError: CategorizedError {
    /// A run that does not exist was asked for (usage); a drawn file is missing or not what Maillage writes.
    public var category: ErrorCategory {
        switch self {
        case .unknownRun, .unknownSimulationRun: .usage
        case .missingFile: .missingInput
        case .unreadableComparison, .unreadableIsochrones, .unreadableLocation, .unreadableSensitivity,
            .unreadableCalibration:
            .data
        }
    }
}
