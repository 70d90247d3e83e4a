import Foundation
import MaillageTestSupport
import Testing

/// Issue 20: text damaged on its way to Maillage is an error naming file, line and field, and
/// look-alike ids are one id (canonically equivalent) or refused (invisible characters).
@Suite struct TextDamageTests {
    let folder: URL
    /// Holds `folder`, removed with the suite instance after each test.
    let scratch: TemporaryFolder

    init() throws {
        scratch = try TemporaryFolder(prefix: "maillage-damage")
        folder = scratch.url
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func write(_ bytes: [UInt8], _ name: String) throws -> String {
        try Data(bytes).write(to: URL(fileURLWithPath: path(name)))
        return path(name)
    }

    func write(_ text: String, _ name: String) throws -> String { try write(Array(text.utf8), name) }

    func territory() throws -> String {
        let db = path("t.db")
        let made = try CommandLineTests.run([
            "generate", "--zones", "6", "--population", "6000", "--seed", "1", "--out", db, "-q",
        ])
        try #require(made.status == 0, "\(made.stderr)")
        return db
    }

    func refused(_ arguments: [String], db: String, mentioning words: [String]) throws {
        let before = try SQLiteShell.territoryDigest(db)
        let result = try CommandLineTests.run(arguments)
        #expect(result.status == 65, "\(arguments): \(result.status) \(result.stderr)")
        for word in words { #expect(result.stderr.contains(word), "\(result.stderr) lacks \(word)") }
        #expect(try SQLiteShell.territoryDigest(db) == before)
    }

    @Test func aLatin1RowInAUTF8FileIsRefusedNotMojibake() throws {
        let db = try territory()
        let bytes =
            Array("id,name,lat,lon,population\nA1,Saint-Étienne,46.6,2.3,10\nA2,B".utf8) + [0xE9]
            + Array("ziers,46.7,2.3,20\nA3,Cœur,46.8,2.3,30\n".utf8)
        let file = try write(bytes, "mixed.csv")
        try refused(
            ["import", "zones", file, "--db", db], db: db,
            mentioning: ["mixed.csv:3", "line 3 is Latin-1", "line 2 is UTF-8"])
        // The same row beyond the sample the encoding is detected on: refused at its own line and field.
        let padding = (0..<45_000).map { "P\($0),Évreux \($0),46.6,2.3,1\n" }.joined()
        let late =
            Array("id,name,lat,lon,population\n\(padding)".utf8) + Array("Z9,B".utf8) + [0xE9]
            + Array("ziers,46.7,2.3,20\n".utf8)
        let lateFile = try write(late, "late.csv")
        try refused(
            ["import", "zones", lateFile, "--db", db], db: db,
            mentioning: ["late.csv:45002", "field 'name'", "not UTF-8"])
        // Given as Latin-1 by the user, the file is read as such.
        let latin = try write(
            Array("id,name,lat,lon,population\nL1,B".utf8) + [0xE9] + Array("ziers,46.7,2.3,20\n".utf8), "latin.csv")
        #expect(try CommandLineTests.run(["import", "zones", latin, "--db", db]).status == 0)
        #expect(try SQLiteShell.run(db, "SELECT name FROM zone WHERE id = 'L1';") == "Béziers")
    }

    @Test func aNULByteIsRefusedInsteadOfTruncatingTheName() throws {
        let db = try territory()
        let file = try write(
            Array("id,name,lat,lon,population\nN1,Tou".utf8) + [0] + Array("louse,43.6,1.44,10\n".utf8), "nul.csv")
        try refused(["import", "zones", file, "--db", db], db: db, mentioning: ["nul.csv:2", "field 'name'", "NUL"])
    }

    @Test func extraFieldsAndDuplicatedColumnsAreRefused() throws {
        let db = try territory()
        let extra = try write("id,name,lat,lon,population\nE1,Albi,43.9,2.1,100,49000\n", "extra.csv")
        try refused(
            ["import", "zones", extra, "--db", db], db: db, mentioning: ["extra.csv:2", "field 6", "5 fields"])
        // A trailing delimiter loses nothing: accepted.
        let trailing = try write("id,name,lat,lon,population\nE2,Albi,43.9,2.1,100,\n", "trailing.csv")
        #expect(try CommandLineTests.run(["import", "zones", trailing, "--db", db]).status == 0)
        let twice = try write("id,name,lat,lon,population,Population\nD1,Rodez,44.3,2.5,10,24000\n", "twice.csv")
        try refused(["import", "zones", twice, "--db", db], db: db, mentioning: ["twice.csv:1", "columns 5 and 6"])
    }

    @Test func anAllZeroAgePyramidIsRefused() throws {
        let db = try territory()
        let zones = try write("id,name,lat,lon,population\n31555,Toulouse,43.6,1.44,471583\n", "z.csv")
        #expect(try CommandLineTests.run(["import", "zones", zones, "--db", db]).status == 0)
        let rows = [
            "0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54", "55-59",
            "60-64", "65-69", "70-74", "75-79", "80-84", "85-89", "90-94", "95+",
        ].map { "2021,31,ensemble,\($0),0" }
        let pyramid = try write(
            "annee,dep,sexe,age_band,population\n" + rows.joined(separator: "\n") + "\n", "pyramid.csv")
        let population = try write("id,population\n31555,471583\n", "pop.csv")
        try refused(
            ["import", "population", population, "--db", db, "--age-pyramid", pyramid], db: db,
            mentioning: ["pyramid.csv:2", "département 31", "0"])
    }

    @Test func canonicallyEquivalentIdsAreOneZone() throws {
        let db = try territory()
        let decomposed = "Cafe\u{301}"
        let composed = "Caf\u{E9}"
        #expect(Array(decomposed.utf8) != Array(composed.utf8))
        let first = try write("id,name,lat,lon,population\n\(decomposed),NFD,46.6,2.3,100\n", "nfd.csv")
        let second = try write("id,name,lat,lon,population\n\(composed),NFC,46.6,2.3,200\n", "nfc.csv")
        #expect(try CommandLineTests.run(["import", "zones", first, "--db", db]).status == 0)
        #expect(try CommandLineTests.run(["import", "zones", second, "--db", db]).status == 0)
        #expect(try SQLiteShell.run(db, "SELECT count(*) FROM zone WHERE id LIKE 'Caf%';") == "1")
        #expect(
            try SQLiteShell.run(
                db,
                "SELECT hex(id) || ' ' || name || ' ' || CAST(population AS INTEGER) FROM zone WHERE id LIKE 'Caf%';")
                == "436166C3A9 NFC 200")
        let actors = try write(
            "id,kind,name,lat,lon,zone_id,capacity.fte\nG\u{301}P,gp,Doc,46.6,2.3,\(decomposed),1\n", "a.csv")
        #expect(try CommandLineTests.run(["import", "actors", actors, "--db", db]).status == 0)
        #expect(try SQLiteShell.run(db, "SELECT hex(zone_id) FROM actor WHERE name = 'Doc';") == "436166C3A9")
        for command in [
            ["access", "nearest", "--db", db, "--kind", "gp", "--out", path("n.csv")],
            ["export", "zones", "--db", db, "--out", path("z.csv")],
            ["report", "--db", db, "--out", path("r.html")],
        ] {
            let result = try CommandLineTests.run(command)
            #expect(result.status == 0, "\(command[0]): \(result.stderr)")
        }
    }

    @Test func invisibleAndBidiCharactersInIdsAreRefused() throws {
        let db = try territory()
        for (name, id) in [
            ("zero-width", "Z00001\u{200B}"), ("bidi", "\u{202E}10000Z"), ("bom", "\u{FEFF}X1"),
            ("joiner", "A\u{200D}B"),
        ] {
            let zones = try write("id,name,lat,lon,population\n\(id),Look-alike,46.6,2.3,100\n", "\(name).csv")
            try refused(
                ["import", "zones", zones, "--db", db], db: db, mentioning: ["\(name).csv:2", "invisible character"])
            let actors = try write("id,kind,name,lat,lon\n\(id),gp,Look-alike,46.6,2.3\n", "\(name)-actors.csv")
            try refused(
                ["import", "actors", actors, "--db", db], db: db,
                mentioning: ["\(name)-actors.csv:2", "invisible character"])
        }
    }

    @Test func aSelfIntersectingPolygonIsRefused() throws {
        let db = try territory()
        func feature(_ id: String, _ ring: String) -> String {
            #"{"type":"Feature","properties":{"id":"\#(id)","population":100},"geometry":{"type":"Polygon","coordinates":[\#(ring)]}}"#
        }
        // A bow-tie near longitude 2.31: its two lobes cross at (2.31, 46.61).
        let bowTie = "[[2.30,46.60],[2.32,46.62],[2.32,46.60],[2.30,46.62],[2.30,46.60]]"
        let file = try write(#"{"type":"FeatureCollection","features":[\#(feature("BOW", bowTie))]}"#, "bow.geojson")
        try refused(
            ["import", "zones", file, "--db", db], db: db,
            mentioning: ["bow.geojson", "crosses itself", "longitude 2.31, latitude 46.61"])
        // A hole that doubles back on itself, inside a valid outer ring.
        let holed =
            "[[2.0,46.0],[2.1,46.0],[2.1,46.1],[2.0,46.1],[2.0,46.0]],[[2.02,46.02],[2.08,46.08],[2.08,46.02],[2.02,46.08],[2.02,46.02]]"
        let holeFile = try write(
            #"{"type":"FeatureCollection","features":[\#(feature("HOLE", holed))]}"#, "hole.geojson")
        try refused(["import", "zones", holeFile, "--db", db], db: db, mentioning: ["hole 1 crosses itself"])
        // The same corners in order make a square, accepted, with its point at its centre.
        let square = "[[2.30,46.60],[2.32,46.60],[2.32,46.62],[2.30,46.62],[2.30,46.60]]"
        let good = try write(#"{"type":"FeatureCollection","features":[\#(feature("SQ", square))]}"#, "square.geojson")
        let result = try CommandLineTests.run(["import", "zones", good, "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        let point = try SQLiteShell.run(db, "SELECT round(lon, 4) || ' ' || round(lat, 4) FROM zone WHERE id = 'SQ';")
        #expect(point == "2.31 46.61", "\(point)")
    }
}
