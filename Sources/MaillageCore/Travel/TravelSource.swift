/// Where an accessibility study takes its travel times from (`--travel line|matrix`).
public enum TravelSource: String, Sendable, Hashable, Codable, FileVocabulary, CustomStringConvertible {
    /// The straight-line model (calibrated on road times), pairs searched within the limit.
    case line
    /// An imported travel-time matrix, or a matrix file read for the study.
    case matrix

    /// The name as files and commands write it.
    public var description: String { rawValue }

    /// What one of these is called in an error message.
    public static let vocabularyName = "a travel source"
}
