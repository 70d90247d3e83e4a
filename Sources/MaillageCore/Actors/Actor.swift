/// A node of the care network: a hospital, a GP practice, a pharmacy, a CPTS…
public struct Actor: Sendable, Hashable, Identifiable {
    /// A stable identifier, unique among the territory's actors (a FINESS number, `gp@31555`).
    public let id: String
    /// What the actor is, which decides the capacity it is measured in and the care it gives.
    public let kind: ActorKind
    /// The name a planner knows it by, shown in reports and exports.
    public let name: String
    /// Where the actor is, in WGS84.
    public let point: GeoPoint
    /// The zone it sits in, when known.
    public let zoneID: String?
    /// At most one capacity per measure, ordered by measure.
    public let capacities: [Capacity]
    /// Services offered beyond the kind's own (`emergency`, `smur`, `maternity`), sorted.
    public let services: [String]
    /// Where the actor comes from, such as `FINESS:310781406`.
    public let sourceReference: String?
    /// The coordinates as the source gave them, before conversion to WGS84.
    public let sourcePosition: SourcePosition?
    /// The year its practitioner started practising (RPPS, a professional order's register), when
    /// known: GP retirement rates by years in practice read it.
    public let practiceStartYear: Int?

    /// The years a practice start year may take (those of `observed_value` too).
    public static let practiceStartYears = 1900...2200

    /// Makes an actor, refusing what no file may hold.
    ///
    /// - Throws: ``ValidationError`` for a malformed id or zone id, a measure given twice, a malformed
    ///   service, or a practice start year outside 1900–2200.
    public init(
        id: String, kind: ActorKind, name: String, point: GeoPoint, zoneID: String? = nil,
        capacities: [Capacity] = [], services: [String] = [], sourceReference: String? = nil,
        sourcePosition: SourcePosition? = nil, practiceStartYear: Int? = nil
    ) throws {
        try ValidationError.checkIdentifier(id, field: "actor.id")
        if let zoneID { try ValidationError.checkIdentifier(zoneID, field: "actor.zone_id") }
        var seen = Set<CapacityMeasure>()
        for capacity in capacities where !seen.insert(capacity.measure).inserted {
            throw ValidationError(field: "actor.capacity.\(capacity.measure)", reason: "is given twice for actor \(id)")
        }
        for service in services {
            try ValidationError.checkIdentifier(service, field: "actor.services")
        }
        if let year = practiceStartYear, !Self.practiceStartYears.contains(year) {
            throw ValidationError(
                field: "actor.practice_start_year",
                reason: "\(year) for actor \(id) is not a year between 1900 and 2200")
        }
        self.id = IdentifierText.normalised(id)
        self.kind = kind
        self.name = name
        self.point = point
        self.zoneID = zoneID.map(IdentifierText.normalised)
        self.capacities = capacities.sorted { $0.measure.rawValue < $1.measure.rawValue }
        self.services = Array(Set(services)).sorted()
        self.sourceReference = sourceReference
        self.sourcePosition = sourcePosition
        self.practiceStartYear = practiceStartYear
    }

    /// The capacity in a measure, or nil when the actor has none in it.
    public func capacity(_ measure: CapacityMeasure) -> Capacity? {
        capacities.first { $0.measure == measure }
    }

    /// Whether the actor offers a service such as `emergency`.
    public func offers(_ service: String) -> Bool { services.contains(service) }
}

/// Coordinates as a source file gave them, with the CRS they are in.
public struct SourcePosition: Sendable, Hashable, Codable {
    /// Easting or longitude, in the unit of `crs`.
    public let x: Double
    /// Northing or latitude, in the unit of `crs`.
    public let y: Double
    /// An EPSG code (`EPSG:2154`) or a PROJ string.
    public let crs: String

    /// Keeps a source's coordinates as given.
    ///
    /// - Throws: ``ValidationError`` when a coordinate is not a finite number or the CRS is empty.
    public init(x: Double, y: Double, crs: String) throws {
        guard x.isFinite, y.isFinite else {
            throw ValidationError(field: "source_position", reason: "(\(x), \(y)) is not a pair of finite numbers")
        }
        guard !crs.isEmpty else {
            throw ValidationError(field: "source_position.crs", reason: "the CRS of source coordinates cannot be empty")
        }
        self.x = x
        self.y = y
        self.crs = crs
    }
}
