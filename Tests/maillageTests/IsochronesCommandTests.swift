import Foundation
import MaillageTestSupport
import Testing

/// `maillage access isochrones` against `access nearest` on the same territory, with shapely
/// (PyPI) deciding independently which zone points each polygon holds.
@Suite struct IsochronesCommandTests {
    let folder = try! TemporaryFolder()

    /// 400 zones on a jittered 20 × 20 lattice over about 40 km, all of one density level (none
    /// given), and three hospitals.
    func territory() throws -> String {
        var zones = ["id,name,lat,lon,population"]
        var state: UInt64 = 42
        func random() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) * 0x1.0p-53
        }
        for i in 0..<20 {
            for j in 0..<20 {
                let lat = 44 + Double(i) * 0.018 + random() * 0.01
                let lon = 1 + Double(j) * 0.025 + random() * 0.012
                zones.append("Z\(i)_\(j),Zone \(i) \(j),\(lat),\(lon),\(100 + Int(random() * 900))")
            }
        }
        let actors = [
            "id,kind,name,lat,lon", "H1,hospital,North,44.30,1.10", "H2,hospital,South,44.03,1.40",
            "H3,hospital,East,44.25,1.45",
        ]
        let db = folder.path("t.db")
        #expect(try CommandLineTests.run("init", db, "-q").status == 0)
        let z = try folder.write("zones.csv", zones.joined(separator: "\n") + "\n")
        let a = try folder.write("actors.csv", actors.joined(separator: "\n") + "\n")
        let importZones = try CommandLineTests.run("import", "zones", z, "--db", db, "-q")
        #expect(importZones.status == 0, "\(importZones.stderr)")
        let importActors = try CommandLineTests.run("import", "actors", a, "--db", db, "-q")
        #expect(importActors.status == 0, "\(importActors.stderr)")
        return db
    }

    @Test(
        .enabled(
            if: PythonPeer.requiredOrAvailable(["shapely"]),
            "needs shapely: make test installs it (scripts/install-test-python.sh)"))
    func zonesInsideAreWithinTheLimitPlusTheErrorBound() throws {
        let db = try territory()
        let near = folder.path("near.csv")
        let iso = folder.path("iso.geojson")
        #expect(
            try CommandLineTests.run("access", "nearest", "--db", db, "--kind", "hospital", "--out", near, "-q").status
                == 0)
        let run = try CommandLineTests.run(
            "access", "isochrones", "--db", db, "--kind", "hospital", "--minutes", "10,20,30",
            "--grid-km", "0.5", "--out", iso)
        #expect(run.status == 0, "\(run.stderr)")

        var minutes: [String: Double] = [:]
        var points: [String: [Double]] = [:]
        for line in try String(contentsOfFile: near, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst() {
            let cells = line.split(separator: ",")
            minutes[String(cells[0])] = Double(cells[1])
        }
        #expect(minutes.count == 400)
        for line in try String(contentsOfFile: folder.path("zones.csv"), encoding: .utf8).split(
            whereSeparator: \.isNewline
        ).dropFirst() {
            let cells = line.split(separator: ",")
            points[String(cells[0])] = [Double(cells[3])!, Double(cells[2])!]  // lon, lat
        }
        let geojson =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: iso))) as? [String: Any]
        let features = try #require(geojson?["features"] as? [[String: Any]])
        #expect(features.count == 3)
        let properties = features.compactMap { $0["properties"] as? [String: Any] }
        let bound = try #require(properties.first?["error_bound_minutes"] as? Double)
        // 0.5 km cells: diagonal 0.71 km at 2.16 min/km (40 km/h, detour 1.44) for the slowest factor 0.6 → 3.6 min/km.
        #expect(bound > 0 && bound < 3)

        let check = try PythonPeer.script(
            "check-isochrones.py", input: ["geojson": iso, "points": points], folder: folder.url)
        let reports = try #require(check["features"] as? [[String: Any]])
        #expect(reports.count == 3)
        for (report, property) in zip(reports, properties) {
            let limit = try #require(report["minutes"] as? Double)
            #expect(report["valid"] as? Bool == true, "\(limit) min: shapely finds the polygon invalid")
            #expect(report["closed"] as? Bool == true && report["right_handed"] as? Bool == true, "\(limit) min: rings")
            let inside = Set(report["inside"] as? [String] ?? [])
            #expect(!inside.isEmpty && inside.count < 400)
            for (zone, time) in minutes {
                if inside.contains(zone) {
                    #expect(
                        time <= limit + bound, "zone \(zone) inside the \(limit)-minute isochrone is \(time) min away")
                } else {
                    #expect(
                        time >= limit - bound, "zone \(zone) outside the \(limit)-minute isochrone is \(time) min away")
                }
            }
            // The population is that of the zones whose own time is within the limit (as `access coverage` counts).
            let zonesWithin = minutes.values.filter { $0 <= limit }.count
            #expect((property["zones"] as? Int) == zonesWithin)
        }
        let areas = reports.compactMap { $0["area"] as? Double }
        #expect(areas == areas.sorted() && Set(areas).count == 3, "nested isochrones grow with the limit")
    }

    @Test func badLimitsAreUsageErrors() throws {
        let db = folder.path("t.db")
        #expect(
            try CommandLineTests.run(
                "generate", "--zones", "10", "--population", "2000", "--seed", "5", "--out", db, "-q"
            ).status == 0)
        #expect(
            try CommandLineTests.run(
                "access", "isochrones", "--db", db, "--kind", "hospital", "--minutes", "15,-3", "--out",
                folder.path("i.geojson")
            ).status == 64)
        #expect(
            try CommandLineTests.run(
                "access", "isochrones", "--db", db, "--kind", "hospital", "--out", folder.path("i.csv")
            ).status == 64)
        #expect(!FileManager.default.fileExists(atPath: folder.path("i.geojson")))
    }
}

/// The isochrones drawn in the HTML report.
@Suite struct IsochronesReportTests {
    let folder = try! TemporaryFolder()

    @Test func theReportDrawsTheBandsAndTheirPopulations() throws {
        let db = folder.path("t.db")
        let iso = folder.path("iso.geojson")
        let html = folder.path("r.html")
        #expect(
            try CommandLineTests.run(
                "generate", "--zones", "40", "--population", "9000", "--seed", "3", "--out", db, "-q"
            ).status == 0)
        #expect(
            try CommandLineTests.run(
                "access", "isochrones", "--db", db, "--kind", "hospital", "--minutes", "15,30", "--out", iso, "-q"
            ).status == 0)
        let report = try CommandLineTests.run("report", "--db", db, "--isochrones", iso, "--out", html, "-q")
        #expect(report.status == 0, "\(report.stderr)")
        let text = try String(contentsOfFile: html, encoding: .utf8)
        #expect(text.contains("Isochrones: time to the nearest site"))
        #expect(text.contains("<title>within 15 min</title>") && text.contains("<title>within 30 min</title>"))
        // The table's populations are the file's.
        let collection =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: iso))) as? [String: Any]
        let first =
            ((collection?["features"] as? [[String: Any]])?.first?["properties"] as? [String: Any])?["population"]
            as? NSNumber
        let formatted = NumberFormatter.localizedString(from: first ?? 0, number: .decimal)
        #expect(
            text.contains(">\(formatted.replacingOccurrences(of: "\u{a0}", with: ","))<")
                || text.contains(">\(first?.intValue ?? -1)<"), "population \(formatted)")
        let missing = try CommandLineTests.run(
            "report", "--db", db, "--isochrones", folder.path("none.geojson"), "--out", folder.path("x.html"))
        #expect(missing.status == 66)
    }
}
