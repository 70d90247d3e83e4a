import Foundation
import GRDB
import MaillageCore
import MaillageTestSupport
import Testing

@testable import MaillageStore

/// Migration 11 lets `actor_capacity` hold `ed_short_stay_beds`: a database written before it
/// keeps every capacity, and takes the new measure from then on.
@Suite struct ShortStayBedsMigrationTests {
    @Test func anOlderDatabaseKeepsItsCapacitiesAndTakesShortStayBeds() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("old.db")
        let hospital =
            "INSERT INTO actor(id, kind, name, lon, lat, zone_id) VALUES ('h1', 'hospital', 'H', 1.1, 43.1, 'Z1')"
        try OlderTerritory.make(
            at: path, upTo: "10-simulation-zone-columns",
            rows: [
                hospital,
                "INSERT INTO actor_capacity(actor_id, measure, value, estimated) VALUES ('h1', 'beds', 120, 1)",
            ])
        // Before the migration the schema refuses the new measure (the actor exists: only the CHECK can refuse).
        #expect {
            try OlderTerritory.make(
                at: folder.path("older.db"), upTo: "10-simulation-zone-columns",
                rows: [
                    hospital,
                    "INSERT INTO actor_capacity(actor_id, measure, value) VALUES ('h1', 'ed_short_stay_beds', 8)",
                ])
        } throws: { error in
            (error as? DatabaseError)?.resultCode == .SQLITE_CONSTRAINT
                && (error as? DatabaseError)?.message?.contains("CHECK") == true
        }

        let database = try TerritoryDatabase.open(at: path)
        #expect(try database.appliedMigrations().last == "11-short-stay-beds")
        try database.transaction { writer in
            try writer.setCapacity(Capacity(.edShortStayBeds, 8), of: "h1")
        }
        let actor = try #require(try database.loadTerritory().actors.first)
        #expect(actor.capacity(.beds) == (try Capacity(.beds, 120, isEstimated: true)))
        #expect(actor.capacity(.edShortStayBeds)?.value == 8)
        // The rebuilt table keeps its checks and its link to the actor.
        #expect(throws: (any Error).self) {
            try database.write {
                try $0.execute(sql: "INSERT INTO actor_capacity(actor_id, measure, value) VALUES ('h1', 'bed', 1)")
            }
        }
        try database.write { try $0.execute(sql: "DELETE FROM actor WHERE id = 'h1'") }
        #expect(try database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM actor_capacity") } == 0)
    }

    /// Every measure the code knows is one the newest schema accepts: a new measure needs a migration.
    @Test func theSchemaAcceptsEveryMeasure() throws {
        let folder = try TemporaryFolder()
        let database = try TerritoryDatabase.create(at: folder.path("new.db"))
        try database.transaction { writer in
            try writer.upsert(
                Actor(
                    id: "h1", kind: .hospital, name: "H", point: try GeoPoint(longitude: 1, latitude: 43),
                    zoneID: nil, capacities: try CapacityMeasure.allCases.map { try Capacity($0, 1) }))
        }
        #expect(try database.loadTerritory().actors.first?.capacities.count == CapacityMeasure.allCases.count)
    }
}
