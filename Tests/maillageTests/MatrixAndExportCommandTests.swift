import Foundation
import MaillageTestSupport
import Testing

/// `maillage import matrix` and `maillage export`, run as a planner's script would.
@Suite struct MatrixAndExportCommandTests {
    let folder: URL
    /// Holds `folder`, removed with the suite instance after each test.
    let scratch: TemporaryFolder

    init() throws {
        scratch = try TemporaryFolder(prefix: "maillage-cli")
        folder = scratch.url
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// A small generated territory (zone ids Z00001…).
    func territory() throws -> String {
        let db = path("t.db")
        #expect(
            try CommandLineTests.run(
                "generate", "--zones", "12", "--population", "20000", "--seed", "2", "--out", db, "--quiet"
            ).status == 0)
        return db
    }

    @Test func importMatrixReportsSkippedIdsAndExportWritesItBack() throws {
        let db = try territory()
        let matrix = path("osrm.csv")
        try
            "origin_id;destination_id;duration;distance\nZ00001;Z00002;600;9000\nZ00002;Z00001;660;9100\nZ00001;99999;60;1000\n"
            .write(toFile: matrix, atomically: true, encoding: .utf8)
        let imported = try CommandLineTests.run(
            "import", "matrix", matrix, "--db", db, "--directed", "--time-column", "duration", "--time-unit", "s",
            "--distance-column", "distance", "--distance-unit", "m", "--json"
        )
        #expect(imported.status == 0)
        #expect(imported.stdout.contains("\"inserted\" : 2") && imported.stdout.contains("\"rows_read\" : 3"))
        #expect(imported.stdout.contains("99999"))

        let out = path("exports/road.csv")
        let exported = try CommandLineTests.run("export", "matrix", "--db", db, "--out", out)
        #expect(exported.status == 0)
        #expect(exported.stderr.contains("Exported 2 pairs") && exported.stderr.contains("--directed"))
        // 600 s = 10 min, 9000 m = 9 km; 660 s = 11 min, 9100 m = 9.1 km.
        #expect(
            try String(contentsOfFile: out, encoding: .utf8)
                == "origin_id,destination_id,minutes,km\r\nZ00001,Z00002,10,9\r\nZ00002,Z00001,11,9.1\r\n")
    }

    @Test func badMatrixValuesAreDataErrorsNamingLineAndColumn() throws {
        let db = try territory()
        let matrix = path("bad.csv")
        try "origin_id,destination_id,minutes\nZ00001,Z00002,12\nZ00001,Z00003,soon\n".write(
            toFile: matrix, atomically: true, encoding: .utf8)
        let result = try CommandLineTests.run("import", "matrix", matrix, "--db", db)
        #expect(result.status == 65)
        #expect(
            result.stderr.contains("bad.csv:3") && result.stderr.contains("'minutes'") && result.stderr.contains("soon")
        )
        #expect(try CommandLineTests.run("import", "matrix", matrix, "--db", db, "--time-unit", "days").status == 64)
    }

    @Test func exportsTellUsageDataAndOutputErrorsApart() throws {
        let db = try territory()
        #expect(try CommandLineTests.run("export", "actors", "--db", db, "--out", path("a.txt")).status == 64)
        #expect(try CommandLineTests.run("export", "people", "--db", db, "--out", path("a.csv")).status == 64)
        #expect(try CommandLineTests.run("export", "matrix", "--db", db, "--out", path("m.geojson")).status == 64)
        let noMatrix = try CommandLineTests.run("export", "matrix", "--db", db, "--out", path("m.csv"))
        #expect(noMatrix.status == 65 && noMatrix.stderr.contains("import a travel matrix first"))
        let unwritable = try CommandLineTests.run("export", "zones", "--db", db, "--out", "/proc/maillage/zones.csv")
        #expect(unwritable.status == 73 && unwritable.stderr.contains("/proc/maillage/zones.csv"))
        #expect(
            try CommandLineTests.run("export", "zones", "--db", path("missing.db"), "--out", path("z.csv")).status == 66
        )

        let geojson = try CommandLineTests.run("export", "zones", "--db", db, "--out", path("z.geojson"), "--quiet")
        #expect(geojson.status == 0 && geojson.stderr.isEmpty)
        let object =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path("z.geojson"))))
            as? [String: Any]
        #expect((object?["features"] as? [Any])?.count == 12)
        let csv = try CommandLineTests.run(
            "export", "actors", "--db", db, "--out", path("a.csv"), "--delimiter", ";", "--with-source")
        #expect(csv.status == 0)
        #expect(
            try String(contentsOfFile: path("a.csv"), encoding: .utf8).hasPrefix(
                "id;kind;name;lat;lon;zone_id;services;"))
        #expect(
            try String(contentsOfFile: path("a.csv"), encoding: .utf8).components(separatedBy: "\r\n").first?.hasSuffix(
                ";source_ref;source_x;source_y;source_crs") == true)
    }
}
