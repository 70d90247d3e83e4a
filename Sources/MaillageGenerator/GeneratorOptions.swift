import MaillageCore

/// What the synthetic territory should look like.
public struct GeneratorOptions: Sendable, Hashable {
    /// How many zones (communes) to create.
    public var zones: Int
    /// How many people live in the territory, in all.
    public var population: Int
    /// The seed: the same options always give the same territory.
    public var seed: UInt64
    /// The territory's name.
    public var name: String
    /// Where the territory's centre lies (central France by default).
    public var centre: GeoPoint
    /// Mean area of a zone in km² (a French commune is about 16 km²).
    public var zoneArea: Double

    /// Options for a territory of `zones` zones and `population` people drawn from `seed`.
    ///
    /// - Throws: `ValidationError` for zones outside 1...1,000,000, a population outside 0...2,000,000,000 or a zone
    ///   area outside 0.01...10,000 km².
    public init(
        zones: Int, population: Int, seed: UInt64, name: String = "Synthetic territory",
        centre: GeoPoint = try! GeoPoint(longitude: 2.35, latitude: 46.6), zoneArea: Double = 16
    ) throws {
        guard (1...1_000_000).contains(zones) else {
            throw ValidationError(field: "zones", reason: "\(zones) is outside 1...1000000")
        }
        guard (0...2_000_000_000).contains(population) else {
            throw ValidationError(field: "population", reason: "\(population) is outside 0...2000000000")
        }
        try ValidationError.check(zoneArea, in: 0.01...10_000, field: "zone_area", unit: "km²")
        self.zones = zones
        self.population = population
        self.seed = seed
        self.name = name
        self.centre = centre
        self.zoneArea = zoneArea
    }

    /// The side of the square territory, in km.
    var side: Double { (Double(zones) * zoneArea).squareRoot() }
}
