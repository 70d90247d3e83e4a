import MaillageCore

/// The actors a study used as sites: of these kinds, and offering one of these services if any.
public struct SiteSelection: Sendable, Equatable {
    /// Kinds of actor that count as sites (any of them).
    public var kinds: Set<ActorKind>
    /// Services a site must offer (any of them); empty keeps every actor of the kinds.
    public var services: Set<String>

    /// A selection of these kinds and services; the empty selection holds no actor.
    public init(kinds: Set<ActorKind> = [], services: Set<String> = []) {
        self.kinds = kinds
        self.services = services
    }

    /// Whether `actor` is of one of the kinds and offers one of the services, if any are named.
    public func contains(_ actor: Actor) -> Bool {
        kinds.contains(actor.kind) && (services.isEmpty || !services.isDisjoint(with: actor.services))
    }
}
