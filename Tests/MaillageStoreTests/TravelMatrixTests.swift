import Foundation
import MaillageCore
import MaillageTestSupport
import Testing

@testable import MaillageStore

/// The reading rules of `shared/reference/indicators.md` ("Reading a matrix"), on hand-made
/// matrices whose answers are written out by hand.
@Suite struct TravelMatrixTests {
    typealias Pair = (origin: TravelEndpoint, destination: TravelEndpoint, time: TravelTime)

    static let pairs: [Pair] = [
        (.zone("A"), .zone("B"), TravelTime(minutes: 10, km: 8)),
        (.zone("B"), .zone("C"), TravelTime(minutes: 20)),
        (.zone("C"), .zone("B"), TravelTime(minutes: 25)),  // the file gives the reverse itself
        (.zone("C"), .zone("C"), TravelTime(minutes: 4)),  // a zone's own pair, given
        (.zone("A"), .actor("h1"), TravelTime(minutes: 30)),
    ]

    @Test func undirectedReadingGivesReversePairsUnlessGiven() {
        let matrix = TravelMatrix(definition: TravelMatrixDefinition(name: "m"), pairs: Self.pairs)
        #expect(matrix.minutes(from: .zone("A"), to: .zone("B")) == 10)
        #expect(matrix.minutes(from: .zone("B"), to: .zone("A")) == 10)
        #expect(matrix.time(from: .zone("B"), to: .zone("A"))?.km == 8)
        #expect(matrix.minutes(from: .zone("B"), to: .zone("C")) == 20)
        #expect(matrix.minutes(from: .zone("C"), to: .zone("B")) == 25)
        #expect(matrix.minutes(from: .actor("h1"), to: .zone("A")) == 30)
        #expect(matrix.minutes(from: .zone("A"), to: .zone("C")) == nil)  // absent both ways: unreachable
        #expect(matrix.storedPairCount == 5)
    }

    @Test func directedReadingServesOnlyTheGivenDirection() {
        let matrix = TravelMatrix(definition: TravelMatrixDefinition(name: "m", isDirected: true), pairs: Self.pairs)
        #expect(matrix.minutes(from: .zone("A"), to: .zone("B")) == 10)
        #expect(matrix.minutes(from: .zone("B"), to: .zone("A")) == nil)
        #expect(matrix.minutes(from: .actor("h1"), to: .zone("A")) == nil)
        #expect(matrix.minutes(from: .zone("C"), to: .zone("B")) == 25)
    }

    @Test func aZoneWithoutItsOwnPairGetsTheIntrazoneTime() {
        for directed in [false, true] {
            let matrix = TravelMatrix(
                definition: TravelMatrixDefinition(name: "m", isDirected: directed, intrazoneMinutes: 3),
                pairs: Self.pairs
            )
            #expect(matrix.minutes(from: .zone("A"), to: .zone("A")) == 3)
            #expect(matrix.minutes(from: .zone("Z"), to: .zone("Z")) == 3)  // even a zone the matrix never names
            #expect(matrix.minutes(from: .zone("C"), to: .zone("C")) == 4)  // given pairs win
            #expect(matrix.minutes(from: .actor("h1"), to: .actor("h1")) == nil)  // the rule is for zones
        }
        let byDefault = TravelMatrix(definition: TravelMatrixDefinition(name: "m"), pairs: [])
        #expect(byDefault.minutes(from: .zone("A"), to: .zone("A")) == 0)
    }

    @Test func zonesAndActorsWithTheSameIdAreDifferentEnds() {
        let matrix = TravelMatrix(
            definition: TravelMatrixDefinition(name: "m", isDirected: true),
            pairs: [(.zone("X"), .actor("X"), TravelTime(minutes: 7))])
        #expect(matrix.minutes(from: .zone("X"), to: .actor("X")) == 7)
        #expect(matrix.minutes(from: .zone("X"), to: .zone("X")) == 0)
        #expect(matrix.minutes(from: .actor("X"), to: .actor("X")) == nil)
    }

