import MaillageCore
import MaillageGeo

/// Zones whose catchment reaches past the providers that were loaded (`indicators.md`,
/// "Edge effects"): their values miss the providers just beyond the loaded area.
enum EdgeEffects {
    /// 1 for each zone within `reach` metres of the edge of the sites' bounding box (or
    /// beyond it), else 0: providers outside the box would be in its catchment if they had
    /// been imported.
    static func flags(zones: [GeoPoint], sites: [GeoPoint], reach: Double) -> [Double] {
        guard let box = BoundingBox(enclosing: sites), reach > 0 else { return zones.map { _ in 0 } }
        return zones.map { zone in
            let metric = LocalMetric(centre: zone)
            let edges = [
                metric.distance(latitude: box.minLatitude, longitude: zone.longitude),
                metric.distance(latitude: box.maxLatitude, longitude: zone.longitude),
                metric.distance(latitude: zone.latitude, longitude: box.minLongitude),
                metric.distance(latitude: zone.latitude, longitude: box.maxLongitude),
            ]
            return !box.contains(zone) || (edges.min() ?? 0) < reach ? 1 : 0
        }
    }
}
