import Foundation
import MaillageTestSupport
import Testing

/// `maillage export geopackage` read by a real client, GDAL (Debian's gdal-bin, installed by
/// `scripts/install-deps.sh --test`): `ogrinfo` opens every layer, and `ogr2ogr` turns the zones
/// layer back into GeoJSON whose values equal `export zones` and the access run's own file.
@Suite struct GeoPackageCommandTests {
    let folder = try! TemporaryFolder()

    static var gdalRequiredOrAvailable: Bool {
        ProcessInfo.processInfo.environment["CI"] == "true"
            || FileManager.default.isExecutableFile(atPath: "/usr/bin/ogrinfo")
    }

    func gdal(_ tool: String, _ arguments: String...) throws -> CommandLineTests.Result {
        try CommandLineTests.run(executable: URL(fileURLWithPath: "/usr/bin/\(tool)"), arguments)
    }

    func features(_ path: String) throws -> [String: [String: Any]] {
        let object =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        var byID: [String: [String: Any]] = [:]
        for feature in object?["features"] as? [[String: Any]] ?? [] {
            let properties = feature["properties"] as? [String: Any] ?? [:]
            guard let id = (properties["zone_id"] ?? properties["id"]) as? String else { continue }
            byID[id] = properties.merging(["__geometry": feature["geometry"] ?? NSNull()]) { a, _ in a }
        }
        return byID
    }

    /// Equal but for Foundation's JSON number parsing, which can be off by a few units in the last place.
    static func equal(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 8 * b.ulp }

    func number(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }

