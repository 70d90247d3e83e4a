import Foundation
import MaillageCore

/// Fast distances around one place, on the WGS84 ellipsoid, for the many short pairs of a
/// catchment search.
///
/// Around a centre latitude φ₀ the ellipsoid is locally flat with a metre per degree of
/// latitude of `M(φ₀)` (meridian radius) and of longitude `N(φ₀)·cos φ` (normal radius), the
/// cosine taken at the pair's mid-latitude to first order. Within 100 km the result differs
/// from the exact geodesic (Karney, through PROJ) by less than 0.05 % (tested), at a few
/// nanoseconds a pair instead of about a microsecond.
package struct LocalMetric: Sendable {
    @usableFromInline let latitude: Double
    @usableFromInline let longitude: Double
    @usableFromInline let metresPerRadianLatitude: Double
    @usableFromInline let normalRadius: Double
    @usableFromInline let cosine: Double
    @usableFromInline let sine: Double

    private static let a = 6_378_137.0
    private static let e2 = (2 - 1 / 298.257_223_563) / 298.257_223_563

    /// A metric accurate near `centre`: the ellipsoid's radii of curvature there.
    package init(centre: GeoPoint) {
        latitude = centre.latitude
        longitude = centre.longitude
        let phi = centre.latitude * .pi / 180
        sine = sin(phi)
        cosine = cos(phi)
        let w = 1 - Self.e2 * sine * sine
        normalRadius = Self.a / w.squareRoot()
        metresPerRadianLatitude = Self.a * (1 - Self.e2) / (w * w.squareRoot())
    }

    /// Metres from the centre to a point.
    @inlinable
    package func distance(latitude lat: Double, longitude lon: Double) -> Double {
        let dPhi = (lat - latitude) * .pi / 180
        var dLambda = (lon - longitude) * .pi / 180
        if dLambda > .pi { dLambda -= 2 * .pi } else if dLambda < -.pi { dLambda += 2 * .pi }
        let y = metresPerRadianLatitude * dPhi
        let x = normalRadius * (cosine - sine * dPhi / 2) * dLambda
        return (x * x + y * y).squareRoot()
    }
}
