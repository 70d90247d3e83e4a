import Foundation
import MaillageCore
import MaillageFormats

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

    /// Reads the features one by one from a ``JSONByteReader``: memory holds one feature's
    /// JSON at a time, and the zones read so far with their boundaries as points.
    func read() throws -> [ZoneDraft] {
        do {
            return try readCollection(JSONByteReader(path: path))
        } catch let error as JSONSyntaxError {
            throw ImportError(
                file: path, line: error.line,
                expected: "valid JSON (a GeoJSON FeatureCollection); it cannot be parsed: \(error)")
        }
    }

    /// The top-level FeatureCollection; its `type` may come before or after `features`.
    private func readCollection(_ json: JSONByteReader) throws -> [ZoneDraft] {
        guard try json.peekToken() == UInt8(ascii: "{") else {
            _ = try json.value()  // valid JSON, but not an object: say so after checking it parses
            try json.finish()
            throw ImportError(
                file: path, field: "type", value: "none",
                expected: "a GeoJSON FeatureCollection (\"type\": \"FeatureCollection\")")
        }
        var type: String?
        var drafts: [ZoneDraft]?
        try json.members { key in
            switch key {
            case "type":
                type = try json.value() as? String
            case "features" where try json.peekToken() == UInt8(ascii: "["):
                var list: [ZoneDraft] = []
                try json.elements { index in list.append(try draft(json, index: index)) }
                drafts = list
            default:
                try json.skip()
            }
        }
        try json.finish()
        guard type == "FeatureCollection" else {
            throw ImportError(
                file: path, field: "type", value: type ?? "none",
                expected: "a GeoJSON FeatureCollection (\"type\": \"FeatureCollection\")")
        }
        guard let drafts else { throw ImportError(file: path, field: "features", expected: "an array of features") }
        return drafts
    }

    /// One feature, read whole (its type, id and properties may come in any order) and turned into a draft.
    private func draft(_ json: JSONByteReader, index: Int) throws -> ZoneDraft {
        let place = FeatureProperties.path(index, nil)
        guard try json.peekToken() == UInt8(ascii: "{") else {
            try json.skip()  // a syntax error here is said as such
            throw ImportError(file: path, field: place, expected: "a GeoJSON Feature object")
        }
        var type: String?
        var id: Any?
        var values: [String: Any] = [:]
        var geometry: GeoJSONGeometry?
        try json.members { key in
            switch key {
            case "type": type = try json.value() as? String
            case "id": id = try json.value()
            case "properties": values = try json.value() as? [String: Any] ?? [:]
            case "geometry": geometry = try GeoJSONGeometry.read(json)
            default: try json.skip()
            }
        }
        guard type == "Feature" else {
            throw ImportError(file: path, field: place, expected: "a GeoJSON Feature object")
        }
        var properties = FeatureProperties(file: path, index: index, values: values)
        if properties.string(columns.id ?? "id") == nil, columns.id == nil, let id, !(id is NSNull) {
            // RFC 7946 lets a feature carry its id beside the properties.
            properties = FeatureProperties(
                file: path, index: index, values: properties.values.merging(["id": id]) { $1 })
        }
        let layout: ZoneFieldLayout
        do {
            layout = try ZoneFieldLayout(names: properties.names, columns: columns)
        } catch let error as ValidationError {
            throw properties.error(error.field, value: nil, expected: error.reason)
        }
        var draft = try ZoneDraft.read(properties, layout: layout, line: nil, place: place)
        let (boundary, geometryPoint) = try self.geometry(geometry, index: index)
        if let boundary, let problem = RingCrossing.problem(boundary) {
            throw ImportError(file: path, field: "\(place).geometry", expected: problem)
        }
        draft.boundary = boundary
        if let lat = try properties.double("lat") ?? properties.double("latitude"),
            let lon = try properties.double("lon") ?? properties.double("longitude")
        {
            do {
                draft.point = try GeoPoint(longitude: lon, latitude: lat)
            } catch let error as ValidationError {
                throw properties.error(
                    "lat, lon", value: "\(lat), \(lon)", expected: "a WGS84 position (\(error.reason))")
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
    private func geometry(_ value: GeoJSONGeometry?, index: Int) throws -> (Boundary?, GeoPoint?) {
        let field = "\(FeatureProperties.path(index, nil)).geometry"
        guard let geometry = value else {
            throw ImportError(
                file: path, field: field, expected: "a Polygon, MultiPolygon or Point geometry; the feature has none")
        }
        if geometry.type == "Point" {
            guard let point = geometry.point() else {
                throw ImportError(
                    file: path, field: "\(field).coordinates", expected: "a WGS84 [longitude, latitude] position")
            }
            return (nil, point)
        }
        guard geometry.type == "Polygon" || geometry.type == "MultiPolygon" else {
            throw ImportError(
                file: path, field: "\(field).type", value: geometry.type ?? "none",
                expected: "a Polygon, MultiPolygon or Point geometry")
        }
        do {
            return (try geometry.boundary(), nil)
        } catch let error as ValidationError {
            let inner =
                error.field.hasPrefix("boundary.") ? String(error.field.dropFirst("boundary.".count)) : error.field
            throw ImportError(file: path, field: "\(field).\(inner)", expected: error.reason)
        }
    }
}
