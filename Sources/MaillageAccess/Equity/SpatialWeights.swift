import Foundation
import MaillageCore

/// Who neighbours whom among zones, as row-standardised weights (each neighbour of a zone with
/// k neighbours weighs 1/k), the `transformation='r'` default of PySAL `esda`.
///
/// The neighbour relation is symmetric for both builders: contiguity (zones whose outlines share
/// a vertex, PySAL's queen rule) and distance band (zone points within a distance).
public struct SpatialWeights: Sendable, Equatable {
    /// The neighbours of each zone, by index, ascending.
    public let neighbours: [[Int]]
    /// How the weights were built, in words (`queen contiguity`, `distance band 12.5 km`).
    public let description: String

    /// Weights from each zone's neighbours; duplicates are removed and the lists sorted.
    public init(neighbours: [[Int]], description: String) {
        self.neighbours = neighbours.map { Array(Set($0)).sorted() }
        self.description = description
    }

    /// The number of zones.
    public var count: Int { neighbours.count }

    /// Zones without any neighbour: their spatial lag is 0.
    public var islands: Int { neighbours.filter(\.isEmpty).count }

    /// The spatial lag Σⱼ wᵢⱼ zⱼ of every zone.
    public func lag(_ z: [Double]) -> [Double] {
        neighbours.map { list in list.isEmpty ? 0 : list.reduce(0) { $0 + z[$1] } / Double(list.count) }
    }

    /// S0 = Σᵢⱼ wᵢⱼ: one per zone with neighbours.
    var s0: Double { Double(count - islands) }

    /// S1 = ½ Σᵢⱼ (wᵢⱼ + wⱼᵢ)², over the symmetric neighbour pairs.
    var s1: Double {
        var sum = 0.0
        for (i, list) in neighbours.enumerated() {
            for j in list {
                let w = 1 / Double(list.count) + 1 / Double(neighbours[j].count)
                sum += w * w
            }
        }
        return sum / 2
    }

    /// S2 = Σᵢ (wᵢ. + w.ᵢ)².
    var s2: Double {
        var sum = 0.0
        for list in neighbours {
            let row = list.isEmpty ? 0.0 : 1.0
            let column = list.reduce(0) { $0 + 1 / Double(neighbours[$1].count) }
            sum += (row + column) * (row + column)
        }
        return sum
    }
}

extension SpatialWeights {
    /// Queen contiguity: zones whose outlines share at least one vertex (coordinates equal to the
    /// bit, as they are when both outlines come from one topologically clean source such as
    /// IGN's ADMIN EXPRESS). Zones without an outline have no neighbour.
    public static func queen(_ boundaries: [Boundary?]) -> SpatialWeights {
        struct Vertex: Hashable { let x: UInt64, y: UInt64 }
        var zonesAt: [Vertex: [Int]] = [:]
        for (index, boundary) in boundaries.enumerated() {
            guard let boundary else { continue }
            var seen = Set<Vertex>()
            for polygon in boundary.polygons {
                for ring in polygon {
                    for point in ring {
                        let vertex = Vertex(x: point.longitude.bitPattern, y: point.latitude.bitPattern)
                        if seen.insert(vertex).inserted { zonesAt[vertex, default: []].append(index) }
                    }
                }
            }
        }
        var neighbours = [Set<Int>](repeating: [], count: boundaries.count)
        for zones in zonesAt.values where zones.count > 1 {
            for a in zones { for b in zones where a != b { neighbours[a].insert(b) } }
        }
        return SpatialWeights(neighbours: neighbours.map { Array($0) }, description: "queen contiguity")
    }

    /// Distance band: zones whose points are within `kilometres` of each other (great-circle
    /// distance on a sphere of radius 6371.0088 km, the IUGG mean radius).
    public static func distanceBand(_ points: [GeoPoint], kilometres: Double) -> SpatialWeights {
        let order = points.indices.sorted { points[$0].latitude < points[$1].latitude }
        let band = kilometres / earthRadiusKm * 180 / .pi
        var neighbours = [[Int]](repeating: [], count: points.count)
        for (position, i) in order.enumerated() {
            var next = position + 1
            while next < order.count, points[order[next]].latitude - points[i].latitude <= band {
                let j = order[next]
                if greatCircleKm(points[i], points[j]) <= kilometres {
                    neighbours[i].append(j)
                    neighbours[j].append(i)
                }
                next += 1
            }
        }
        return SpatialWeights(neighbours: neighbours, description: String(format: "distance band %.3f km", kilometres))
    }

    /// The smallest band in which every zone has a neighbour: the largest nearest-neighbour
    /// distance (libpysal's `min_threshold_distance`). 0 for fewer than two points.
    public static func minimumBandKm(_ points: [GeoPoint]) -> Double {
        guard points.count > 1 else { return 0 }
        let order = points.indices.sorted { points[$0].latitude < points[$1].latitude }
        var largest = 0.0
        for (position, i) in order.enumerated() {
            var best = Double.infinity
            for step in [-1, 1] {
                var other = position + step
                while other >= 0, other < order.count {
                    let j = order[other]
                    if abs(points[j].latitude - points[i].latitude) / 180 * .pi * earthRadiusKm > best { break }
                    best = min(best, greatCircleKm(points[i], points[j]))
                    other += step
                }
            }
            largest = max(largest, best)
        }
        return largest
    }

    /// The mean Earth radius (IUGG), in km, that distance bands are measured with.
    public static let earthRadiusKm = 6371.0088

    /// The haversine distance in kilometres.
    public static func greatCircleKm(_ a: GeoPoint, _ b: GeoPoint) -> Double {
        let phi1 = a.latitude * .pi / 180
        let phi2 = b.latitude * .pi / 180
        let dPhi = phi2 - phi1
        let dLambda = (b.longitude - a.longitude) * .pi / 180
        let h = sin(dPhi / 2) * sin(dPhi / 2) + cos(phi1) * cos(phi2) * sin(dLambda / 2) * sin(dLambda / 2)
        return 2 * earthRadiusKm * asin(min(1, h.squareRoot()))
    }
}
