import MaillageCore
import MaillageGeo

/// Flags points far from the others: coordinates in the wrong system or swapped columns.
enum OutlierCheck {
    /// The distance from the median position beyond which a point is flagged, in km.
    static let limitKm = 300.0

    /// Warnings for the points farther than ``limitKm`` from the median of all of them.
    static func warnings(_ points: [(label: String, point: GeoPoint)]) -> [String] {
        guard points.count >= 3 else { return [] }
        let lons = points.map(\.point.longitude).sorted(), lats = points.map(\.point.latitude).sorted()
        guard let median = try? GeoPoint(longitude: lons[lons.count / 2], latitude: lats[lats.count / 2]) else { return [] }
        return points.compactMap { item in
            let km = Geodesic.wgs84.distance(from: median, to: item.point) / 1000
            guard km > limitKm else { return nil }
            return "\(item.label) lies \(Int(km)) km from the other points (\(item.point)); check its coordinates and CRS"
        }
    }
}
