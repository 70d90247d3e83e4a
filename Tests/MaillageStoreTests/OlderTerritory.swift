import GRDB

@testable import MaillageStore

/// A territory database stopped at an older schema step, as an earlier version left it: its
/// metadata, zone `Z1` and the given rows (inserts in that step's schema), written by hand.
enum OlderTerritory {
    static func make(at path: String, upTo migration: String, rows: [String]) throws {
        let queue = try DatabaseQueue(path: path)
        try TerritoryMigrator.migrator.migrate(queue, upTo: migration)
        try queue.write { db in
            try db.execute(
                sql: "INSERT INTO metadata(key, value) VALUES ('maillage_version', '0.old'), ('name', 'old')")
            try db.execute(sql: "INSERT INTO zone(id, name, lon, lat, population) VALUES ('Z1', 'One', 1, 43, 10)")
            for row in rows { try db.execute(sql: row) }
        }
        try queue.close()
    }
}
