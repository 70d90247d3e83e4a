import CProj
import MaillageCore

/// Distances on the WGS84 ellipsoid, by Karney's algorithm as PROJ ships it.
///
/// Accurate to the nanometre whatever the distance, unlike the spherical haversine
/// formula (which is off by up to 0.5 %).
public final class Geodesic: @unchecked Sendable {
    // Written once in init, only read afterwards: safe to share between threads.
    private let geodesic: UnsafeMutablePointer<geod_geodesic>

    /// The WGS84 ellipsoid (a = 6,378,137 m, f = 1/298.257223563).
    public static let wgs84 = Geodesic(equatorialRadius: 6_378_137, flattening: 1 / 298.257_223_563)

    /// Geodesics on the ellipsoid of semi-major axis `equatorialRadius` (metres) and `flattening`.
    public init(equatorialRadius: Double, flattening: Double) {
        geodesic = .allocate(capacity: 1)
        geod_init(geodesic, equatorialRadius, flattening)
    }

    deinit { geodesic.deallocate() }

    /// The length in metres of the shortest path between two points on the ellipsoid.
    public func distance(from a: GeoPoint, to b: GeoPoint) -> Double {
        var metres = 0.0
        geod_inverse(geodesic, a.latitude, a.longitude, b.latitude, b.longitude, &metres, nil, nil)
        return metres
    }
}
