/// A place where people live: a commune, an IRIS or a grid cell.
public struct Zone: Sendable, Hashable, Identifiable {
    /// A stable identifier, such as an INSEE commune code (`31555`).
    public let id: String
    /// The name a planner knows it by (a commune's name).
    public let name: String
    /// The point from which travel starts (a centroid or the town hall).
    public let point: GeoPoint
    /// The outline, for maps; nil when only the point is known.
    public let boundary: Boundary?
    /// Who lives there: the demand every indicator is measured against.
    public let population: Population
    /// INSEE density level, when known.
    public let densityClass: DensityClass?
    /// Where the zone's figures come from and how they were derived, in words.
    public let provenance: String?

    /// A zone whose id is checked and normalised (trimmed, NFC) so that look-alike ids cannot make two zones.
    ///
    /// - Throws: ``ValidationError`` for a malformed id.
    public init(
        id: String, name: String, point: GeoPoint, boundary: Boundary? = nil,
        population: Population = .zero, densityClass: DensityClass? = nil, provenance: String? = nil
    ) throws {
        try ValidationError.checkIdentifier(id, field: "zone.id")
        self.id = IdentifierText.normalised(id)
        self.name = name
        self.point = point
        self.boundary = boundary
        self.population = population
        self.densityClass = densityClass
        self.provenance = provenance
    }
}
