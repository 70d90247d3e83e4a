import MaillageFormats

/// An isochrone's properties as `maillage access isochrones` writes them in its GeoJSON.
public struct IsochroneProperties: Decodable, Sendable {
    /// The time limit.
    public var minutes: Double
    /// The site of a per-site isochrone; nil for the nearest-site one.
    public var siteID: String?
    /// Inhabitants within `minutes`, and those in this band only.
    public var population: Double?
    /// Inhabitants between the previous limit and this one, the band drawn.
    public var bandPopulation: Double?
    /// Zones whose own time is within the limit.
    public var zones: Int?
    /// The outline's error bound, in minutes.
    public var errorBoundMinutes: Double?
    /// The grid spacing the outline was traced on, in kilometres (`grid_km` in the file).
    public var gridKilometres: Double?

    enum CodingKeys: String, CodingKey {
        case minutes, population, zones
        case siteID = "site_id"
        case bandPopulation = "band_population"
        case errorBoundMinutes = "error_bound_minutes"
        case gridKilometres = "grid_km"
    }

    /// Reads a feature's properties; `minutes` is required, every other figure may be missing.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        minutes = try container.decode(Double.self, forKey: .minutes)
        siteID = try? container.decodeIfPresent(String.self, forKey: .siteID)
        (population, bandPopulation) = (container.number(.population), container.number(.bandPopulation))
        zones = try? container.decodeIfPresent(Int.self, forKey: .zones)
        (errorBoundMinutes, gridKilometres) = (container.number(.errorBoundMinutes), container.number(.gridKilometres))
    }
}
