import Foundation
import GRDB
import MaillageCore
import MaillageFormats
import MaillageStore
import MaillageTestSupport
import Testing

@testable import MaillageIO

/// `import actors` writes a batch of ``ActorUpserter/batchSize`` rows at a time: a file a few
/// rows longer than one batch must give what a row-by-row import gave (counts, values,
/// replacement of a stored actor, errors in file order, nothing written on failure).
///
/// The file: 261 rows (one batch of 256 and 5 more), row i on line i + 1:
/// `a<i as 4 digits>`, hospital when i is a multiple of 10 else gp, lat 43.<i>, lon 1.<i>,
/// zone Z1 when i is odd else Z2, fte = i % 4 + 1, beds = i for hospitals, services
/// `emergency;smur` for hospitals and `consultation` for gps.
@Suite struct ActorsBatchImportTests {
    let folder = try! TemporaryFolder()

    static let rows = 261

    static func line(_ i: Int) -> String {
        let hospital = i % 10 == 0
        let id = "a" + String(format: "%04d", i)
        let decimals = String(format: "%04d", i)
        return
            "\(id),\(hospital ? "hospital" : "gp"),Name \(i),43.\(decimals),1.\(decimals),\(i % 2 == 1 ? "Z1" : "Z2"),"
            + "\(i % 4 + 1),\(hospital ? "\(i)" : ""),\(hospital ? "emergency;smur" : "consultation")"
    }

    /// The file, with some rows' text replaced (row number → line text).
    func file(_ changes: [Int: String] = [:]) throws -> String {
        let lines = (1...Self.rows).map { changes[$0] ?? Self.line($0) }
        return try folder.write(
            "actors-\(UUID()).csv",
            "id,kind,name,lat,lon,zone_id,capacity.fte,capacity.beds,services\n"
                + lines.joined(separator: "\n") + "\n")
    }

    /// Zones Z1 and Z2, actor `keep`, and actor `a0005` (row 5 of the file) with a capacity and
    /// a service the import must replace.
    func database() throws -> TerritoryDatabase {
        let database = try TerritoryDatabase.create(at: folder.path("t-\(UUID()).db"))
        let point = try GeoPoint(longitude: 1, latitude: 43)
        try database.save(
            Territory(
                name: "before",
                zones: [Zone(id: "Z1", name: "One", point: point), Zone(id: "Z2", name: "Two", point: point)],
                actors: [
                    Actor(
                        id: "keep", kind: .pharmacy, name: "P", point: point, capacities: [Capacity(.beds, 3)],
                        services: ["night"]),
                    Actor(
                        id: "a0005", kind: .hospital, name: "Old", point: point, zoneID: "Z2",
                        capacities: [Capacity(.beds, 9)], services: ["old"]),
                ]
            ))
        return database
    }

    /// `SELECT` answers straight from the file, not through the store's loading code.
    func query(_ database: TerritoryDatabase, _ sql: String) throws -> String {
        let queue = try DatabaseQueue(path: database.path)
        return try queue.read { try String.fetchAll($0, sql: sql).joined(separator: "|") }
    }

