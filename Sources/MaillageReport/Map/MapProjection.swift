import MaillageCore
import MaillageGeo

/// The plane a map is drawn in: Lambert-93 for metropolitan France, Web Mercator elsewhere.
///
/// Lambert-93 (EPSG:2154) is the official projection of metropolitan France: conformal, with
/// true distances along 44° and 49° N, so a commune map looks as a French planner knows it.
/// Overseas territories and anywhere else fall back on Web Mercator (EPSG:3857).
package struct MapProjection: Sendable {
    /// A point of the plane, in metres of the projection.
    package struct Point: Sendable, Equatable {
        /// Easting, in metres.
        package var x: Double
        /// Northing, in metres.
        package var y: Double

        /// A point of the plane.
        package init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// The CRS, such as `EPSG:2154`.
    package let crs: String
    /// How the report names it (`Lambert-93 (EPSG:2154)`).
    package let name: String
    private let transformer: CoordinateTransformer

    /// Lambert-93's code, for metropolitan France.
    package static let lambert93 = "EPSG:2154"
    /// Web Mercator's code, for everywhere else.
    package static let webMercator = "EPSG:3857"

    /// Lambert-93's area of use (EPSG): metropolitan France and Corsica, with its coastal waters.
    static let lambert93Area = BoundingBox(
        minLongitude: -9.86, minLatitude: 41.15, maxLongitude: 10.38, maxLatitude: 51.56)

    /// The projection that suits a territory whose points lie in `box`.
    package static func suited(to box: BoundingBox?) throws -> MapProjection {
        guard let box else { return try MapProjection(crs: webMercator) }
        let area = lambert93Area
        let inMetropole =
            box.minLongitude >= area.minLongitude && box.maxLongitude <= area.maxLongitude
            && box.minLatitude >= area.minLatitude && box.maxLatitude <= area.maxLatitude
        return try MapProjection(crs: inMetropole ? lambert93 : webMercator)
    }

    /// Prepares the transformation from WGS84 to `crs`.
    ///
    /// - Throws: `ProjError` when PROJ does not know the CRS.
    package init(crs: String) throws {
        self.crs = crs
        name =
            switch crs {
            case Self.lambert93: "Lambert-93 (EPSG:2154)"
            case Self.webMercator: "Web Mercator (EPSG:3857)"
            default: crs
            }
        transformer = try CoordinateTransformer(from: CoordinateTransformer.wgs84, to: crs)
    }

    /// Projects many points in one call into PROJ.
    ///
    /// - Throws: `ProjError` naming the first point PROJ cannot project.
    package func project(_ points: [GeoPoint]) throws -> [Point] {
        var xs = points.map(\.longitude)
        var ys = points.map(\.latitude)
        try transformer.transform(xs: &xs, ys: &ys)
        return zip(xs, ys).map { Point(x: $0, y: $1) }
    }

    /// Projects one point.
    package func project(_ point: GeoPoint) throws -> Point {
        let (x, y) = try transformer.transform(x: point.longitude, y: point.latitude)
        return Point(x: x, y: y)
    }
}
