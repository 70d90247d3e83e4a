/// What a link between two actors (or an actor and a zone) means.
public enum LinkKind: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
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

    public var description: String { rawValue }

    /// Reads a kind from its file name, saying which names exist when it is unknown.
    public static func parse(_ text: String, field: String = "link.kind") throws -> LinkKind {
        guard let kind = LinkKind(rawValue: text.trimmingWhitespace().lowercased()) else {
            throw ValidationError(
                field: field,
                reason: "'\(text)' is not a link kind; expected one of \(allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        return kind
    }

    /// Whether the link ends at a zone rather than at an actor.
    public var targetsZone: Bool { self == .covers }
}
