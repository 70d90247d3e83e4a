/// A position on the WGS84 ellipsoid, longitude first.
///
/// Maillage always orders coordinates (x, y) = (longitude, latitude), whatever a CRS's
/// official axis order, so that a point reads the same in every file it travels through.
public struct GeoPoint: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Degrees east of Greenwich, in -180...180.
    public let longitude: Double
    /// Degrees north of the equator, in -90...90.
    public let latitude: Double

    /// Creates a point, refusing coordinates that are not on the globe.
    public init(longitude: Double, latitude: Double) throws {
        try ValidationError.check(longitude, in: -180...180, field: "longitude", unit: "degrees")
        try ValidationError.check(latitude, in: -90...90, field: "latitude", unit: "degrees")
        self.longitude = longitude
        self.latitude = latitude
    }

    /// Decodes a point with the range checks of ``init(longitude:latitude:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            longitude: container.decode(Double.self, forKey: .longitude),
            latitude: container.decode(Double.self, forKey: .latitude)
        )
    }

    /// `(longitude, latitude)`, for messages and logs.
    public var description: String { "(\(longitude), \(latitude))" }
}
