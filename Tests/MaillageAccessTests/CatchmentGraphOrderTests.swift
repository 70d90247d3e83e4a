import MaillageCore
import Testing

@testable import MaillageAccess

/// Rows of a `CatchmentGraph` are sorted by (site, minutes) whatever order the pairs came in
/// and however they were cut into parts (a matrix read on several threads), so every sum
/// runs in one fixed order and results are the same bit for bit.
@Suite struct CatchmentGraphOrderTests {
    /// Three zones, three sites, one pair repeated with two times; the rows written by hand.
    static let pairs: [CatchmentGraph.Pair] = [
        .init(zone: 2, site: 1, minutes: 9), .init(zone: 0, site: 2, minutes: 4), .init(zone: 0, site: 0, minutes: 7),
        .init(zone: 2, site: 0, minutes: 3), .init(zone: 0, site: 2, minutes: 1), .init(zone: 1, site: 1, minutes: 5),
    ]

    func rows(_ graph: CatchmentGraph) -> [[(Int, Double)]] {
        (0..<graph.zoneCount).map { zone in
            var row: [(Int, Double)] = []
            graph.forEachSite(of: zone) { row.append(($0, $1)) }
            return row
        }
    }

    @Test func rowsAreSortedBySiteThenMinutes() {
        let expected: [[(Int, Double)]] = [[(0, 7), (2, 1), (2, 4)], [(1, 5)], [(0, 3), (1, 9)]]
        let graph = CatchmentGraph(zoneCount: 3, siteCount: 3, symmetric: Self.pairs)
        #expect(rows(graph).map { $0.map(\.0) } == expected.map { $0.map(\.0) })
        #expect(rows(graph).map { $0.map(\.1) } == expected.map { $0.map(\.1) })
    }

    @Test(arguments: [[6], [1, 5], [2, 2, 2], [0, 3, 0, 3]])
    func partsInAnyOrderGiveTheSameGraph(cuts: [Int]) throws {
        var parts: [[CatchmentGraph.Pair]] = []
        var start = 0
        let reversed = Array(Self.pairs.reversed())
        for length in cuts {
            parts.append(Array(reversed[start..<(start + length)]))
            start += length
        }
        let whole = CatchmentGraph(zoneCount: 3, siteCount: 3, symmetric: Self.pairs)
        let split = CatchmentGraph(zoneCount: 3, siteCount: 3, symmetric: parts)
        #expect(rows(split).map { $0.map(\.0) } == rows(whole).map { $0.map(\.0) })
        #expect(rows(split).map { $0.map(\.1) } == rows(whole).map { $0.map(\.1) })
        let catchment = FloatingCatchment(decay: .pysalDefaultSteps)
        let supply = [2.0, 5, 1]
        let demand = [100.0, 40, 250]
        let a = try catchment.accessibility(whole, supply: supply, demand: demand)
        let b = try catchment.accessibility(split, supply: supply, demand: demand)
        #expect(a.map(\.bitPattern) == b.map(\.bitPattern))
    }

    /// Entries read from a matrix file: already in graph order (taken as they come, no sort)
    /// or not (sorted): the rows written by hand above either way.
    @Test(arguments: [false, true])
    func matrixEntriesGiveTheRowsWrittenByHand(inGraphOrder: Bool) {
        let ordered: [MatrixEntry] = [
            .init(origin: 0, destination: 0, value: 7), .init(origin: 0, destination: 2, value: 1),
            .init(origin: 0, destination: 2, value: 4),
            .init(origin: 1, destination: 1, value: 5), .init(origin: 2, destination: 0, value: 3),
            .init(origin: 2, destination: 1, value: 9),
        ]
        let entries =
            inGraphOrder
            ? ordered : Self.pairs.map { MatrixEntry(origin: $0.zone, destination: $0.site, value: $0.minutes) }
        let graph = CatchmentGraph(
            zoneCount: 3, siteCount: 3, symmetric: [Array(entries.prefix(2)), [], Array(entries.dropFirst(2))])
        let expected: [[(Int, Double)]] = [[(0, 7), (2, 1), (2, 4)], [(1, 5)], [(0, 3), (1, 9)]]
        #expect(rows(graph).map { $0.map(\.0) } == expected.map { $0.map(\.0) })
        #expect(rows(graph).map { $0.map(\.1) } == expected.map { $0.map(\.1) })
        #expect(graph.pairCount == 6)
    }

    /// Zones with no entry before, between and after the others have empty rows.
    @Test func zonesWithoutEntriesHaveEmptyRows() {
        let entries: [MatrixEntry] = [
            .init(origin: 1, destination: 0, value: 2), .init(origin: 3, destination: 1, value: 8),
        ]
        let graph = CatchmentGraph(zoneCount: 5, siteCount: 2, symmetric: [entries])
        #expect(rows(graph).map(\.count) == [0, 1, 0, 1, 0])
        #expect(rows(graph)[3].first?.1 == 8)
    }
}
