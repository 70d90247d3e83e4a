import Foundation
import MaillageTestSupport
import Testing

/// Issue 20: a database poisoned by an older version (the same id stored in NFD and NFC) gets
/// a repair path: `maillage repair` rewrites ids in NFC with their references.
@Suite struct RepairIdentifiersTests {
    @Test func aPoisonedDatabaseIsRepaired() throws {
        let scratch = try TemporaryFolder(prefix: "maillage-repair")
        // Kept alive to the end of the test: the folder goes with it.
        defer { withExtendedLifetime(scratch) {} }
        let folder = scratch.url
        let db = folder.appendingPathComponent("p.db").path
        #expect(
            try CommandLineTests.run([
                "generate", "--zones", "5", "--population", "5000", "--seed", "1", "--out", db, "-q",
            ]).status == 0)
        // What the older version stored: 'Café' in NFC and in NFD (43 61 66 65 CC 81), 'Noë' in NFD only,
        // with actors, a population band and a matrix pair pointing at the NFD forms.
        _ = try SQLiteShell.run(
            db,
            """
            INSERT INTO zone (id, name, lon, lat, population) VALUES (CAST(X'436166C3A9' AS TEXT), 'NFC', 2.3, 46.6, 100),
              (CAST(X'43616665CC81' AS TEXT), 'NFD', 2.3, 46.6, 200), (CAST(X'4E6F65CC88' AS TEXT), 'only NFD', 2.3, 46.6, 50);
            UPDATE actor SET zone_id = CAST(X'43616665CC81' AS TEXT) WHERE id = 'gp-000001';
            UPDATE actor SET zone_id = CAST(X'4E6F65CC88' AS TEXT) WHERE id = 'gp-000002';
            INSERT INTO travel_matrix (name) VALUES ('m');
            INSERT INTO travel_endpoint VALUES ((SELECT id FROM travel_matrix WHERE name = 'm'), 0, 'zone', CAST(X'4E6F65CC88' AS TEXT)),
              ((SELECT id FROM travel_matrix WHERE name = 'm'), 1, 'zone', 'Z00001');
            INSERT INTO travel_row VALUES ((SELECT id FROM travel_matrix WHERE name = 'm'), 0, 1, X'01000000', X'0000000000001C40', NULL);
            """)
        let poisoned = try CommandLineTests.run([
            "access", "nearest", "--db", db, "--kind", "gp", "--out", folder.appendingPathComponent("n.csv").path,
        ])
        #expect(poisoned.status == 65)
        #expect(poisoned.stderr.contains("repairing the database rewrites them in one"), "\(poisoned.stderr)")
        #expect(poisoned.stderr.contains("(maillage repair --db DB)"), "\(poisoned.stderr)")

        let repaired = try CommandLineTests.run(["repair", db])
        #expect(repaired.status == 0, "\(repaired.stderr)")
        #expect(repaired.stdout.contains(#"renamed zone 'Noe\u{308}' → 'Noë'"#), "\(repaired.stdout)")
        #expect(
            repaired.stdout.contains(#"merged zone 'Cafe\u{301}' → 'Café' (kept the NFC row)"#), "\(repaired.stdout)")
        #expect(
            try SQLiteShell.run(db, "SELECT hex(id) || ' ' || name FROM zone WHERE name LIKE '%NF%' ORDER BY 1;")
                == "436166C3A9 NFC\n4E6FC3AB only NFD")
        #expect(
            try SQLiteShell.run(
                db, "SELECT hex(zone_id) FROM actor WHERE id IN ('gp-000001', 'gp-000002') ORDER BY id;")
                == "436166C3A9\n4E6FC3AB")
        #expect(try SQLiteShell.run(db, "SELECT hex(id) FROM travel_endpoint WHERE ordinal = 0;") == "4E6FC3AB")
        #expect(try SQLiteShell.run(db, "PRAGMA foreign_key_check;") == "")
        #expect(try SQLiteShell.integrity(db) == "ok")
        let after = try CommandLineTests.run([
            "access", "nearest", "--db", db, "--kind", "gp", "--out", folder.appendingPathComponent("n.csv").path,
        ])
        #expect(after.status == 0, "\(after.stderr)")
        // A second repair finds nothing left to do.
        let again = try CommandLineTests.run(["repair", db])
        #expect(again.status == 0 && again.stdout.isEmpty, "\(again.stdout)")
    }
}
