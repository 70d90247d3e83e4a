import Foundation
import GRDB
import MaillageCore
import MaillageTestSupport
import Testing

@testable import MaillageStore

/// Migration 8 adds `actor.practice_start_year`: a database written before it opens with its
/// actors unchanged and unknown years, and takes years from then on.
@Suite struct PracticeStartYearMigrationTests {
    @Test func anOlderDatabaseGainsTheColumnAndKeepsItsActors() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("old.db")
        try OlderTerritory.make(
            at: path, upTo: "7-observed-series",
            rows: [
                "INSERT INTO actor(id, kind, name, lon, lat, zone_id) VALUES ('g1', 'gp', 'Doctor', 1.1, 43.1, 'Z1')",
                "INSERT INTO actor_capacity(actor_id, measure, value) VALUES ('g1', 'fte', 2)",
            ])

        let database = try TerritoryDatabase.open(at: path)
        #expect(try database.appliedMigrations().contains("8-actor-practice-start-year"))
        let actor = try #require(try database.loadTerritory().actors.first)
        #expect(actor.id == "g1" && actor.name == "Doctor" && actor.capacity(.fte)?.value == 2)
        #expect(actor.practiceStartYear == nil)
        // From now on a year is stored and read back, and the schema refuses one out of range.
        try database.transaction { writer in
            try writer.upsert(
                Actor(
                    id: "g1", kind: .gp, name: "Doctor", point: actor.point, zoneID: "Z1", capacities: actor.capacities,
                    practiceStartYear: 1984))
        }
        #expect(try database.loadTerritory().actors.first?.practiceStartYear == 1984)
        #expect(throws: (any Error).self) {
            try database.write { try $0.execute(sql: "UPDATE actor SET practice_start_year = 1800") }
        }
        #expect(try database.loadTerritory().actors.first?.practiceStartYear == 1984)
    }

    @Test func aYearOutsideTheRangeIsRefusedWhenTheActorIsMade() throws {
        #expect(throws: ValidationError.self) {
            try Actor(
                id: "g", kind: .gp, name: "g", point: GeoPoint(longitude: 1, latitude: 43), practiceStartYear: 1850)
        }
    }
}
