import Testing

@testable import MaillageReport

@Suite struct OutlineOfUnionTests {
    @Test func twoNeighboursAreOutlinedWithoutTheirCommonBorder() {
        // Squares (0,0)-(1,1) and (1,0)-(2,1), in page units: 8 edges, the shared x = 1 edge
        // drawn by both, so the rim is the 6 others (counted by hand).
        let left: [[ProjectedTerritory.PagePoint]] = [[(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)]]
        let right: [[ProjectedTerritory.PagePoint]] = [[(1, 0), (2, 0), (2, 1), (1, 1), (1, 0)]]
        let data = OutlineOfUnion.pathData([[left], [right]])
        #expect(data.filter { $0 == "L" }.count == 6)
        // By hand: left's bottom, a jump over the shared edge, left's top and side; then right's three.
        #expect(data == "M0 0L1 0M1 1L0 1L0 0M1 0L2 0L2 1L1 1")
        // A lone square is its own rim.
        #expect(OutlineOfUnion.pathData([[left]]) == "M0 0L1 0L1 1L0 1L0 0")
    }
}
