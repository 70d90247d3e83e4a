/// The accessibility methods, by the names commands, scenario files, result files and stored
/// runs use (`nearest`, `coverage`, `2sfca`, `e2sfca`, `3sfca`, `gravity`).
///
/// The one list of method names: a scenario's `method: e2sfc` is refused with this list
/// instead of silently becoming another method.
public enum AccessMethodName: String, Sendable, Hashable, Codable, FileVocabulary, CustomStringConvertible {
    /// Time to the nearest site.
    case nearest
    /// Whether the nearest site is within a threshold.
    case coverage
    /// Two-step floating catchment (Luo & Wang 2003).
    case twoStep = "2sfca"
    /// Enhanced 2SFCA with a distance decay (Luo & Qi 2009).
    case enhancedTwoStep = "e2sfca"
    /// Three-step floating catchment (Wan, Zou & Sternberg 2012).
    case threeStep = "3sfca"
    /// Hansen's gravity potential.
    case gravity

    /// The name as files and commands write it.
    public var description: String { rawValue }

    /// What one of these is called in an error message.
    public static let vocabularyName = "an access method"

    /// Reads a name as written in files, saying which names exist when it is unknown.
    public static func parse(_ text: String) throws -> AccessMethodName { try parse(text, field: "method") }

    /// Whether the method is one of the floating-catchment family.
    public var isCatchment: Bool { [.twoStep, .enhancedTwoStep, .threeStep].contains(self) }

    /// Whether the method weighs sites by their capacity (and so takes capacity, demand, per
    /// and normalize options).
    public var usesSupply: Bool { isCatchment || self == .gravity }

    /// The options a scenario indicator of this method may set, besides `method`: those the
    /// command of the same name takes.
    public var optionKeys: [String] {
        switch self {
        case .nearest: ["kind", "service"]
        case .coverage: ["kind", "service", "limit"]
        case .twoStep, .enhancedTwoStep, .threeStep:
            ["kind", "service", "limit", "decay", "capacity", "demand", "per", "normalize"]
        case .gravity:
            ["kind", "service", "limit", "decay", "minimum_minutes", "capacity", "demand", "per", "normalize"]
        }
    }
}
