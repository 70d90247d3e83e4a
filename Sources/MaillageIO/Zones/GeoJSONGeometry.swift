import MaillageCore
import MaillageFormats

/// A feature's geometry as read from the file: its type and its coordinates, positions kept
/// as number pairs (not as arrays of Foundation numbers), one feature at a time.
struct GeoJSONGeometry {
    /// Nested coordinate arrays; a position is an array of two or more numbers.
    enum Coordinates {
        case position(Double, Double)
        case list([Coordinates])
        /// Anything else where coordinates were expected (a string, a one-number position…).
        case invalid
    }

    var type: String?
    var coordinates: Coordinates?

    /// Reads the geometry object that starts at the reader's position; nil for `null` or a
    /// value that is not an object.
    static func read(_ json: JSONByteReader) throws -> GeoJSONGeometry? {
        guard try json.peekToken() == UInt8(ascii: "{") else {
            try json.skip()
            return nil
        }
        var geometry = GeoJSONGeometry()
        try json.members { key in
            switch key {
            case "type": geometry.type = try json.value() as? String
            case "coordinates": geometry.coordinates = try coordinates(json)
            default: try json.skip()
            }
        }
        return geometry
    }

    private static func coordinates(_ json: JSONByteReader) throws -> Coordinates {
        guard try json.peekToken() == UInt8(ascii: "[") else {
            try json.skip()
            return .invalid
        }
        var children: [Coordinates] = []
        var numbers: [Double] = []
        var mixed = false
        try json.elements { _ in
            switch try json.peekToken() ?? 0 {
            case UInt8(ascii: "["): children.append(try coordinates(json))
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): numbers.append(try json.number())
            default:
                try json.skip()
                mixed = true
            }
        }
        if numbers.isEmpty, !mixed { return .list(children) }
        guard children.isEmpty, !mixed, numbers.count >= 2 else { return .invalid }
        return .position(numbers[0], numbers[1])
    }

    /// The polygons of a Polygon or MultiPolygon, with the errors ``Boundary`` gives for a
    /// dictionary (`boundary.coordinates`, `boundary.type`).
    func boundary() throws -> Boundary {
        switch type {
        case "Polygon":
            return try Boundary(polygons: [Self.polygon(coordinates)])
        case "MultiPolygon":
            guard case .list(let polygons) = coordinates else { throw Self.malformed("MultiPolygon coordinates") }
            return try Boundary(polygons: polygons.map(Self.polygon))
        default:
            throw ValidationError(
                field: "boundary.type", reason: "'\(type ?? "none")' is not a Polygon or MultiPolygon geometry")
        }
    }

    /// The point of a Point geometry, nil when its coordinates are not a WGS84 position.
    func point() -> GeoPoint? {
        guard case .position(let x, let y) = coordinates else { return nil }
        return try? GeoPoint(longitude: x, latitude: y)
    }

    private static func polygon(_ value: Coordinates?) throws -> Boundary.Polygon {
        guard case .list(let rings) = value else { throw malformed("polygon") }
        return try rings.map { ring in
            guard case .list(let positions) = ring else { throw malformed("ring") }
            return try positions.map { position in
                guard case .position(let x, let y) = position else { throw malformed("position") }
                return try GeoPoint(longitude: x, latitude: y)
            }
        }
    }

    private static func malformed(_ what: String) -> ValidationError {
        ValidationError(field: "boundary.coordinates", reason: "a \(what) is not an array of the expected depth")
    }
}
