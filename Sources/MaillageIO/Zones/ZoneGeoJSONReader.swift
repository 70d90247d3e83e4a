import Foundation
import MaillageCore

/// Reads zones from a GeoJSON (RFC 7946) FeatureCollection of Polygon/MultiPolygon features.
///
/// Properties follow the zones CSV (`id`, `name`, `population`, `density_class`,
/// `population.<band>`), with other names given by ``ZoneColumns`` (IGN's boundary files
/// use `code` and `nom`). The zone's point is the boundary's area-weighted centroid
/// (``PolygonCentroid``) unless the feature has `lat`/`lon` properties.
struct ZoneGeoJSONReader {
    let path: String
    let columns: ZoneColumns
    let centroid: PolygonCentroid

    func read() throws -> [ZoneDraft] {
        let features = try featureList()
        return try features.enumerated().map { index, feature in try draft(feature, index: index) }
    }

    /// The `features` array of the top-level FeatureCollection.
    private func featureList() throws -> [Any] {
        guard let data = FileManager.default.contents(atPath: path) else { throw FileAccessError.missing(path) }
        let top: Any
        do {
            top = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw ImportError(file: path, expected: "valid JSON (a GeoJSON FeatureCollection); it cannot be parsed: \(error.localizedDescription)")
        }
        guard let object = top as? [String: Any], object["type"] as? String == "FeatureCollection" else {
            let type = (top as? [String: Any])?["type"] as? String
            throw ImportError(file: path, field: "type", value: type ?? "none",
                              expected: "a GeoJSON FeatureCollection (\"type\": \"FeatureCollection\")")
        }
        guard let features = object["features"] as? [Any] else {
            throw ImportError(file: path, field: "features", expected: "an array of features")
        }
        return features
    }

    private func draft(_ value: Any, index: Int) throws -> ZoneDraft {
        let place = FeatureProperties.path(index, nil)
        guard let feature = value as? [String: Any], feature["type"] as? String == "Feature" else {
            throw ImportError(file: path, field: place, expected: "a GeoJSON Feature object")
        }
        var properties = FeatureProperties(file: path, index: index, values: feature["properties"] as? [String: Any] ?? [:])
        if properties.string(columns.id ?? "id") == nil, columns.id == nil, let id = feature["id"] {
            // RFC 7946 lets a feature carry its id beside the properties.
            properties = FeatureProperties(file: path, index: index, values: properties.values.merging(["id": id]) { $1 })
        }
        let layout: ZoneFieldLayout
        do {
            layout = try ZoneFieldLayout(names: properties.names, columns: columns)
        } catch let error as ValidationError {
            throw properties.error(error.field, value: nil, expected: error.reason)
        }
        var draft = try ZoneDraft.read(properties, layout: layout, line: nil, place: place)
        let (boundary, geometryPoint) = try self.geometry(feature["geometry"], index: index)
        draft.boundary = boundary
        if let lat = try properties.double("lat") ?? properties.double("latitude"),
           let lon = try properties.double("lon") ?? properties.double("longitude") {
            do {
                draft.point = try GeoPoint(longitude: lon, latitude: lat)
            } catch let error as ValidationError {
                throw properties.error("lat, lon", value: "\(lat), \(lon)", expected: "a WGS84 position (\(error.reason))")
            }
        } else if let geometryPoint {
            draft.point = geometryPoint
        } else if let boundary {
            do {
                draft.point = try centroid.centroid(of: boundary)
            } catch let error as ValidationError {
                throw ImportError(file: path, field: "\(place).geometry", expected: error.reason)
            }
            draft.pointIsCentroid = true
        }
        return draft
    }

    /// A polygonal geometry becomes the zone's boundary; a Point (a zone known only by its
    /// point, as `export zones` writes it) becomes its point.
    private func geometry(_ value: Any?, index: Int) throws -> (Boundary?, GeoPoint?) {
        let field = "\(FeatureProperties.path(index, nil)).geometry"
        guard let geometry = value as? [String: Any] else {
            throw ImportError(file: path, field: field, expected: "a Polygon, MultiPolygon or Point geometry; the feature has none")
        }
        let type = geometry["type"] as? String
        if type == "Point" {
            guard let position = geometry["coordinates"] as? [Any], position.count >= 2,
                  let x = (position[0] as? NSNumber)?.doubleValue, let y = (position[1] as? NSNumber)?.doubleValue,
                  let point = try? GeoPoint(longitude: x, latitude: y)
            else { throw ImportError(file: path, field: "\(field).coordinates", expected: "a WGS84 [longitude, latitude] position") }
            return (nil, point)
        }
        guard type == "Polygon" || type == "MultiPolygon" else {
            throw ImportError(file: path, field: "\(field).type", value: type ?? "none", expected: "a Polygon, MultiPolygon or Point geometry")
        }
        do {
            return (try Boundary(geoJSONGeometry: geometry), nil)
        } catch let error as ValidationError {
            let inner = error.field.hasPrefix("boundary.") ? String(error.field.dropFirst("boundary.".count)) : error.field
            throw ImportError(file: path, field: "\(field).\(inner)", expected: error.reason)
        }
    }
}
