import Foundation

extension Boundary {
    /// The boundary as a GeoJSON (RFC 7946) MultiPolygon geometry, in compact text.
    ///
    /// Numbers are written in Swift's shortest round-trip form, so the text is the same
    /// for the same boundary on every machine.
    public var geoJSONGeometry: String {
        let polygons = polygons.map { polygon in
            "["
                + polygon.map { ring in
                    "[" + ring.map { "[\($0.longitude),\($0.latitude)]" }.joined(separator: ",") + "]"
                }.joined(separator: ",") + "]"
        }
        return #"{"type":"MultiPolygon","coordinates":["# + polygons.joined(separator: ",") + "]}"
    }

    /// Reads a GeoJSON Polygon or MultiPolygon geometry from its text.
    public init(geoJSON text: String) throws {
        guard let data = text.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else {
            throw ValidationError(field: "boundary", reason: "is not a JSON object")
        }
        try self.init(geoJSONGeometry: object)
    }

    /// Reads a GeoJSON Polygon or MultiPolygon geometry already parsed into a dictionary.
    public init(geoJSONGeometry object: [String: Any]) throws {
        let type = object["type"] as? String
        let coordinates = object["coordinates"]
        switch type {
        case "Polygon":
            try self.init(polygons: [Self.polygon(coordinates)])
        case "MultiPolygon":
            guard let list = coordinates as? [Any] else { throw Self.malformed("MultiPolygon coordinates") }
            try self.init(polygons: list.map(Self.polygon))
        default:
            throw ValidationError(
                field: "boundary.type",
                reason: "'\(type ?? "none")' is not a Polygon or MultiPolygon geometry"
            )
        }
    }

    private static func polygon(_ value: Any?) throws -> Polygon {
        guard let rings = value as? [Any] else { throw malformed("polygon") }
        return try rings.map { ring in
            guard let positions = ring as? [Any] else { throw malformed("ring") }
            return try positions.map { position in
                guard let pair = position as? [Any], pair.count >= 2,
                    let x = (pair[0] as? NSNumber)?.doubleValue,
                    let y = (pair[1] as? NSNumber)?.doubleValue
                else { throw malformed("position") }
                return try GeoPoint(longitude: x, latitude: y)
            }
        }
    }

    private static func malformed(_ what: String) -> ValidationError {
        ValidationError(field: "boundary.coordinates", reason: "a \(what) is not an array of the expected depth")
    }
}
