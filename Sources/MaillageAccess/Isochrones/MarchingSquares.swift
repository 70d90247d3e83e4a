/// Contours of a grid of values into closed rings: the outline of {value ≤ threshold}
/// (Lorensen and Cline's marching squares in two dimensions).
///
/// Crossings sit on cell edges by linear interpolation, so the two cells sharing an edge agree
/// on its point and rings close exactly. Every segment keeps the inside on its left, which makes
/// outer rings counter-clockwise and holes clockwise (RFC 7946's right-hand rule once x points
/// east and y north). A saddle cell (two opposite corners inside) is split by the mean of its
/// corners, the usual disambiguation.
public enum MarchingSquares {
    /// A point in grid coordinates: x the column, y the row, fractional between nodes.
    public struct Point: Sendable, Equatable {
        /// The column, fractional between grid nodes.
        public var x: Double
        /// The row, fractional between grid nodes.
        public var y: Double
    }

    /// The rings around {v ≤ threshold} of `values[row][column]`, each closed (first point
    /// repeated last). Nodes on the grid's border must be outside for every ring to close inside it.
    public static func rings(_ values: [[Double]], threshold: Double) -> [[Point]] {
        let rows = values.count
        let columns = values.first?.count ?? 0
        guard rows > 1, columns > 1 else { return [] }
        // Edge keys: horizontal edge from node (i, j) to (i, j+1) and vertical from (i, j) to (i+1, j).
        func horizontal(_ i: Int, _ j: Int) -> Int { (i * columns + j) * 2 }
        func vertical(_ i: Int, _ j: Int) -> Int { (i * columns + j) * 2 + 1 }
        func inside(_ i: Int, _ j: Int) -> Bool { values[i][j] <= threshold }
        func crossing(_ a: (Int, Int), _ b: (Int, Int)) -> Point {
            let va = values[a.0][a.1]
            let vb = values[b.0][b.1]
            let t = vb == va ? 0.5 : min(1, max(0, (threshold - va) / (vb - va)))
            return Point(x: Double(a.1) + t * Double(b.1 - a.1), y: Double(a.0) + t * Double(b.0 - a.0))
        }
        var next: [Int: Int] = [:]
        var points: [Int: Point] = [:]
        for i in 0..<(rows - 1) {
            for j in 0..<(columns - 1) {
                // Corners counter-clockwise from the bottom left, and the edge that follows each.
                let corners = [(i, j), (i, j + 1), (i + 1, j + 1), (i + 1, j)]
                let edges = [horizontal(i, j), vertical(i, j + 1), horizontal(i + 1, j), vertical(i, j)]
                let flags = corners.map { inside($0.0, $0.1) }
                if flags.allSatisfy({ $0 }) || !flags.contains(true) { continue }
                // Walking the cell's boundary counter-clockwise: leaving the inside is an exit, coming back an entry.
                var crossings: [(edge: Int, exit: Bool)] = []
                for k in 0..<4 where flags[k] != flags[(k + 1) % 4] {
                    let edge = edges[k]
                    if points[edge] == nil { points[edge] = crossing(corners[k], corners[(k + 1) % 4]) }
                    crossings.append((edge, flags[k]))
                }
                if crossings.count == 2 {
                    let exit = crossings.first { $0.exit }!
                    let entry = crossings.first { !$0.exit }!
                    next[exit.edge] = entry.edge
                } else {
                    let centre = corners.reduce(0) { $0 + values[$1.0][$1.1] } / 4
                    let joined = centre <= threshold
                    for (k, crossing) in crossings.enumerated() where crossing.exit {
                        // Inside centre: the region runs on to the next entry; outside: the corner closes on the previous one.
                        let partner = crossings[(k + (joined ? 1 : 3)) % 4]
                        next[crossing.edge] = partner.edge
                    }
                }
            }
        }
        var rings: [[Point]] = []
        var unused = Set(next.keys)
        for start in next.keys.sorted() where unused.contains(start) {
            var ring: [Point] = []
            var edge = start
            while unused.contains(edge), let following = next[edge] {
                unused.remove(edge)
                ring.append(points[edge]!)
                edge = following
            }
            guard edge == start, ring.count >= 3 else { continue }
            ring.append(ring[0])
            rings.append(ring)
        }
        return rings
    }

    /// Twice the signed area (positive counter-clockwise).
    public static func signedDoubleArea(_ ring: [Point]) -> Double {
        zip(ring, ring.dropFirst()).reduce(0) { $0 + $1.0.x * $1.1.y - $1.1.x * $1.0.y }
    }

    /// Whether a point lies inside a closed ring (even–odd rule).
    public static func contains(_ ring: [Point], _ point: Point) -> Bool {
        var inside = false
        for (a, b) in zip(ring, ring.dropFirst()) where (a.y > point.y) != (b.y > point.y) {
            let x = a.x + (point.y - a.y) / (b.y - a.y) * (b.x - a.x)
            if point.x < x { inside.toggle() }
        }
        return inside
    }

    /// The rings grouped into polygons: each counter-clockwise ring with the clockwise rings
    /// (holes) whose points it holds most tightly.
    public static func polygons(_ rings: [[Point]]) -> [[[Point]]] {
        let outers = rings.filter { signedDoubleArea($0) > 0 }
        var polygons = outers.map { [$0] }
        for hole in rings where signedDoubleArea(hole) < 0 {
            let probe = hole[0]
            let holders = outers.indices.filter { contains(outers[$0], probe) }
            guard let tightest = holders.min(by: { signedDoubleArea(outers[$0]) < signedDoubleArea(outers[$1]) }) else {
                continue
            }
            polygons[tightest].append(hole)
        }
        return polygons
    }
}
