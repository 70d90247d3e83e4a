import MaillageCore

/// The actors a study used as sites: of these kinds, and offering one of these services if any.
public struct SiteSelection: Sendable, Equatable {
    public var kinds: Set<ActorKind>
    public var services: Set<String>

    public init(kinds: Set<ActorKind> = [], services: Set<String> = []) {
        self.kinds = kinds
        self.services = services
    }

    public func contains(_ actor: Actor) -> Bool {
        kinds.contains(actor.kind) && (services.isEmpty || !services.isDisjoint(with: actor.services))
    }
}
