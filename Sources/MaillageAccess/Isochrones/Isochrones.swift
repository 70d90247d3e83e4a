import Foundation
import MaillageCore
import MaillageGeo

/// Isochrones: the area from which a site (or the nearest of several) is reached within each
/// time limit, contoured from a travel-time surface on a regular grid, with the people living
/// within each limit.
public enum Isochrones {
    /// What to contour: the limits and the grid.
    public struct Options: Sendable {
        /// The limits in minutes, ascending.
        public var minutes: [Double]
        /// The grid's spacing in km.
        public var gridKilometres: Double = 1
        /// One set of isochrones per site instead of one for the nearest site.
        public var perSite = false

        /// Isochrones at these limits (minutes), on a 1 km grid, for the nearest site.
        public init(minutes: [Double]) { self.minutes = minutes }
    }

    /// One isochrone: the area within `minutes` of the site (or of the nearest site).
    public struct Isochrone: Sendable {
        /// The limit, in minutes.
        public var minutes: Double
        /// The site, or nil for the nearest of all the sites.
        public var siteID: String?
        /// Polygons in WGS84 (outer ring counter-clockwise, then holes clockwise), closed rings.
        public var polygons: [Boundary.Polygon]
        /// People in zones whose own time (as `access nearest` computes it) is within the limit.
        public var population: Double
        /// People within this limit but not the previous one.
        public var bandPopulation: Double
        /// The zones whose own time is within the limit.
        public var zones: Int
    }

    /// The isochrones and how precisely the grid drew them.
    public struct Result: Sendable {
        /// Every isochrone computed.
        public var isochrones: [Isochrone]
        /// The grid's spacing, in km.
        public var gridKilometres: Double
        /// The number of grid nodes whose time was computed.
        public var gridNodes: Int
        /// The largest difference between the contour and the true travel time at any point, in
        /// minutes: a point inside an isochrone is at most this much slower than its limit, and a
        /// point outside at most this much faster. Nil with matrix times (no model between zones).
        public var errorBoundMinutes: Double?
        /// What a planner should know about the contours (a coarsened grid, sites left out).
        public var notes: [String]
    }

    /// Computes the isochrones of the chosen sites with the request's travel (line model or matrix).
    public static func compute(_ request: AccessRequest, on territory: Territory, options: Options) throws -> Result {
        let limits = options.minutes.sorted()
        guard let largest = limits.last, limits.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw AccessError.invalidParameter("give time limits above 0 minutes, such as 15,30,45")
        }
        guard options.gridKilometres.isFinite, options.gridKilometres > 0 else {
            throw AccessError.invalidParameter("the grid spacing must be above 0 km")
        }
        let (sites, _, notes) = try AccessStudy.selectSites(request, territory: territory)
        let zones = territory.zones
        guard !zones.isEmpty else { throw AccessError.invalidInput("the territory has no zone") }
        let densityByZone = Dictionary(zones.map { ($0.id, $0.densityClass) }, uniquingKeysWith: { a, _ in a })
        let sitePlaces = sites.map {
            StraightLinePairs.Place(point: $0.point, density: $0.zoneID.flatMap { densityByZone[$0] } ?? nil)
        }
        let zonePlaces = zones.map { StraightLinePairs.Place(point: $0.point, density: $0.densityClass) }
        // With the line model the grid reaches as far as the largest limit allows (at most 150 km
        // beyond the territory), so outlines are not cut at the territory's edge.
        var margin = 0.0
        if case .line(let model, _) = request.travel { margin = min(150, model.reach(minutes: largest) / 1000) }
        let grid = try PlanarGrid(
            around: zones.map(\.point) + sites.map(\.point), kilometres: options.gridKilometres,
            marginKilometres: margin)
        // A node takes the density level of its nearest zone, as a trip starting there would.
        let zoneIndex = SpatialGrid(points: zones.map(\.point), cellKilometres: max(5, options.gridKilometres * 4))
        let nodePlaces = grid.nodes.map { point in
            StraightLinePairs.Place(
                point: point,
                density: zoneIndex.nearest(to: point, count: 1).first.map { zones[$0.index].densityClass } ?? nil)
        }
        let outside = largest * 4 + 1_000
        var result = Result(
            isochrones: [], gridKilometres: options.gridKilometres, gridNodes: grid.nodes.count, errorBoundMinutes: nil,
            notes: notes)

        var surfaces: [(siteID: String?, nodes: [Double], zones: [Double])] = []
        switch request.travel {
        case .line(let model, _):
            result.errorBoundMinutes = errorBound(model: model, grid: grid)
            let groups: [(String?, [StraightLinePairs.Place])] =
                options.perSite ? zip(sites, sitePlaces).map { ($0.0.id, [$0.1]) } : [(nil, sitePlaces)]
            for (id, places) in groups {
                let nodes = NearestByLine.compute(zones: nodePlaces, sites: places, model: model).map {
                    $0?.minutes ?? outside
                }
                let zoneTimes = NearestByLine.compute(zones: zonePlaces, sites: places, model: model).map {
                    $0?.minutes ?? .infinity
                }
                surfaces.append((id, nodes, zoneTimes))
            }
        case .matrix, .matrixRows:
            guard !options.perSite else {
                throw AccessError.needsSetting(
                    "isochrones per site need straight-line travel (a matrix gives times between zones and sites only)",
                    SettingHint("travel", example: "line")
                )
            }
            let nearest = try AccessStudy.run(
                AccessRequest(
                    method: .nearest, kinds: request.kinds, services: request.services, travel: request.travel),
                on: territory)
            let zoneTimes = nearest.columns.first?.values.map { $0.isNaN ? Double.infinity : $0 } ?? []
            // Between zones a matrix says nothing: each node takes the time of its nearest zone.
            let nodes = grid.nodes.map { point in
                zoneIndex.nearest(to: point, count: 1).first.map { min(outside, zoneTimes[$0.index]) } ?? outside
            }
            surfaces.append((nil, nodes, zoneTimes))
            result.notes.append(
                "matrix times are known at zone points only: each grid node takes its nearest zone's time, so outlines follow the zones' Voronoi cells"
            )
        }
        for surface in surfaces {
            var values = grid.rows(of: surface.nodes)
            grid.closeBorder(&values, with: outside)
            var previous = 0.0
            for limit in limits {
                let rings = MarchingSquares.rings(values, threshold: limit)
                let polygons = try MarchingSquares.polygons(rings).map { polygon in
                    try polygon.map { ring in try ring.map(grid.geoPoint) }
                }
                let within = zones.indices.filter { surface.zones[$0] <= limit }
                let population = within.reduce(0) { $0 + zones[$1].population.total }
                result.isochrones.append(
                    Isochrone(
                        minutes: limit, siteID: surface.siteID, polygons: polygons, population: population,
                        bandPopulation: population - previous, zones: within.count))
                previous = population
            }
        }
        return result
    }

    /// L × the longest cell diagonal, with L the model's steepest minutes per km (its slowest
    /// speed at the slowest density factor): along a cell, times change by at most that much.
    static func errorBound(model: StraightLineModel, grid: PlanarGrid) -> Double {
        let slowest = model.nearSpeed * (model.densityFactors.min() ?? 1)
        let minutesPerKm = model.detour * 60 / slowest
        // 1 % for the sphere-versus-ellipsoid difference of the grid's and the model's distances.
        return minutesPerKm * grid.longestDiagonalKm * 1.01
    }
}
