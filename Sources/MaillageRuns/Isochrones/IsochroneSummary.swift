import MaillageAccess

/// What `maillage access isochrones --json` prints: the grid, the error bound, each isochrone's counts.
public struct IsochroneSummary: Encodable, Sendable {
    /// One isochrone: its limit, its site (nil for the nearest-site one), the people within it and in its band.
    public struct Entry: Encodable, Sendable {
        /// The time limit.
        public var minutes: Double
        /// The site, for per-site isochrones.
        public var siteID: String?
        /// Inhabitants within the limit, and in this band only.
        public var population: Double
        /// Inhabitants between the previous limit and this one only.
        public var bandPopulation: Double
        /// Zones within the limit.
        public var zones: Int
        /// How many polygons its outline has.
        public var polygons: Int

        enum CodingKeys: String, CodingKey {
            case minutes, population, zones, polygons
            case siteID = "site_id"
            case bandPopulation = "band_population"
        }

        /// Writes every key, `site_id` as `null` for the nearest-site isochrone, so that the shape is fixed.
        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(minutes, forKey: .minutes)
            try container.encode(siteID, forKey: .siteID)
            try container.encode(population, forKey: .population)
            try container.encode(bandPopulation, forKey: .bandPopulation)
            try container.encode(zones, forKey: .zones)
            try container.encode(polygons, forKey: .polygons)
        }
    }

    /// The GeoJSON file written.
    public var out: String
    /// The grid spacing, and its nodes.
    public var gridKilometres: Double
    /// Nodes of the grid the outlines were traced on, a measure of the work done.
    public var gridNodes: Int
    /// How far beyond its limit a point inside an outline can be (line model).
    public var errorBoundMinutes: Double?
    /// What the computation noticed.
    public var notes: [String]
    /// Every isochrone, nearest-site ones first.
    public var isochrones: [Entry]

    enum CodingKeys: String, CodingKey {
        case out, notes, isochrones
        case gridKilometres = "grid_km"
        case gridNodes = "grid_nodes"
        case errorBoundMinutes = "error_bound_minutes"
    }

    /// The summary of computed isochrones written to `out`.
    public init(_ result: Isochrones.Result, out: String, gridKilometres: Double) {
        (self.out, self.gridKilometres, gridNodes) = (out, gridKilometres, result.gridNodes)
        (errorBoundMinutes, notes) = (result.errorBoundMinutes, result.notes)
        isochrones = result.isochrones.map {
            Entry(
                minutes: $0.minutes, siteID: $0.siteID, population: $0.population, bandPopulation: $0.bandPopulation,
                zones: $0.zones, polygons: $0.polygons.count)
        }
    }

    /// Writes every key, `null` for an absent error bound, so that the shape is fixed.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(out, forKey: .out)
        try container.encode(gridKilometres, forKey: .gridKilometres)
        try container.encode(gridNodes, forKey: .gridNodes)
        try container.encode(errorBoundMinutes, forKey: .errorBoundMinutes)
        try container.encode(notes, forKey: .notes)
        try container.encode(isochrones, forKey: .isochrones)
    }
}
