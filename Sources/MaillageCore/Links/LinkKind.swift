/// What a link between two actors (or an actor and a zone) means.
public enum LinkKind: String, Sendable, Hashable, Codable, FileVocabulary, CustomStringConvertible {
    /// An actor belongs to a coordination body (actor → cpts).
    case memberOf = "member_of"
    /// A GP sends patients to a hospital or a specialist.
    case refersTo = "refers_to"
    /// A hospital has a discharge agreement with a home-care service or a nursing home.
    case dischargesTo = "discharges_to"
    /// A home-care service or a CPTS intervenes in a zone (actor → zone).
    case covers
    /// Two actors share records or meetings.
    case partner

    /// The name used in files and on the command line (`member_of`).
    public var description: String { rawValue }

    /// How an error message names this vocabulary ("… is not a link kind").
    public static let vocabularyName = "a link kind"

    /// Reads a name as written in files, saying which names exist when it is unknown.
    public static func parse(_ text: String) throws -> LinkKind { try parse(text, field: "link.kind") }

    /// Whether the link ends at a zone rather than at an actor.
    public var targetsZone: Bool { self == .covers }
}
