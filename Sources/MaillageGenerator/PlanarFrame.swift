import Foundation
import MaillageCore

/// A local flat frame in km around the territory's centre.
///
/// The generator lays towns out on a plane; an equirectangular projection is accurate to
/// well under 1 % over a few hundred km, plenty for a synthetic territory.
struct PlanarFrame: Sendable {
    let centre: GeoPoint
    private let kmPerDegreeLatitude = 111.32
    private let kmPerDegreeLongitude: Double

    init(centre: GeoPoint) {
        self.centre = centre
        kmPerDegreeLongitude = 111.32 * cos(centre.latitude * .pi / 180)
    }

    func geoPoint(_ p: PlanarPoint) throws -> GeoPoint {
        try GeoPoint(
            longitude: centre.longitude + p.x / kmPerDegreeLongitude,
            latitude: centre.latitude + p.y / kmPerDegreeLatitude
        )
    }
}

/// A position in km east (x) and north (y) of the territory's centre.
struct PlanarPoint: Sendable, Hashable {
    var x: Double
    var y: Double

    func distance(to other: PlanarPoint) -> Double {
        let dx = x - other.x
        let dy = y - other.y
        return (dx * dx + dy * dy).squareRoot()
    }

    /// The point moved inside the square of half-side `half` centred on the origin.
    func clamped(half: Double) -> PlanarPoint {
        PlanarPoint(x: min(max(x, -half), half), y: min(max(y, -half), half))
    }
}
