import MaillageCore

/// Finds a ring that crosses itself (a bow-tie), which has no meaningful area or centroid.
///
/// A bow-tie near longitude 2.31 once got its point at 0.97: the shoelace formula subtracts
/// one lobe from the other. Segments are compared in longitude/latitude (crossing is a
/// matter of order, which the projection keeps); they are sorted by their west end so that
/// each is compared only with those overlapping it in longitude: O(n log n) for a real
/// outline rather than n². Proper crossings and overlapping collinear stretches count;
/// segments that merely touch at a vertex do not.
enum RingCrossing {
    /// Why the boundary is not a set of simple rings, or nil.
    static func problem(_ boundary: Boundary) -> String? {
        for (p, polygon) in boundary.polygons.enumerated() {
            for (r, ring) in polygon.enumerated() {
                if let crossing = firstCrossing(ring) {
                    let place = boundary.polygons.count > 1 ? "polygon \(p + 1), " : ""
                    let kind = r == 0 ? "outer ring" : "hole \(r)"
                    return
                        "simple rings; \(place)\(kind) crosses itself (its segments \(crossing.0 + 1) and \(crossing.1 + 1), near longitude "
                        + "\(rounded(crossing.point.x)), latitude \(rounded(crossing.point.y))): repair the geometry first (QGIS 'Fix geometries', PostGIS ST_MakeValid)"
                }
            }
        }
        return nil
    }

    /// The first two non-adjacent segments that cross (by index), with a point of the crossing.
    static func firstCrossing(_ ring: [GeoPoint]) -> (Int, Int, point: (x: Double, y: Double))? {
        let count = ring.count - 1  // closed: the last point repeats the first
        guard count >= 3 else { return nil }
        let xs = ring.map(\.longitude)
        let ys = ring.map(\.latitude)
        let order = (0..<count).sorted { min(xs[$0], xs[$0 + 1]) < min(xs[$1], xs[$1 + 1]) }
        for (position, a) in order.enumerated() {
            let east = max(xs[a], xs[a + 1])
            for b in order[(position + 1)...] {
                if min(xs[b], xs[b + 1]) > east { break }
                let (i, j) = (min(a, b), max(a, b))
                if j == i + 1 || (i == 0 && j == count - 1) { continue }  // neighbours share a vertex
                if let point = crossing((xs[i], ys[i]), (xs[i + 1], ys[i + 1]), (xs[j], ys[j]), (xs[j + 1], ys[j + 1]))
                {
                    return (i, j, point)
                }
            }
        }
        return nil
    }

    private typealias Point = (x: Double, y: Double)

    /// Where segments p1p2 and q1q2 cross, or overlap when collinear; nil when they do not or only touch at an end.
    private static func crossing(_ p1: Point, _ p2: Point, _ q1: Point, _ q2: Point) -> Point? {
        func orientation(_ a: Point, _ b: Point, _ c: Point) -> Double {
            (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
        }
        let d1 = orientation(q1, q2, p1)
        let d2 = orientation(q1, q2, p2)
        let d3 = orientation(p1, p2, q1)
        let d4 = orientation(p1, p2, q2)
        if d1 * d2 < 0, d3 * d4 < 0 {
            let t = d1 / (d1 - d2)
            return (p1.x + t * (p2.x - p1.x), p1.y + t * (p2.y - p1.y))
        }
        if d1 == 0, d2 == 0, d3 == 0, d4 == 0 {
            // Collinear: an overlap longer than a point is a doubled-back edge.
            let horizontal = abs(p2.x - p1.x) >= abs(p2.y - p1.y)
            func key(_ p: Point) -> Double { horizontal ? p.x : p.y }
            let low = max(min(key(p1), key(p2)), min(key(q1), key(q2)))
            let high = min(max(key(p1), key(p2)), max(key(q1), key(q2)))
            if high > low {
                return horizontal
                    ? (low, p1.y + (p2.y - p1.y) * ((low - p1.x) / (p2.x - p1.x == 0 ? 1 : p2.x - p1.x))) : (p1.x, low)
            }
        }
        return nil
    }

    private static func rounded(_ value: Double) -> String {
        String((value * 100_000).rounded() / 100_000)
    }
}
