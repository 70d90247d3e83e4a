import MaillageCore
import MaillageStore

/// A place to route from or to: a zone's or an actor's point.
public struct TravelPoint: Sendable, Hashable {
    /// Which zone or actor this is.
    public let endpoint: TravelEndpoint
    /// Where it is, in WGS84.
    public let point: GeoPoint

    /// The point of `endpoint`.
    public init(_ endpoint: TravelEndpoint, _ point: GeoPoint) {
        self.endpoint = endpoint
        self.point = point
    }

    /// Orders points as the matrix's primary key does (type, then id, byte by byte), so that
    /// pairs reach the database in key order whatever the blocks.
    public static func keyOrder(_ a: TravelPoint, _ b: TravelPoint) -> Bool {
        if a.endpoint.kind != b.endpoint.kind { return a.endpoint.kind.rawValue < b.endpoint.kind.rawValue }
        return a.endpoint.id.utf8.lexicographicallyPrecedes(b.endpoint.id.utf8)
    }
}

/// Which points a side of the matrix is made of: the zones, or the actors of some kinds.
public enum EndpointSelection: Sendable, Hashable, CustomStringConvertible {
    case zones
    /// Actors of these kinds; every actor when nil.
    case actors(Set<ActorKind>?)

    /// Reads `zones`, `actors`, or a comma-separated list of actor kinds (`hospital,gp`).
    public static func parse(_ text: String) throws -> EndpointSelection {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch trimmed {
        case "zones", "zone": return .zones
        case "actors", "actor", "all": return .actors(nil)
        default: return .actors(Set(try trimmed.split(separator: ",").map { try ActorKind.parse(String($0)) }))
        }
    }

    /// The territory's points this selection names, in key order.
    public func points(of territory: Territory) -> [TravelPoint] {
        let points: [TravelPoint]
        switch self {
        case .zones:
            points = territory.zones.map { TravelPoint(.zone($0.id), $0.point) }
        case .actors(let kinds):
            points = territory.actors.filter { kinds?.contains($0.kind) ?? true }.map {
                TravelPoint(.actor($0.id), $0.point)
            }
        }
        return points.sorted(by: TravelPoint.keyOrder)
    }

    /// `zones`, `actors`, or the kinds (`gp,msp`), as the command line takes them.
    public var description: String {
        switch self {
        case .zones: "zones"
        case .actors(let kinds): kinds.map { $0.map(\.rawValue).sorted().joined(separator: ",") } ?? "actors"
        }
    }
}
