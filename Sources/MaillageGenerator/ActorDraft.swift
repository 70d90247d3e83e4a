import MaillageCore

/// An actor while the generator is still placing it, before it gets an id.
struct ActorDraft {
    var kind: ActorKind
    var zone: Int
    var point: PlanarPoint
    var name: String
    var capacities: [Capacity] = []
    var services: [String] = []
}

/// A link between drafts (by index), or from a draft to a zone.
struct LinkDraft {
    var from: Int
    var kind: LinkKind
    /// An actor index, or a zone index for `covers`.
    var to: Int
    var strength: Double = 1
}
