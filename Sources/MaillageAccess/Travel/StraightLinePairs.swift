import Dispatch
import MaillageCore
import MaillageGeo

/// Builds the sparse zone–site graph from the straight-line travel model.
///
/// Only pairs within the time limit are ever measured: a spatial grid over the sites returns
/// the candidates within the model's reach, so 35,000 zones × 100,000 sites never become a
/// dense matrix. Zones are split into chunks worked on in parallel; the rows are joined in
/// chunk order, so the graph is identical whatever the number of threads.
public enum StraightLinePairs {
    /// A zone or a site as the line model sees it: a point and its density class.
    public struct Place: Sendable {
        /// Where the place is.
        public var point: GeoPoint
        /// Its INSEE density level, which scales the model's speeds; nil when unknown.
        public var density: DensityClass?

        /// A place at `point`, of density `density`.
        public init(point: GeoPoint, density: DensityClass? = nil) {
            self.point = point
            self.density = density
        }
    }

    /// The graph of every zone–site pair within `limitMinutes` by the model, built on `threads` threads (all cores when
    /// nil).
    ///
    /// - Throws: ``AccessError/invalidParameter(_:)`` for a limit that is not a positive finite number.
    public static func graph(
        zones: [Place], sites: [Place], model: StraightLineModel, limitMinutes: Double, threads: Int? = nil
    ) throws -> CatchmentGraph {
        guard limitMinutes.isFinite, limitMinutes > 0 else {
            throw AccessError.invalidParameter("a travel-time limit must be > 0 minutes, not \(limitMinutes)")
        }
        let reach = model.reach(minutes: limitMinutes)
        let grid = SpatialGrid(points: sites.map(\.point), cellKilometres: max(1, reach / 3000))
        let table = StraightLineModel.Table(model, upTo: reach)
        let siteDensity = sites.map { $0.density?.rawValue ?? 0 }
        return CatchmentGraph.joiningChunks(
            CatchmentGraph.zoneChunks(count: zones.count, size: 128), zoneCount: zones.count, siteCount: sites.count,
            parallel: threads != 1
        ) { chunk in
            var rows = ZoneRowsChunk()
            for zone in chunk {
                let origin = zones[zone]
                let originDensity = origin.density?.rawValue ?? 0
                let before = rows.sites.count
                grid.forEach(within: reach, of: origin.point) { site, metres in
                    let minutes = table.minutes(metres: metres, origin: originDensity, destination: siteDensity[site])
                    if minutes <= limitMinutes {
                        rows.sites.append(Int32(site))
                        rows.minutes.append(minutes)
                    }
                }
                rows.rowLengths.append(rows.sites.count - before)
            }
            return rows
        }
    }
}
