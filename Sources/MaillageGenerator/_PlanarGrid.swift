/// A bucket grid over planar points for nearest-neighbour and radius queries.
///
/// The generator asks "nearest hospital to this GP" a hundred thousand times; a grid
/// keeps each query to the few cells around the point.
struct _PlanarGrid {
    private let cell: Double
    private var buckets: [Int64: [Int]] = [:]
    private let points: [PlanarPoint]

    init(points: [PlanarPoint], cellSize: Double) {
        self.points = points
        cell = max(cellSize, 1e-9)
        for (index, point) in points.enumerated() {
            buckets[key(point), default: []].append(index)
        }
    }

    private func cellCoordinates(_ p: PlanarPoint) -> (Int64, Int64) {
        (Int64((p.x / cell).rounded(.down)), Int64((p.y / cell).rounded(.down)))
    }

    private func key(_ p: PlanarPoint) -> Int64 {
        let (cx, cy) = cellCoordinates(p)
        return key(cx, cy)
    }

    private func key(_ cx: Int64, _ cy: Int64) -> Int64 { (cx << 32) ^ (cy & 0xFFFF_FFFF) }

    /// The index of the nearest point (lowest index on ties), or nil when the grid is empty.
    func nearest(to query: PlanarPoint) -> Int? {
        guard !points.isEmpty else { return nil }
        let (cx, cy) = cellCoordinates(query)
        var best: (index: Int, distance: Double)?
        var ring: Int64 = 0
        while true {
            for dx in -ring...ring {
                for dy in -ring...ring where max(abs(dx), abs(dy)) == ring {
                    for index in buckets[key(cx + dx, cy + dy)] ?? [] {
                        let d = points[index].distance(to: query)
                        if best == nil || d < best!.distance || (d == best!.distance && index < best!.index) {
                            best = (index, d)
                        }
                    }
                }
            }
            // Any point in a farther ring is at least `ring * cell` away.
            if let best, best.distance <= Double(ring) * cell { return best.index }
            ring += 1
            if ring > 1 << 20 { return best?.index }
        }
    }

    /// The indices of every point within `radius`, in increasing index order.
    func within(_ radius: Double, of query: PlanarPoint) -> [Int] {
        let (cx, cy) = cellCoordinates(query)
        let reach = Int64((radius / cell).rounded(.up))
        var found: [Int] = []
        for dx in -reach...reach {
            for dy in -reach...reach {
                for index in buckets[key(cx + dx, cy + dy)] ?? [] where points[index].distance(to: query) <= radius {
                    found.append(index)
                }
            }
        }
        return found.sorted()
    }
}