    @Test func moreThanOneBatchIsCountedAndStoredLikeRowByRow() throws {
        #expect(ActorUpserter.batchSize == 256, "the hand counts below assume one batch of 256 and one of 5")
        let database = try database()
        let path = try file()
        let report = try ActorsImporter().run(file: path, into: database)
        #expect(report.rowsRead == 261 && report.inserted == 260 && report.updated == 1 && report.skippedCount == 0)

        // 261 rows + keep; a0005 replaced in place.
        #expect(try query(database, "SELECT count(*) FROM actor") == "262")
        // Hospitals are rows 10, 20, … 260: 26; gps 235. Z1 holds the odd rows 1…261: 131.
        #expect(
            try query(
                database, "SELECT kind || ':' || count(*) FROM actor WHERE id != 'keep' GROUP BY kind ORDER BY kind")
                == "gp:235|hospital:26")
        #expect(
            try query(
                database,
                "SELECT zone_id || ':' || count(*) FROM actor WHERE id != 'keep' GROUP BY zone_id ORDER BY zone_id")
                == "Z1:131|Z2:130")
        // fte: i % 4 + 1 runs 2, 3, 4, 1 from i = 1, 10 per four rows: 65 × 10 + 2 (row 261) = 652.
        // beds: 10 + 20 + … + 260 = 10 × (26 × 27 / 2) = 3,510, plus keep's 3.
        #expect(
            try query(database, "SELECT count(*) || ':' || sum(value) FROM actor_capacity WHERE measure = 'fte'")
                == "261:652.0")
        #expect(
            try query(database, "SELECT count(*) || ':' || sum(value) FROM actor_capacity WHERE measure = 'beds'")
                == "27:3513.0")
        // Services: 26 × 2 + 235 = 287, plus keep's night.
        #expect(try query(database, "SELECT count(*) FROM actor_service") == "288")

        // a0005: the file's values, its old bed count and service gone.
        let actors = try database.loadTerritory().actors
        let replaced = try #require(actors.first { $0.id == "a0005" })
        #expect(replaced.kind == .gp && replaced.name == "Name 5" && replaced.zoneID == "Z1")
        #expect(replaced.point == (try GeoPoint(longitude: 1.0005, latitude: 43.0005)))
        #expect(replaced.capacities == [try Capacity(.fte, 2)])
        #expect(replaced.services == ["consultation"])
        // Either side of the batch boundary (rows 256 and 257) and the last hospital (260).
        let last = try #require(actors.first { $0.id == "a0256" })
        let first = try #require(actors.first { $0.id == "a0257" })
        #expect(last.zoneID == "Z2" && last.capacity(.fte)?.value == 1 && last.services == ["consultation"])
        #expect(first.zoneID == "Z1" && first.capacity(.fte)?.value == 2)
        let hospital = try #require(actors.first { $0.id == "a0260" })
        #expect(hospital.capacity(.beds)?.value == 260 && hospital.services == ["emergency", "smur"])
        #expect(actors.first { $0.id == "keep" }?.services == ["night"])

        // Again: every row updates in place.
        let again = try ActorsImporter().run(file: path, into: database)
        #expect(again.rowsRead == 261 && again.inserted == 0 && again.updated == 261)
        #expect(
            try query(
                database,
                "SELECT (SELECT count(*) FROM actor) || ':' || (SELECT count(*) FROM actor_capacity) || ':' || (SELECT count(*) FROM actor_service)"
            ) == "262:288:288")  // 261 fte + 27 beds; 288 services
    }

    /// Each failing file names the first bad row in file order, whichever batch finds it, and
    /// leaves the database as it was.
    @Test(
        arguments: [
            // Row 258 (line 259, second batch) repeats row 3's id (line 4, first batch).
            ("duplicate across the boundary", [258: line(3)], 259, "id", "line 4"),
            // The last row has a bad latitude.
            (
                "error on the last row", [261: line(261).replacingOccurrences(of: "43.0261", with: "abc")], 262, "lat",
                nil
            ),
            // The duplicate of row 258 is only seen when its batch is checked, after row 260 was read.
            (
                "duplicate before a bad value",
                [258: line(3), 260: line(260).replacingOccurrences(of: "1.0260", with: "x")], 259, "id", "line 4"
            ),
            // Row 257's unknown zone comes before row 259 repeating row 258 within the batch.
            (
                "unknown zone before a repeat",
                [257: line(257).replacingOccurrences(of: "Z1", with: "Z9"), 259: line(258)], 258, "zone_id", nil
            ),
            // A repeat inside the first batch.
            ("repeat inside a batch", [10: line(2)], 11, "id", "line 3"),
        ] as [(String, [Int: String], Int, String, String?)])
    func failingImportsChangeNothing(name: String, changes: [Int: String], line: Int, field: String, mentions: String?)
        throws
    {
        let database = try database()
        let before = try database.loadTerritory()
        let path = try file(changes)
        #expect {
            _ = try ActorsImporter().run(file: path, into: database)
        } throws: { error in
            guard let error = error as? ImportError else { return false }
            return error.file == path && error.line == line && error.field == field
                && (mentions.map(error.expected.contains) ?? true)
        }
        #expect(try database.loadTerritory() == before)
        #expect(
            try query(
                database,
                "SELECT (SELECT count(*) FROM actor) || ':' || (SELECT count(*) FROM actor_capacity) || ':' || (SELECT count(*) FROM actor_service)"
            ) == "2:2:2")
    }
}
