import Foundation
import GRDB
import MaillageTestSupport
import Testing

@testable import MaillageStore

/// The packed matrix storage (`travel_row`, `travel_endpoint`) and the migration that converts
/// databases written with one `travel_time` row per pair.
@Suite struct PackedTravelMatrixTests {
    /// A database as Maillage wrote it before migration 6: the old schema, pairs in `travel_time`.
    static func oldDatabase(at path: String, pairs: [(String, String, String, String, Double, Double?)]) throws {
        let queue = try DatabaseQueue(path: path)
        try TerritoryMigrator.migrator.migrate(queue, upTo: "5-scenario-runs")
        try queue.write { db in
            try db.execute(
                sql: "INSERT INTO metadata(key, value) VALUES ('maillage_version', '0.old'), ('name', 'old')")
            try db.execute(
                sql:
                    "INSERT INTO travel_matrix(name, directed, intrazone_minutes, description) VALUES ('road', 0, 2.5, 'osrm.csv'), ('air', 1, 0, NULL)"
            )
            for (origin, originID, destination, destinationID, minutes, km) in pairs {
                try db.execute(
                    sql: """
                        INSERT INTO travel_time(matrix, origin_type, origin_id, destination_type, destination_id, minutes, km)
                        VALUES ('road', ?, ?, ?, ?, ?, ?)
                        """, arguments: [origin, originID, destination, destinationID, minutes, km])
            }
            try db.execute(sql: "INSERT INTO travel_time VALUES ('air', 'zone', 'Z1', 'zone', 'Z2', 0.1, NULL)")
        }
    }

    @Test func anOldDatabaseIsConvertedWithTheSameTimesDistancesAndReadings() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("old.db")
        // Inserted out of order, with ids whose byte order differs from their insertion order.
        let pairs: [(String, String, String, String, Double, Double?)] = [
            ("zone", "Z2", "zone", "Z1", 12.25, nil),
            ("zone", "Z1", "zone", "Z2", 10.123456789, 8.5),
            ("zone", "Z1", "actor", "h1", 20, nil),
            ("zone", "Z10", "zone", "Z1", 0.000001, 0.3),
            ("zone", "Z1", "zone", "Z1", 1.5, 0),
            ("actor", "h1", "zone", "Z2", 33.3, 40),
            ("zone", "Zé", "zone", "Z1", 7, nil),
        ]
        try Self.oldDatabase(at: path, pairs: pairs)

