import MaillageCore
import MaillageGeo

/// Exact nearest site by straight-line travel time, without a time limit.
///
/// The nearest site by distance gives an upper bound `t₁` on the best time; any site that
/// could beat it lies within the model's reach for `t₁`, so one radius query settles it.
package enum NearestByLine {
    /// The nearest site of each zone by straight-line time, nil only when there is no site.
    package static func compute(
        zones: [StraightLinePairs.Place], sites: [StraightLinePairs.Place], model: StraightLineModel
    ) -> [NearestSite?] {
        guard !sites.isEmpty else { return zones.map { _ in nil } }
        let grid = SpatialGrid(points: sites.map(\.point), cellKilometres: 10)
        return zones.map { zone in
            guard let closest = grid.nearest(to: zone.point, count: 1).first else { return nil }
            let bound = model.minutes(metres: closest.metres, from: zone.density, to: sites[closest.index].density)
            var best = NearestSite(site: closest.index, minutes: bound)
            grid.forEach(within: model.reach(minutes: bound), of: zone.point) { site, metres in
                let minutes = model.minutes(metres: metres, from: zone.density, to: sites[site].density)
                if minutes < best.minutes || (minutes == best.minutes && site < best.site) {
                    best = NearestSite(site: site, minutes: minutes)
                }
            }
            return best
        }
    }
}