    @Test func storedMatricesLoadWithTheirReadingAndReplaceInOneTransaction() throws {
        let folder = try TemporaryFolder()
        let database = try TerritoryDatabase.create(at: folder.path("m.db"))
        try database.transaction { writer in
            let (inserter, replaced) = try writer.replaceTravelMatrix(
                TravelMatrixDefinition(name: "road", intrazoneMinutes: 2, description: "test"))
            #expect(replaced == 0)
            for pair in Self.pairs {
                try inserter.add(from: pair.origin, to: pair.destination, minutes: pair.time.minutes, km: pair.time.km)
            }
            try inserter.finish()
        }
        let loaded = try #require(try database.travelMatrix(named: "road"))
        #expect(loaded.definition == TravelMatrixDefinition(name: "road", intrazoneMinutes: 2, description: "test"))
        #expect(loaded.storedPairCount == 5)
        #expect(loaded.minutes(from: .zone("B"), to: .zone("A")) == 10)
        #expect(loaded.time(from: .zone("A"), to: .zone("B")) == TravelTime(minutes: 10, km: 8))
        #expect(loaded.minutes(from: .zone("A"), to: .zone("A")) == 2)
        #expect(try database.travelMatrix(named: "other") == nil)

        // A replacement that fails keeps the old matrix; one that succeeds drops its pairs.
        struct Failure: Error {}
        #expect(throws: Failure.self) {
            try database.transaction { writer in
                _ = try writer.replaceTravelMatrix(TravelMatrixDefinition(name: "road", isDirected: true))
                throw Failure()
            }
        }
        #expect(try database.travelMatrix(named: "road")?.storedPairCount == 5)
        try database.transaction { writer in
            let (inserter, replaced) = try writer.replaceTravelMatrix(
                TravelMatrixDefinition(name: "road", isDirected: true))
            #expect(replaced == 5)
            try inserter.add(from: .zone("A"), to: .zone("B"), minutes: 9, km: nil)
            try inserter.finish()
        }
        let replaced = try #require(try database.travelMatrix(named: "road"))
        #expect(replaced.definition.isDirected && replaced.storedPairCount == 1)
        #expect(replaced.minutes(from: .zone("B"), to: .zone("A")) == nil)
        #expect(try database.travelMatrices().map(\.name) == ["road"])

        var streamed: [String] = []
        try database.forEachTravelTime(of: "none") { _, _, _ in
            Issue.record("a matrix that does not exist has no pairs")
        }
        try database.forEachTravelTime(of: "road") { origin, destination, time in
            streamed.append("\(origin)>\(destination)=\(time.minutes)")
        }
        #expect(streamed == ["zone A>zone B=9.0"])
    }

    /// Batches of many rows and single rows, and a pair given twice in either, named by its tag.
    @Test(arguments: [3, TravelTimeInserter.batchSize + 5, 2 * TravelTimeInserter.batchSize])
    func pairsGoInBatchesAndADuplicateIsNamed(count: Int) throws {
        let folder = try TemporaryFolder()
        let database = try TerritoryDatabase.create(at: folder.path("b.db"))
        try database.transaction { writer in
            let (inserter, _) = try writer.replaceTravelMatrix(TravelMatrixDefinition(name: "big", isDirected: true))
            for index in 0..<count {
                try inserter.add(
                    from: .zone("O\(index / 10)"), to: .actor("D\(index % 10)"), minutes: Double(index), km: nil,
                    tag: index)
            }
            try inserter.finish()
        }
        let matrix = try #require(try database.travelMatrix(named: "big"))
        #expect(matrix.storedPairCount == count)
        #expect(matrix.minutes(from: .zone("O0"), to: .actor("D2")) == 2)
        let last = count - 1
        #expect(matrix.minutes(from: .zone("O\(last / 10)"), to: .actor("D\(last % 10)")) == Double(last))

        // The pair of row 1 again as row `count`: the error names row `count`, and nothing stays.
        #expect(throws: DuplicateTravelPair(origin: .zone("O0"), destination: .actor("D1"), tag: count)) {
            try database.transaction { writer in
                let (inserter, _) = try writer.replaceTravelMatrix(TravelMatrixDefinition(name: "big"))
                for index in 0..<count {
                    try inserter.add(
                        from: .zone("O\(index / 10)"), to: .actor("D\(index % 10)"), minutes: 1, km: nil, tag: index)
                }
                try inserter.add(from: .zone("O0"), to: .actor("D1"), minutes: 1, km: nil, tag: count)
                try inserter.finish()
            }
        }
        #expect(try database.travelMatrix(named: "big")?.definition.isDirected == true)
    }
}
