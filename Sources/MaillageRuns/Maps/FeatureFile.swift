import Foundation

/// A GeoJSON FeatureCollection a command wrote, read back feature by feature.
///
/// Each feature's geometry and properties are decoded on their own, so that a reader can say
/// which feature is wrong (`feature 3 has no minutes`) rather than refuse the whole file.
public struct FeatureFile<Properties: Decodable, Geometry: Decodable>: Decodable {
    /// One feature: nil where its part is missing or not of the expected shape.
    public struct Feature: Decodable {
        /// The feature's id, if it has one.
        public var id: String?
        /// The geometry, nil when missing or not of the expected type.
        public var geometry: Geometry?
        /// The properties, nil when missing or not readable as `Properties`.
        public var properties: Properties?

        enum CodingKeys: String, CodingKey { case id, geometry, properties }

        /// Reads a feature part by part, keeping nil for a part that is missing or malformed.
        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try? container.decodeIfPresent(String.self, forKey: .id)
            geometry = try? container.decodeIfPresent(Geometry.self, forKey: .geometry)
            properties = try? container.decodeIfPresent(Properties.self, forKey: .properties)
        }
    }

    /// The features, in file order.
    public var features: [Feature]

    /// Reads `path`; nil with the reason when it is missing or not a FeatureCollection.
    public static func read(_ path: String) -> Result<Self, RunFileError> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(RunFileError(path: path, reason: "the file does not exist or cannot be read"))
        }
        guard let file = try? JSONDecoder().decode(Self.self, from: data) else {
            return .failure(RunFileError(path: path, reason: "it is not a GeoJSON FeatureCollection"))
        }
        return .success(file)
    }
}

/// A GeoJSON Point: longitude, latitude.
public struct PointGeometry: Decodable, Sendable {
    /// Degrees east (WGS84).
    public var longitude: Double
    /// Degrees north (WGS84).
    public var latitude: Double

    enum CodingKeys: String, CodingKey { case type, coordinates }

    /// Reads a GeoJSON Point, refusing another type or fewer than two coordinates.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let coordinates = try container.decode([Double].self, forKey: .coordinates)
        guard try container.decode(String.self, forKey: .type) == "Point", coordinates.count >= 2 else {
            throw DecodingError.dataCorruptedError(forKey: .coordinates, in: container, debugDescription: "not a Point")
        }
        (longitude, latitude) = (coordinates[0], coordinates[1])
    }
}

/// A GeoJSON MultiPolygon: polygons of rings of [longitude, latitude].
public struct MultiPolygonGeometry: Decodable, Sendable {
    /// Polygons, each a list of rings (outer first), each a list of [longitude, latitude] pairs.
    public var polygons: [[[[Double]]]]

    enum CodingKeys: String, CodingKey { case type, coordinates }

    /// Reads a GeoJSON MultiPolygon, refusing another geometry type.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard try container.decode(String.self, forKey: .type) == "MultiPolygon" else {
            throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: "not a MultiPolygon")
        }
        polygons = try container.decode([[[[Double]]]].self, forKey: .coordinates)
    }
}

/// Any JSON value, not read: a geometry a reader does not draw, an event it only counts.
public struct AnyJSON: Decodable, Sendable {
    /// Accepts any JSON value without reading it.
    public init(from decoder: Decoder) throws {}
}
