import Dispatch
import MaillageCore
import MaillageGeo

/// Builds the sparse zone–site graph from the straight-line travel model.
///
/// Only pairs within the time limit are ever measured: a spatial grid over the sites returns
/// the candidates within the model's reach, so 35,000 zones × 100,000 sites never become a
/// dense matrix. Zones are split into chunks worked on in parallel; results are joined in
/// chunk order, so the graph is identical whatever the number of threads.
public enum StraightLinePairs {
    public struct Place: Sendable {
        public var point: GeoPoint
        public var density: DensityClass?

        public init(point: GeoPoint, density: DensityClass? = nil) {
            self.point = point
            self.density = density
        }
    }

    public static func graph(
        zones: [Place], sites: [Place], model: StraightLineModel, limitMinutes: Double, threads: Int? = nil
    ) throws -> CatchmentGraph {
        guard limitMinutes.isFinite, limitMinutes > 0 else {
            throw AccessError.invalidParameter("a travel-time limit must be > 0 minutes, not \(limitMinutes)")
        }
        let reach = model.reach(minutes: limitMinutes)
        let grid = SpatialGrid(points: sites.map(\.point), cellKilometres: max(1, reach / 1000))
        let chunkSize = 256
        let chunks = (zones.count + chunkSize - 1) / chunkSize
        let results = UnsafeMutableBufferPointer<[CatchmentGraph.Pair]>.allocate(capacity: max(chunks, 1))
        results.initialize(repeating: [])
        defer { results.deinitialize().deallocate() }
        nonisolated(unsafe) let slots = results
        let work: @Sendable (Int) -> Void = { chunk in
            var pairs: [CatchmentGraph.Pair] = []
            for zone in (chunk * chunkSize)..<min(zones.count, (chunk + 1) * chunkSize) {
                let origin = zones[zone]
                grid.forEach(within: reach, of: origin.point) { site, metres in
                    let minutes = model.minutes(metres: metres, from: origin.density, to: sites[site].density)
                    if minutes <= limitMinutes { pairs.append(.init(zone: zone, site: site, minutes: minutes)) }
                }
            }
            slots[chunk] = pairs
        }
        if threads == 1 {
            for chunk in 0..<chunks { work(chunk) }
        } else {
            DispatchQueue.concurrentPerform(iterations: chunks, execute: work)
        }
        return CatchmentGraph(zoneCount: zones.count, siteCount: sites.count, symmetric: Array(results.joined()))
    }
}
