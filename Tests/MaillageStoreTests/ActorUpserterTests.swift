import Foundation
import GRDB
import MaillageCore
import MaillageTestSupport
import Testing

@testable import MaillageStore

/// ``ActorUpserter`` must leave what ``TerritoryWriter/upsert(_:)-(Actor)`` called actor by
/// actor leaves, batches or not.
@Suite struct ActorUpserterTests {
    let folder = try! TemporaryFolder()

    @Test func theSameIdTwiceInOneBatchIsAddedThenReplaced() throws {
        let database = try TerritoryDatabase.create(at: folder.path("u-\(UUID()).db"))
        let point = try GeoPoint(longitude: 1, latitude: 43)
        let (inserted, updated) = try database.transaction { writer in
            let upserter = writer.actorUpserter()
            try upserter.upsert(
                Actor(
                    id: "x", kind: .gp, name: "First", point: point, capacities: [Capacity(.fte, 1)],
                    services: ["a", "b"]))
            try upserter.upsert(Actor(id: "y", kind: .gp, name: "Y", point: point, services: ["a", "a"]))
            try upserter.upsert(
                Actor(
                    id: "x", kind: .hospital, name: "Second", point: point, capacities: [Capacity(.beds, 5)],
                    services: ["c"]))
            try upserter.finish()
            return (upserter.inserted, upserter.updated)
        }
        #expect(inserted == 2 && updated == 1)
        let actors = try database.loadTerritory().actors.sorted { $0.id < $1.id }
        #expect(actors.map(\.id) == ["x", "y"])
        #expect(actors[0].name == "Second" && actors[0].kind == .hospital)
        #expect(actors[0].capacities == [try Capacity(.beds, 5)] && actors[0].services == ["c"])
        #expect(actors[1].services == ["a"])  // given twice, kept once
    }

    @Test func anEmptyUpserterWritesNothing() throws {
        let database = try TerritoryDatabase.create(at: folder.path("e-\(UUID()).db"))
        let counts = try database.transaction { writer in
            let upserter = writer.actorUpserter()
            try upserter.finish()
            return upserter.inserted + upserter.updated
        }
        #expect(counts == 0)
        #expect(try database.summary().actors == 0)
    }
}