        let database = try TerritoryDatabase.open(at: path)
        #expect(try database.appliedMigrations().contains("6-packed-travel-matrices"))
        #expect(
            try database.travelMatrices() == [
                TravelMatrixDefinition(name: "air", isDirected: true),
                TravelMatrixDefinition(name: "road", intrazoneMinutes: 2.5, description: "osrm.csv"),
            ])
        // The order exports have always used: type, then id, compared as bytes (SQLite's BINARY).
        var streamed: [String] = []
        try database.forEachTravelTime(of: "road") { origin, destination, time in
            streamed.append("\(origin)>\(destination)=\(time.minutes)/\(time.km.map { "\($0)" } ?? "-")")
        }
        #expect(
            streamed == [
                "actor h1>zone Z2=33.3/40.0",
                "zone Z1>actor h1=20.0/-",
                "zone Z1>zone Z1=1.5/0.0",
                "zone Z1>zone Z2=10.123456789/8.5",
                "zone Z10>zone Z1=1e-06/0.3",
                "zone Z2>zone Z1=12.25/-",
                "zone Zé>zone Z1=7.0/-",
            ])
        let road = try #require(try database.travelMatrix(named: "road"))
        #expect(road.storedPairCount == 7)
        #expect(
            road.minutes(from: .zone("Z2"), to: .actor("h1")) == 33.3 - 0
                && road.minutes(from: .zone("Z2"), to: .zone("Z1")) == 12.25)
        #expect(road.minutes(from: .zone("Z3"), to: .zone("Z3")) == 2.5)
        let air = try #require(try database.travelMatrix(named: "air"))
        #expect(air.minutes(from: .zone("Z2"), to: .zone("Z1")) == nil)
        #expect(try database.summary().travelTimes == 8)
        let (oldTableLeft, rows) = try database.read { db in
            (try db.tableExists("travel_time"), try Int.fetchOne(db, sql: "SELECT count(*) FROM travel_row"))
        }
        #expect(!oldTableLeft)
        #expect(rows == 6)  // 5 origins of road, 1 of air
    }

    @Test func aMatrixIsSizedFromTheIndexOfPairCountsNotFromItsRows() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("old.db")
        try Self.oldDatabase(
            at: path,
            pairs: [
                ("zone", "Z1", "zone", "Z2", 10, nil), ("zone", "Z1", "actor", "h1", 20, 3),
                ("zone", "Z2", "zone", "Z1", 11, nil),
            ])
        let database = try TerritoryDatabase.open(at: path)
        #expect(try database.appliedMigrations().contains("9-travel-row-pairs-index"))
        let plan = try database.read { db in
            try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN SELECT coalesce(sum(pairs), 0) FROM travel_row WHERE matrix_id = ?",
                arguments: [1]
            ).map { $0["detail"] as String }
        }
        #expect(plan == ["SEARCH travel_row USING COVERING INDEX travel_row_pairs (matrix_id=?)"])
        let road = try #require(try database.storedTravelMatrix(named: "road", distances: true))
        #expect(road.pairCount == 3)
        // The old rows were converted in the order type, then id: Z1 → h1 (actor) before Z1 → Z2.
        #expect(road.endpoints == [.zone("Z1"), .actor("h1"), .zone("Z2")])
        #expect(road.minutes == [20, 10, 11] && road.km?[0] == 3 && road.km?[1].isNaN == true)
        // Rows whose table order is not their origins' are read by origin all the same.
        try database.write { db in try db.execute(sql: "UPDATE travel_row SET rowid = 1000 - rowid") }
        let reordered = try #require(try database.storedTravelMatrix(named: "road", distances: true))
        #expect(reordered.origins == road.origins && reordered.offsets == road.offsets)
        #expect(reordered.destinations == road.destinations && reordered.minutes == road.minutes)
    }

    @Test func rowsHoldEachOriginOnceAndAnOriginThatComesBackIsMerged() throws {
        let folder = try TemporaryFolder()
        let database = try TerritoryDatabase.create(at: folder.path("m.db"))
        try database.transaction { writer in
            let (inserter, _) = try writer.replaceTravelMatrix(TravelMatrixDefinition(name: "m", isDirected: true))
            try inserter.add(from: .zone("A"), to: .zone("C"), minutes: 3, km: nil)
            try inserter.add(from: .zone("A"), to: .zone("B"), minutes: 2, km: nil)
            try inserter.add(from: .zone("B"), to: .zone("A"), minutes: 4, km: 1.25)
            try inserter.add(from: .zone("A"), to: .zone("D"), minutes: 5, km: 6)  // A again
            try inserter.finish()
        }
        let stored = try #require(try database.storedTravelMatrix(named: "m", distances: true))
        #expect(stored.endpoints == [.zone("A"), .zone("C"), .zone("B"), .zone("D")])
        #expect(stored.origins == [0, 2])
        #expect(stored.offsets == [0, 3, 4])
        #expect(stored.destinations == [1, 2, 3, 0])  // in the order given, A's second visit after its first
        #expect(stored.minutes == [3, 2, 5, 4])
        #expect(stored.km?.map { $0.isNaN ? -1 : $0 } == [-1, -1, 6, 1.25])
        #expect(try database.storedTravelMatrix(named: "m")?.km == nil)

        // A pair given again after its origin's row was written is named by its tag.
        #expect(throws: DuplicateTravelPair(origin: .zone("A"), destination: .zone("C"), tag: 9)) {
            try database.transaction { writer in
                let (inserter, _) = try writer.replaceTravelMatrix(TravelMatrixDefinition(name: "m"))
                try inserter.add(from: .zone("A"), to: .zone("C"), minutes: 3, km: nil, tag: 1)
                try inserter.add(from: .zone("B"), to: .zone("C"), minutes: 3, km: nil, tag: 2)
                try inserter.add(from: .zone("A"), to: .zone("C"), minutes: 3, km: nil, tag: 9)
                try inserter.finish()
            }
        }
        #expect(try database.storedTravelMatrix(named: "m")?.pairCount == 4)  // the failed import left it as it was
    }
}
