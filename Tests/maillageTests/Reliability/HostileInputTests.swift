import Foundation
import MaillageTestSupport
import Testing

/// Ids and names written to hurt (SQL, quotes, HTML) go through import, export, access and
/// report unharmed, and output paths are created where asked and nowhere else.
@Suite struct HostileInputTests {
    static let dropActors = "'; DROP TABLE actors; --"
    static let dropZone = #"Robert"); DROP TABLE zone;--"#
    static let script = "<script>alert(1)</script>"

    let folder: URL
    /// Holds `folder`, removed with the suite instance after each test.
    let scratch: TemporaryFolder

    init() throws {
        scratch = try TemporaryFolder(prefix: "maillage-hostile")
        folder = scratch.url
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func mustRun(_ arguments: [String], in directory: URL? = nil) throws -> CommandLineTests.Result {
        let result = try CommandLineTests.run(arguments, in: directory)
        try #require(result.status == 0, "\(arguments): \(result.stderr)")
        return result
    }

    /// RFC 4180 quoting, written here rather than borrowed from the code under test.
    static func quoted(_ field: String) -> String { "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// A 5-zone generated territory plus a hostile zone, three hostile actors and a matrix between them.
    func hostileTerritory() throws -> String {
        let db = path("t.db")
        _ = try mustRun(["generate", "--zones", "5", "--population", "10000", "--seed", "1", "--out", db, "-q"])
        let zones = path("zones.csv")
        try "id,name,lat,lon,population\n\(Self.quoted(Self.dropZone)),\(Self.quoted(Self.script)),46.64,2.31,1200\n"
            .write(toFile: zones, atomically: true, encoding: .utf8)
        _ = try mustRun(["import", "zones", zones, "--db", db, "-q"])
        let actors = path("actors.csv")
        try """
        id,kind,name,lat,lon,capacity.fte,services
        \(Self.quoted(Self.dropActors)),gp,\(Self.quoted(Self.dropZone)),46.64,2.31,1.5,emergency
        \(Self.quoted(Self.dropZone)),gp,\(Self.quoted(Self.script)),46.65,2.32,2,
        \(Self.quoted(Self.script)),gp,\(Self.quoted("O'Brien, \"Bob\" & <b>Cie</b>")),46.63,2.30,1,

        """.write(toFile: actors, atomically: true, encoding: .utf8)
        _ = try mustRun(["import", "actors", actors, "--db", db, "-q"])
        let matrix = path("matrix.csv")
        try
            "origin_id,destination_id,minutes\n\(Self.quoted(Self.dropZone)),Z00001,7\nZ00002,\(Self.quoted(Self.dropZone)),9\n"
            .write(toFile: matrix, atomically: true, encoding: .utf8)
        _ = try mustRun(["import", "matrix", matrix, "--db", db, "--origins", "zones", "--destinations", "zones", "-q"])
        return db
    }

    static let tablesQuery = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name;"
    static let peopleQuery = """
        SELECT 'zone', id, name, population FROM zone UNION ALL
        SELECT 'actor', id, name, kind || ' ' || ifnull(zone_id, '-') FROM actor ORDER BY 1, 2;
        """

    @Test func hostileIdsAndNamesReachTheDatabaseAsPlainValues() throws {
        let db = try hostileTerritory()
        let fresh = path("fresh.db")
        _ = try mustRun(["init", fresh])
        #expect(try SQLiteShell.run(db, Self.tablesQuery) == SQLiteShell.run(fresh, Self.tablesQuery))
        // Read back with sqlite3's quote(), which doubles single quotes: the exact stored text.
        let stored = try SQLiteShell.column(
            db,
            "SELECT quote(id) || ' ' || quote(name) FROM actor WHERE kind = 'gp' AND id NOT LIKE 'gp-%' ORDER BY id;")
        #expect(
            stored == [
                #"'''; DROP TABLE actors; --' 'Robert"); DROP TABLE zone;--'"#,
                #"'<script>alert(1)</script>' 'O''Brien, "Bob" & <b>Cie</b>'"#,
                #"'Robert"); DROP TABLE zone;--' '<script>alert(1)</script>'"#,
            ])
        #expect(
            try SQLiteShell.column(db, "SELECT quote(id) FROM travel_endpoint ORDER BY 1;")
                == [#"'Robert"); DROP TABLE zone;--'"#, "'Z00001'", "'Z00002'"])
        // Each origin's row: its minutes as little-endian float64 (7.0 = 0x401C000000000000, 9.0 = 0x4022…).
        #expect(
            try SQLiteShell.column(
                db,
                """
                SELECT e.id || '=' || hex(r.minutes) FROM travel_row r JOIN travel_endpoint e ON e.matrix_id = r.matrix_id AND e.ordinal = r.origin ORDER BY 1;
                """) == [#"Robert"); DROP TABLE zone;--=0000000000001C40"#, "Z00002=0000000000002240"])
        #expect(
            try SQLiteShell.column(db, "SELECT measure || '=' || value FROM actor_capacity WHERE actor_id LIKE '''%';")
                == ["fte=1.5"])
    }

    @Test func hostileValuesRoundTripThroughExportAndImport() throws {
        let db = try hostileTerritory()
        _ = try mustRun(["export", "zones", "--db", db, "--out", path("out/zones.csv")])
        _ = try mustRun(["export", "actors", "--db", db, "--out", path("out/actors.csv")])
        let copy = path("copy.db")
        _ = try mustRun(["init", copy])
        _ = try mustRun(["import", "zones", path("out/zones.csv"), "--db", copy, "-q"])
        _ = try mustRun(["import", "actors", path("out/actors.csv"), "--db", copy, "-q"])
        #expect(try SQLiteShell.run(copy, Self.peopleQuery) == SQLiteShell.run(db, Self.peopleQuery))
        #expect(
            try SQLiteShell.run(copy, "SELECT count(*) FROM zone WHERE id = 'Robert\"); DROP TABLE zone;--';") == "1")

        _ = try mustRun(["export", "zones", "--db", db, "--out", path("out/zones.geojson")])
        let geojson =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path("out/zones.geojson"))))
            as? [String: Any]
        let properties = (geojson?["features"] as? [[String: Any]] ?? []).compactMap {
            $0["properties"] as? [String: Any]
        }
        #expect(properties.contains { $0["id"] as? String == Self.dropZone && $0["name"] as? String == Self.script })
    }

    @Test func accessAndReportCarryHostileValuesEscaped() throws {
        let db = try hostileTerritory()
        _ = try mustRun(["access", "nearest", "--db", db, "--kind", "gp", "--out", path("nearest.csv"), "-q"])
        let nearest = try String(contentsOfFile: path("nearest.csv"), encoding: .utf8)
        // The hostile zone's nearest GP is the one placed on it; its id needs no CSV quotes (no comma, no ").
        let row = nearest.split(whereSeparator: \.isNewline).first { $0.hasPrefix(Self.quoted(Self.dropZone) + ",") }
        #expect(row?.hasSuffix("," + Self.dropActors) == true, "\(nearest)")

        _ = try mustRun(["report", "--db", db, "--out", path("report.html")])
        let html = try String(contentsOfFile: path("report.html"), encoding: .utf8)
        #expect(!html.contains(Self.script))
        #expect(!html.contains("<b>Cie</b>"))
    }

    /// Every file and folder under `root`, relative, sorted.
    func tree(_ root: URL) -> [String] {
        (FileManager.default.subpaths(atPath: root.path) ?? []).sorted()
    }

    @Test func outputsAppearWhereAskedAndNowhereElse() throws {
        let db = path("t.db")
        _ = try mustRun(["generate", "--zones", "5", "--population", "10000", "--seed", "1", "--out", db, "-q"])
        let work = folder.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)

        _ = try mustRun(
            ["export", "zones", "--db", "../t.db", "--out", "../missing/../elsewhere/z.csv", "-q"], in: work)
        _ = try mustRun(
            ["access", "nearest", "--db", "../t.db", "--kind", "gp", "--out", "new/deeper/n.csv", "-q"], in: work)
        _ = try mustRun(["report", "--db", "../t.db", "--out", "../reports/../r.html"], in: work)
        _ = try mustRun(["export", "actors", "--db", "../t.db", "--out", "./a; rm -rf ~.csv", "-q"], in: work)

        #expect(tree(work) == ["a; rm -rf ~.csv", "new", "new/deeper", "new/deeper/n.csv"])
        #expect(tree(folder).filter { !$0.hasPrefix("work") } == ["elsewhere", "elsewhere/z.csv", "r.html", "t.db"])
    }
}
