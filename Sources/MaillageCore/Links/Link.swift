/// A typed, directed edge of the care network.
public struct Link: Sendable, Hashable {
    /// The actor the link starts from.
    public let from: String
    /// What the link means: a referral, a membership, a zone the actor covers…
    public let kind: LinkKind
    /// An actor id, or a zone id for ``LinkKind/covers``.
    public let to: String
    /// How strong the tie is, in 0...1 (1 when unknown).
    public let strength: Double

    /// A link between two ids; that they exist is checked when the link joins a ``Territory``.
    ///
    /// - Throws: ``ValidationError`` for a malformed id, a strength outside 0...1, or an actor linked to itself.
    public init(from: String, kind: LinkKind, to: String, strength: Double = 1) throws {
        try ValidationError.checkIdentifier(from, field: "link.from")
        try ValidationError.checkIdentifier(to, field: "link.to")
        try ValidationError.check(strength, in: 0...1, field: "link.strength")
        guard kind.targetsZone || from != to else {
            throw ValidationError(field: "link.to", reason: "actor \(from) cannot be linked to itself")
        }
        self.from = IdentifierText.normalised(from)
        self.kind = kind
        self.to = IdentifierText.normalised(to)
        self.strength = strength
    }
}
