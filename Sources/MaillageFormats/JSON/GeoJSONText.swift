import MaillageCore

/// GeoJSON (RFC 7946) pieces as text: geometries and features, in WGS84 longitude/latitude
/// with 6 decimals (about 0.1 m), keys in a fixed order so the same territory gives the same bytes.
package enum GeoJSONText {
    /// A position `[lon,lat]` with 6 decimals.
    package static func position(_ point: GeoPoint) -> String {
        "[\(NumberText.coordinate(point.longitude)),\(NumberText.coordinate(point.latitude))]"
    }

    /// A Point geometry.
    package static func point(_ point: GeoPoint) -> String {
        #"{"type":"Point","coordinates":"# + position(point) + "}"
    }

    /// A LineString geometry.
    package static func lineString(_ points: [GeoPoint]) -> String {
        #"{"type":"LineString","coordinates":["# + points.map(position).joined(separator: ",") + "]}"
    }

    /// A Polygon for a one-polygon boundary, else a MultiPolygon, with right-handed rings.
    package static func boundary(_ boundary: Boundary) -> String {
        let polygons = boundary.polygons.map { polygon in
            "["
                + RingOrientation.rightHanded(polygon).map { ring in
                    "[" + ring.map(position).joined(separator: ",") + "]"
                }.joined(separator: ",") + "]"
        }
        if polygons.count == 1 { return #"{"type":"Polygon","coordinates":"# + polygons[0] + "}" }
        return #"{"type":"MultiPolygon","coordinates":["# + polygons.joined(separator: ",") + "]}"
    }

    /// A Feature with its id, geometry text and properties in the given order.
    package static func feature(id: String, geometry: String, properties: [(String, JSONValue)]) -> String {
        feature(
            id: id, geometry: geometry,
            members: properties.map { JSONValue.quoted($0.0) + ":" + $0.1.text }.joined(separator: ","))
    }

    /// A Feature with its id, geometry text and the properties' members as JSON text (`"k":v,…`).
    package static func feature(id: String, geometry: String, members: String) -> String {
        #"{"type":"Feature","id":"# + JSONValue.quoted(id) + #","geometry":"# + geometry + #","properties":{"#
            + members + "}}"
    }

    /// Writes a FeatureCollection, one feature per line; a lazy sequence keeps one feature's text in memory at a time.
    package static func writeCollection<Features: Sequence<String>>(_ features: Features, to stream: BufferedFileStream)
        throws
    {
        try stream.write(#"{"type":"FeatureCollection","features":["# + "\n")
        for (index, feature) in features.enumerated() {
            try stream.write((index > 0 ? ",\n" : "") + feature)
        }
        try stream.write("\n]}\n")
    }

    /// Writes a FeatureCollection of up to `count` features, one per line, each appended as
    /// bytes by `appendFeature` into one reused buffer; a feature it declines (false) is left out.
    package static func writeCollection(
        count: Int, to stream: BufferedFileStream, appendFeature: (Int, inout [UInt8]) -> Bool
    ) throws {
        try stream.write(#"{"type":"FeatureCollection","features":["# + "\n")
        var buffer: [UInt8] = []
        var written = 0
        for index in 0..<count {
            buffer.removeAll(keepingCapacity: true)
            if written > 0 { buffer += ",\n".utf8 }
            guard appendFeature(index, &buffer) else { continue }
            try stream.write(bytes: buffer)
            written += 1
        }
        try stream.write("\n]}\n")
    }
}
