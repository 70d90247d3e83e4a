/// One end of a travel time: a zone or an actor, named by its id.
///
/// Zones and actors have separate id spaces, so a matrix row says which one each end is.
public struct TravelEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// Whether the id names a zone or an actor (the `origin_type`/`destination_type` column).
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case zone
        case actor
    }

    public let kind: Kind
    public let id: String

    public init(_ kind: Kind, _ id: String) {
        self.kind = kind
        self.id = id
    }

    public static func zone(_ id: String) -> TravelEndpoint { TravelEndpoint(.zone, id) }
    public static func actor(_ id: String) -> TravelEndpoint { TravelEndpoint(.actor, id) }

    public var description: String { "\(kind.rawValue) \(id)" }
}
