import Foundation
import MaillageCore

/// A regular grid of nodes `kilometres` apart on an equirectangular plane centred on a set of
/// points (x east, y north), `marginKilometres` and one cell of margin around them, and one more
/// ring of nodes that contours treat as unreachable so that every ring closes inside the grid.
struct PlanarGrid: Sendable {
    let centre: GeoPoint
    let kilometres: Double
    let columns: Int
    let rows: Int
    /// The plane's origin (node 0, 0) in km from the centre.
    let originX: Double
    let originY: Double
    /// The nodes in WGS84, row by row from the south-west.
    let nodes: [GeoPoint]

    static let kmPerDegree = SpatialWeights.earthRadiusKm * .pi / 180
    static let maximumNodes = 4_000_000

    init(around points: [GeoPoint], kilometres: Double, marginKilometres: Double = 0) throws {
        guard let box = BoundingBox(enclosing: points) else {
            throw AccessError.invalidInput("no place to draw isochrones around")
        }
        centre = try GeoPoint(
            longitude: (box.minLongitude + box.maxLongitude) / 2, latitude: (box.minLatitude + box.maxLatitude) / 2)
        self.kilometres = kilometres
        let cosine = cos(centre.latitude * .pi / 180)
        let halfWidth = (box.maxLongitude - box.minLongitude) / 2 * Self.kmPerDegree * cosine + marginKilometres
        let halfHeight = (box.maxLatitude - box.minLatitude) / 2 * Self.kmPerDegree + marginKilometres
        // Two cells beyond the points: one of margin, one of border.
        columns = Int((2 * halfWidth / kilometres).rounded(.up)) + 5
        rows = Int((2 * halfHeight / kilometres).rounded(.up)) + 5
        guard columns * rows <= Self.maximumNodes else {
            throw AccessError.needsSetting(
                "a \(kilometres) km grid over this territory needs \(columns * rows) nodes (at most \(Self.maximumNodes)): "
                    + "choose a larger grid cell",
                SettingHint("grid_km")
            )
        }
        originX = -Double(columns - 1) / 2 * kilometres
        originY = -Double(rows - 1) / 2 * kilometres
        var nodes: [GeoPoint] = []
        nodes.reserveCapacity(columns * rows)
        let (x0, y0, c) = (originX, originY, centre)
        for i in 0..<rows {
            for j in 0..<columns {
                nodes.append(
                    try Self.geoPoint(x: x0 + Double(j) * kilometres, y: y0 + Double(i) * kilometres, centre: c))
            }
        }
        self.nodes = nodes
    }

    static func geoPoint(x: Double, y: Double, centre: GeoPoint) throws -> GeoPoint {
        let latitude = centre.latitude + y / kmPerDegree
        return try GeoPoint(
            longitude: centre.longitude + x / (kmPerDegree * cos(centre.latitude * .pi / 180)),
            latitude: min(90, max(-90, latitude)))
    }

    /// A point in grid coordinates (fractional column and row) in WGS84.
    func geoPoint(_ point: MarchingSquares.Point) throws -> GeoPoint {
        try Self.geoPoint(x: originX + point.x * kilometres, y: originY + point.y * kilometres, centre: centre)
    }

    /// Node values as rows.
    func rows(of values: [Double]) -> [[Double]] {
        (0..<rows).map { Array(values[($0 * columns)..<(($0 + 1) * columns)]) }
    }

    /// Sets the outermost ring of nodes to a value beyond every limit.
    func closeBorder(_ values: inout [[Double]], with outside: Double) {
        for i in 0..<rows {
            values[i][0] = outside
            values[i][columns - 1] = outside
        }
        for j in 0..<columns {
            values[0][j] = outside
            values[rows - 1][j] = outside
        }
    }

    /// The longest true (great-circle) diagonal of a cell: the plane stretches east–west distances
    /// away from the centre's latitude.
    var longestDiagonalKm: Double {
        let corners = [0, rows - 2].compactMap { i -> Double? in
            let a = nodes[i * columns]
            let b = nodes[(i + 1) * columns + 1]
            let c = nodes[i * columns + 1]
            let d = nodes[(i + 1) * columns]
            return max(SpatialWeights.greatCircleKm(a, b), SpatialWeights.greatCircleKm(c, d))
        }
        return corners.max() ?? kilometres * 2.0.squareRoot()
    }
}
