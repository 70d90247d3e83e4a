/// One end of a travel time: a zone or an actor, named by its id.
///
/// Zones and actors have separate id spaces, so a matrix row says which one each end is.
public struct TravelEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// Whether the id names a zone or an actor (the `origin_type`/`destination_type` column).
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case zone
        case actor
    }

    /// Whether the id is a zone's or an actor's.
    public let kind: Kind
    /// The zone's code (INSEE commune) or the actor's id (a FINESS number for FINESS sites).
    public let id: String

    /// An endpoint of the given kind.
    public init(_ kind: Kind, _ id: String) {
        self.kind = kind
        self.id = id
    }

    /// A zone endpoint, as a matrix row's `zone` origin or destination.
    public static func zone(_ id: String) -> TravelEndpoint { TravelEndpoint(.zone, id) }
    /// An actor endpoint, as a matrix row's `actor` origin or destination.
    public static func actor(_ id: String) -> TravelEndpoint { TravelEndpoint(.actor, id) }

    /// `zone 19031` or `actor 190000040`, as error messages name an endpoint.
    public var description: String { "\(kind.rawValue) \(id)" }
}