    @Test(
        .enabled(if: gdalRequiredOrAvailable, "needs GDAL's ogrinfo: scripts/install-deps.sh --test installs gdal-bin"))
    func gdalReadsEveryLayerAndTheValuesComeBack() throws {
        let db = try CommandLineTests.generatedDatabase(
            zones: 60, population: 20000, seed: 5, in: folder
        ).db
        let gpkg = folder.path("t.gpkg")
        #expect(
            try CommandLineTests.run(
                "access", "nearest", "--db", db, "--kind", "hospital", "--out", folder.path("near.csv"), "-q"
            ).status == 0)
        #expect(
            try CommandLineTests.run(
                "access", "coverage", "--db", db, "--kind", "gp", "--limit", "15", "--out", folder.path("c.csv"), "-q"
            ).status == 0)
        let export = try CommandLineTests.run("export", "geopackage", "--db", db, "--run", "1", "--out", gpkg)
        #expect(export.status == 0, "\(export.stderr)")

        let info = try gdal("ogrinfo", "-ro", "-al", "-so", gpkg)
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.stdout.contains("using driver `GPKG' successful"))
        for layer in ["zones", "actors", "links", "layer_metadata", "layer_styles"] {
            #expect(info.stdout.contains("Layer name: \(layer)"))
        }
        #expect(info.stdout.contains("Feature Count: 60"))
        #expect(info.stdout.contains("nearest_minutes_r1: Real"))
        #expect(!info.stdout.contains("_r2"), "only the chosen run")
        #expect(!info.stderr.contains("Warning") && !info.stderr.contains("ERROR"), "\(info.stderr)")

        let back = folder.path("back.geojson")
        let exported = folder.path("zones.geojson")
        #expect(try gdal("ogr2ogr", "-f", "GeoJSON", back, gpkg, "zones").status == 0)
        #expect(try CommandLineTests.run("export", "zones", "--db", db, "--out", exported, "-q").status == 0)
        let fromGDAL = try features(back)
        let fromExport = try features(exported)
        #expect(fromGDAL.count == 60 && fromExport.count == 60)
        var minutes: [String: Double] = [:]
        for line in try String(contentsOfFile: folder.path("near.csv"), encoding: .utf8).split(
            whereSeparator: \.isNewline
        ).dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            minutes[String(cells[0])] = Double(cells[1])
        }
        for (id, zone) in fromExport {
            let gdalZone = try #require(fromGDAL[id], "zone \(id) missing from the GeoPackage")
            #expect(gdalZone["name"] as? String == zone["name"] as? String)
            #expect(number(gdalZone["population"]) == number(zone["population"]))
            #expect(number(gdalZone["density_class"]) == number(zone["density_class"]))
            // GDAL prints 17 significant digits; Foundation's JSON parser can land one or two units
            // in the last place away, so "equal" is within 4 ulps.
            let point = try #require((gdalZone["__geometry"] as? [String: Any])?["coordinates"] as? [NSNumber]).map(
                \.doubleValue)
            let position = [number(zone["lon"]) ?? .nan, number(zone["lat"]) ?? .nan]
            #expect(
                point.count == 2 && zip(point, position).allSatisfy { Self.equal($0, $1) },
                "zone \(id) position \(point) \(position)")
            #expect(
                Self.equal(number(gdalZone["nearest_minutes_r1"]) ?? .nan, minutes[id] ?? .nan), "zone \(id) minutes")
        }

        // The styles are well-formed QML and SLD on the run's column, in the report's 5-class palette.
        let styles = try PythonPeer.run([
            "-c",
            """
            import json, sqlite3, sys, xml.etree.ElementTree as ET
            rows = sqlite3.connect(sys.argv[1]).execute("select f_table_name, styleName, styleQML, styleSLD, useAsDefault from layer_styles").fetchall()
            out = []
            for table, name, qml, sld, default in rows:
                q = ET.fromstring(qml.split("\\n", 1)[1]); s = ET.fromstring(sld.encode())
                renderer = q.find("renderer-v2")
                colours = [p.get("v") for p in q.iter("prop") if p.get("k") == "color"]
                rules = s.findall(".//{http://www.opengis.net/se}Rule")
                out.append({"table": table, "name": name, "attr": renderer.get("attr"), "ranges": len(renderer.find("ranges")),
                            "colours": colours, "rules": len(rules), "default": default})
            print(json.dumps(out))
            """, gpkg,
        ])
        #expect(styles.status == 0, "\(styles.stderr)")
        let parsed = try JSONSerialization.jsonObject(with: Data(styles.stdout.utf8)) as? [[String: Any]] ?? []
        let minutesStyle = try #require(parsed.first { $0["name"] as? String == "nearest_minutes_r1" })
        #expect(minutesStyle["table"] as? String == "zones" && minutesStyle["attr"] as? String == "nearest_minutes_r1")
        #expect(minutesStyle["ranges"] as? Int == 5 && minutesStyle["rules"] as? Int == 5)
        #expect(
            minutesStyle["colours"] as? [String] == [
                "255,255,204,255", "161,218,180,255", "65,182,196,255", "44,127,184,255", "37,52,148,255",
            ],
            "ColorBrewer YlGnBu, 5 classes, as the report")
        #expect(minutesStyle["default"] as? Int == 1)

        // The same in Lambert-93: GDAL reads the declared CRS.
        let l93 = folder.path("l93.gpkg")
        #expect(
            try CommandLineTests.run("export", "geopackage", "--db", db, "--crs", "EPSG:2154", "--out", l93, "-q")
                .status == 0)
        let projected = try gdal("ogrinfo", "-ro", "-so", l93, "zones")
        #expect(
            projected.stdout.contains("Lambert-93") && projected.stdout.contains("coverage_covered_r2: Real"),
            "\(projected.stdout)")
    }

    @Test func unknownRunIsAUsageErrorAndWritesNothing() throws {
        let db = try CommandLineTests.generatedDatabase(
            zones: 10, population: 2000, seed: 5, in: folder
        ).db
        let gpkg = folder.path("t.gpkg")
        let result = try CommandLineTests.run("export", "geopackage", "--db", db, "--run", "4", "--out", gpkg)
        #expect(result.status == 64)
        #expect(result.stderr.contains("no indicator run 4"))
        #expect(!FileManager.default.fileExists(atPath: gpkg))
        #expect(
            try CommandLineTests.run("export", "zones", "--db", db, "--run", "1", "--out", folder.path("z.csv")).status
                == 64)
        #expect(
            try CommandLineTests.run("export", "geopackage", "--db", db, "--out", folder.path("z.geojson")).status == 64
        )
    }
}
