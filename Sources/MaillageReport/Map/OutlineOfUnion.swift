/// The outline of a group of neighbouring polygons: the edges that only one of them has.
///
/// Adjacent communes share their common border point for point (IGN boundaries are
/// topological), so an edge drawn by two highlighted zones is inside the group and an edge
/// drawn once is on its rim. Outlining the rim rather than every zone keeps a map of a
/// thousand highlighted communes readable: one red line around each area beyond the threshold.
enum OutlineOfUnion {
    /// A point rounded to tenths of a page unit, as ``SVGPath`` writes it.
    struct Point: Hashable {
        let x: Int
        let y: Int
    }

    /// An edge regardless of direction.
    struct Edge: Hashable {
        let a: Point
        let b: Point

        init(_ p: Point, _ q: Point) {
            (a, b) = (p.x, p.y) < (q.x, q.y) ? (p, q) : (q, p)
        }
    }

    /// SVG path data for the rim of the given polygons' rings.
    static func pathData(_ shapes: [[[[ProjectedTerritory.PagePoint]]]]) -> String {
        var counts: [Edge: Int] = [:]
        // Each edge as first drawn, so that a ring's edges chain into one line.
        var order: [(edge: Edge, from: Point, to: Point)] = []
        for polygons in shapes {
            for polygon in polygons {
                for ring in polygon {
                    let points = ring.map { Point(x: Int(($0.x * 10).rounded()), y: Int(($0.y * 10).rounded())) }
                    for (p, q) in zip(points, points.dropFirst()) where p != q {
                        let edge = Edge(p, q)
                        if counts[edge, default: 0] == 0 { order.append((edge, p, q)) }
                        counts[edge, default: 0] += 1
                    }
                }
            }
        }
        var data = ""
        var end: Point?
        for (edge, from, to) in order where counts[edge] == 1 {
            // Chain consecutive edges into one line, so that the joins are drawn round.
            if end != from { data += "M" + SVGPath.coordinate(from.x) + " " + SVGPath.coordinate(from.y) }
            data += "L" + SVGPath.coordinate(to.x) + " " + SVGPath.coordinate(to.y)
            end = to
        }
        return data
    }
}
