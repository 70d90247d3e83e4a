import Foundation
import MaillageCore
import MaillageGeo

/// The area-weighted centroid of a boundary, computed in an equal-area projection.
///
/// Positions are projected through PROJ to ETRS89 / LAEA Europe (EPSG:3035, Lambert
/// azimuthal equal-area), where the planar centroid formula weights every part of the
/// outline by its true area; holes count negatively. The result is projected back to WGS84.
/// EPSG:3035 is exact in area everywhere and its shape distortion is negligible at the
/// scale of a commune in mainland France; for overseas zones it is still equal-area but far
/// from its centre (a local projection would be better there).
final class PolygonCentroid: @unchecked Sendable {
    /// The equal-area projection the centroid is computed in.
    static let crs = "EPSG:3035"
    static let method = "area-weighted centroid of the boundary in EPSG:3035 (equal-area)"

    private let forward: CoordinateTransformer
    private let inverse: CoordinateTransformer

    /// Serialises uses of the shared instance: a PROJ object is not for two threads at once.
    private let lock = NSLock()

    init() throws {
        forward = try CoordinateTransformer(from: CoordinateTransformer.wgs84, to: Self.crs)
        inverse = try CoordinateTransformer(from: Self.crs)
    }

    private static let sharedLock = NSLock()
    nonisolated(unsafe) private static var cached: PolygonCentroid?

    /// One instance for the process: building the two PROJ transformations took about 0.1 s
    /// under AddressSanitizer, so the zones fuzz targets ran about 10 inputs a second, and any
    /// caller importing many small files paid it every time.
    static func shared() throws -> PolygonCentroid {
        try sharedLock.withLock {
            if let cached { return cached }
            let made = try PolygonCentroid()
            cached = made
            return made
        }
    }

    /// The centroid, or a ``ValidationError`` when the outline encloses no area.
    func centroid(of boundary: Boundary) throws -> GeoPoint {
        try lock.withLock { try unlockedCentroid(of: boundary) }
    }

    private func unlockedCentroid(of boundary: Boundary) throws -> GeoPoint {
        var area = 0.0
        var sumX = 0.0
        var sumY = 0.0
        var origin: (x: Double, y: Double)?
        for polygon in boundary.polygons {
            for (index, ring) in polygon.enumerated() {
                var xs = ring.map(\.longitude)
                var ys = ring.map(\.latitude)
                try forward.transform(xs: &xs, ys: &ys)
                // Coordinates are millions of metres: working relative to one vertex keeps
                // the cross products small enough for full double precision.
                let reference = origin ?? (xs[0], ys[0])
                origin = reference
                let part = Self.ringMoments(xs: xs.map { $0 - reference.x }, ys: ys.map { $0 - reference.y })
                // Outer rings add, holes subtract, whatever the winding order in the file.
                let sign = index == 0 ? 1.0 : -1.0
                area += sign * abs(part.area)
                let scale = part.area == 0 ? 0 : sign * abs(part.area) / part.area
                sumX += scale * part.momentX
                sumY += scale * part.momentY
            }
        }
        guard area > 0, let origin else {
            throw ValidationError(field: "boundary", reason: "the outline encloses no area, so it has no centroid")
        }
        let point = try inverse.geoPoint(x: origin.x + sumX / area, y: origin.y + sumY / area)
        // The centroid of a valid outline lies within its envelope; outside, the outline is broken.
        let outer = boundary.outerPoints
        let (west, east) = (outer.map(\.longitude).min() ?? 0, outer.map(\.longitude).max() ?? 0)
        let (south, north) = (outer.map(\.latitude).min() ?? 0, outer.map(\.latitude).max() ?? 0)
        let slack = 1e-9
        guard point.longitude >= west - slack, point.longitude <= east + slack, point.latitude >= south - slack,
            point.latitude <= north + slack
        else {
            throw ValidationError(
                field: "boundary",
                reason:
                    "its centroid (\(point.longitude), \(point.latitude)) falls outside its envelope (longitude \(west)…\(east), latitude \(south)…\(north)): the outline is not a valid polygon"
            )
        }
        return point
    }

    /// The signed area of a closed ring and its first moments (centroid × area), by the shoelace formula.
    static func ringMoments(xs: [Double], ys: [Double]) -> (area: Double, momentX: Double, momentY: Double) {
        var twiceArea = 0.0
        var momentX = 0.0
        var momentY = 0.0
        for k in 0..<(xs.count - 1) {
            let cross = xs[k] * ys[k + 1] - xs[k + 1] * ys[k]
            twiceArea += cross
            momentX += (xs[k] + xs[k + 1]) * cross
            momentY += (ys[k] + ys[k + 1]) * cross
        }
        return (twiceArea / 2, momentX / 6, momentY / 6)
    }
}
