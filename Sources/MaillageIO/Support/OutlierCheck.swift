import MaillageCore
import MaillageGeo

/// Flags points far from the others: coordinates in the wrong system or swapped columns.
enum OutlierCheck {
    /// The distance from the median position beyond which a point is flagged, in km.
    static let limitKm = 300.0
    /// Below this many points there is no "the others" to compare with.
    static let minimumPoints = 3

    /// Warnings for the points farther than ``limitKm`` from the median of all of them.
    static func warnings(_ points: [(label: String, point: GeoPoint)]) -> [String] {
        guard points.count >= minimumPoints else { return [] }
        let lons = points.map(\.point.longitude).sorted()
        let lats = points.map(\.point.latitude).sorted()
        guard let median = try? GeoPoint(longitude: lons[lons.count / 2], latitude: lats[lats.count / 2]) else {
            return []
        }
        return points.compactMap { item in warning(item.label, item.point, from: median) }
    }

    /// The warning for one point, or nil when it lies within ``limitKm`` of `median`.
    static func warning(_ label: String, _ point: GeoPoint, from median: GeoPoint) -> String? {
        let km = Geodesic.wgs84.distance(from: median, to: point) / 1000
        return km > limitKm ? text(label, point, km: km) : nil
    }

    private static func text(_ label: String, _ point: GeoPoint, km: Double) -> String {
        "\(label) lies \(Int(km)) km from the other points (\(point)); check its coordinates and CRS"
    }

    /// Warnings gathered point by point, the first ``namedLimit`` by name and the rest counted,
    /// so that a file of millions of misplaced points does not make millions of lines.
    struct Collector {
        static let namedLimit = 50
        private(set) var named: [String] = []
        private var more = 0

        mutating func check(_ label: @autoclosure () -> String, _ point: GeoPoint, from median: GeoPoint) {
            let km = Geodesic.wgs84.distance(from: median, to: point) / 1000
            guard km > OutlierCheck.limitKm else { return }
            if named.count < Self.namedLimit {
                named.append(OutlierCheck.text(label(), point, km: km))
            } else {
                more += 1
            }
        }

        var lines: [String] {
            more == 0
                ? named
                : named + [
                    "\(more) more points lie over \(Int(OutlierCheck.limitKm)) km from the others; check their coordinates and CRS"
                ]
        }
    }
}
