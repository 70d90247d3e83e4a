/// The outline of a zone: one or more polygons, each an outer ring and optional holes.
///
/// This is the GeoJSON (RFC 7946) MultiPolygon model; a Polygon is a MultiPolygon of one.
/// Rings are closed (first point repeated last) and hold at least four points.
public struct Boundary: Sendable, Hashable, Codable {
    /// A closed sequence of points.
    public typealias Ring = [GeoPoint]
    /// An outer ring followed by its holes.
    public typealias Polygon = [Ring]

    /// The polygons, in the order the source gave them.
    public let polygons: [Polygon]

    /// An outline of one or more polygons.
    ///
    /// - Throws: ``ValidationError`` when there is no polygon, or a ring is open or has fewer than four points.
    public init(polygons: [Polygon]) throws {
        guard !polygons.isEmpty else {
            throw ValidationError(field: "boundary", reason: "a boundary needs at least one polygon")
        }
        for (p, polygon) in polygons.enumerated() {
            guard !polygon.isEmpty else {
                throw ValidationError(field: "boundary.polygon[\(p)]", reason: "a polygon needs an outer ring")
            }
            for (r, ring) in polygon.enumerated() {
                guard ring.count >= 4, ring.first == ring.last else {
                    throw ValidationError(
                        field: "boundary.polygon[\(p)].ring[\(r)]",
                        reason: "a ring needs at least 4 points and must end where it starts"
                    )
                }
            }
        }
        self.polygons = polygons
    }

    /// All outer-ring points, for bounding boxes and map extents.
    public var outerPoints: [GeoPoint] { polygons.flatMap { $0.first ?? [] } }
}

extension Boundary {
    /// Decodes a boundary with the same checks as ``init(polygons:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(polygons: container.decode([Polygon].self, forKey: .polygons))
    }
}
