import MaillageAccess
import Testing

/// Marching squares on grids small enough to contour by hand.
@Suite struct MarchingSquaresTests {
    @Test func aSingleLowNodeGivesADiamondCounterClockwise() {
        // Only the centre (value 0) is within 1; neighbours are 2, so crossings sit halfway.
        let values: [[Double]] = [[9, 9, 9], [9, 0, 9], [9, 9, 9]].map { $0.map { $0 == 9 ? 2 : $0 } }
        let rings = MarchingSquares.rings(values, threshold: 1)
        #expect(rings.count == 1)
        let ring = rings[0]
        #expect(ring.first == ring.last && ring.count == 5)
        let expected: Set<[Double]> = [[0.5, 1], [1.5, 1], [1, 0.5], [1, 1.5]]
        #expect(Set(ring.dropLast().map { [$0.x, $0.y] }) == expected)
        // A diamond with half-diagonals 0.5: area 0.5, counter-clockwise.
        #expect(MarchingSquares.signedDoubleArea(ring) == 1)
    }

    @Test func aHighCentreInsideALowRingIsAHole() {
        // A 5 × 5 grid: border 9 (outside), a ring of 0 around a centre of 9.
        var values = [[Double]](repeating: [Double](repeating: 9, count: 5), count: 5)
        for i in 1...3 { for j in 1...3 { values[i][j] = 0 } }
        values[2][2] = 9
        let polygons = MarchingSquares.polygons(MarchingSquares.rings(values, threshold: 4.5))
        #expect(polygons.count == 1)
        #expect(polygons.first?.count == 2, "an outer ring and its hole")
        if let polygon = polygons.first, polygon.count == 2 {
            #expect(MarchingSquares.signedDoubleArea(polygon[0]) > 0)
            #expect(MarchingSquares.signedDoubleArea(polygon[1]) < 0)
            // The hole is the diamond around (2, 2) with crossings halfway: area 0.5.
            #expect(MarchingSquares.signedDoubleArea(polygon[1]) == -1)
        }
    }

    @Test func saddlesFollowTheCellMean() {
        // Two low corners on a diagonal: joined when the mean is inside, apart when outside.
        let apart: [[Double]] = [[9, 9, 9, 9], [9, 0, 10, 9], [9, 10, 0, 9], [9, 9, 9, 9]]
        #expect(MarchingSquares.polygons(MarchingSquares.rings(apart, threshold: 4)).count == 2)
        let joined: [[Double]] = [[9, 9, 9, 9], [9, 0, 6, 9], [9, 6, 0, 9], [9, 9, 9, 9]]
        #expect(MarchingSquares.polygons(MarchingSquares.rings(joined, threshold: 4)).count == 1)
    }
}
