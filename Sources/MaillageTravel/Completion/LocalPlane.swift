import Foundation
import MaillageCore

/// Kilometres east and north of a region's mean point (equirectangular): within a
/// département it differs from the geodesic distance by well under 1 %, and the model only
/// compares nearby points.
struct LocalPlane: Sendable {
    let latitude: Double
    let longitude: Double
    let eastKmPerDegree: Double
    static let northKmPerDegree = 110.57

    /// The plane centred on the mean of `points` (at least one).
    init(around points: [GeoPoint]) {
        let count = Double(max(points.count, 1))
        latitude = points.reduce(0) { $0 + $1.latitude } / count
        longitude = points.reduce(0) { $0 + $1.longitude } / count
        eastKmPerDegree = 111.32 * cos(latitude * .pi / 180)
    }

    func km(_ point: GeoPoint) -> SIMD2<Double> {
        SIMD2((point.longitude - longitude) * eastKmPerDegree, (point.latitude - latitude) * Self.northKmPerDegree)
    }
}
