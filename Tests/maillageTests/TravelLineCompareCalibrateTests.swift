import Foundation
import MaillageTestSupport
import Testing

/// `travel compare`, `travel calibrate`, `travel line` and `info` through the binary, on
/// hand-made matrices whose comparison is worked out by hand.
@Suite struct TravelLineCompareCalibrateTests {
    typealias CLI = CommandLineTests
    let folder: TemporaryFolder

    init() throws { folder = try TemporaryFolder() }

    /// Three zones (100, 200, 700 people) and a hospital.
    func territory() throws -> String {
        let db = folder.path("t.db")
        #expect(try CLI.run("init", db).status == 0)
        let zones = try folder.write(
            "z.csv", "id,name,lat,lon,population\nA,a,45.10,1.50,100\nB,b,45.20,1.60,200\nC,c,45.40,1.90,700\n")
        let actors = try folder.write("a.csv", "id,kind,name,lat,lon\nH,hospital,h,45.12,1.52\n")
        #expect(try CLI.run("import", "zones", zones, "--db", db).status == 0)
        #expect(try CLI.run("import", "actors", actors, "--db", db).status == 0)
        return db
    }

    /// Road: A→H 10, B→H 20, C→H 40. Other: 12, 17, 50: errors +2, −3, +10.
    /// Hand: MAE 5, median 3, bias 3, p90 = 3 + 0.8 × 7 = 8.6. A, B, C are all within 3 km…60 km
    /// of H; with the band edges 0–10–20–30–50 km the bands are checked only through "all".
    /// Coverage of hospitals within 15 min: road A (100 of 1000) = 10 %, other A (12) = 10 %;
    /// within 30: road A, B = 30 %, other A, B (17) = 30 %; within 45: road 30 %+70 % = 100 %,
    /// other C is 50 → 30 %.
    @Test func compareTwoMatricesByHand() throws {
        let db = try territory()
        let road = try folder.write("road.csv", "origin_id,destination_id,minutes\nA,H,10\nB,H,20\nC,H,40\n")
        let other = try folder.write("other.csv", "origin_id,destination_id,minutes\nA,H,12\nB,H,17\nC,H,50\n")
        #expect(try CLI.run("import", "matrix", road, "--db", db, "--directed").status == 0)
        #expect(try CLI.run("import", "matrix", other, "--db", db, "--directed").status == 0)
        let csv = folder.path("cmp.csv")
        let run = try CLI.run(
            "travel", "compare", "--db", db, "--matrix", "road", "--against", "other", "--json", "--out", csv)
        #expect(run.status == 0, "\(run.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let all = json["all"] as! [String: Double]
        #expect(all["pairs"] == 3)
        #expect(abs(all["mae"]! - 5) < 1e-12 && abs(all["median"]! - 3) < 1e-12)
        #expect(abs(all["bias"]! - 3) < 1e-12 && abs(all["p90"]! - 8.6) < 1e-12)
        let coverage = json["coverage"] as! [[String: Any]]
        func share(_ minutes: Double) -> (Double, Double) {
            let row = coverage.first { $0["sites"] as? String == "hospital" && $0["minutes"] as? Double == minutes }!
            return (row["reference"] as! Double, row["compared"] as! Double)
        }
        #expect(share(15) == (10, 10))
        #expect(share(30) == (30, 30))
        #expect(share(45) == (100, 30))
        let text = try String(contentsOfFile: csv, encoding: .utf8)
        #expect(text.hasPrefix("section,label,minutes,pairs,mae,median,p90,bias"))
        // The one CSV writer: a label is quoted only when it must be, every row ends with CRLF.
        #expect(text.contains("\r\ncoverage,hospital,45.0,,,,,,100.0,30.0,,\r\n"))
        #expect(text.hasSuffix("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        // Text for a person.
        let plain = try CLI.run("travel", "compare", "--db", db, "--matrix", "road", "--against", "other")
        #expect(plain.status == 0 && plain.stdout.contains("other against road: 3 pairs"))
        // A matrix that does not exist is a data error naming it.
        let missing = try CLI.run("travel", "compare", "--db", db, "--matrix", "nope", "--against", "line")
        #expect(missing.status == 65 && missing.stderr.contains("'nope'"))
    }

    /// A zone-to-zone comparison sums its shares in zone order: the same bytes in every process
    /// (it summed in a dictionary's order, which changes per process, and so did the last digits).
    @Test func zoneToZoneCoverageIsTheSameInEveryProcess() throws {
        let db = folder.path("zz.db")
        #expect(try CLI.run("init", db).status == 0)
        var zones = "id,name,lat,lon,population\n"
        var matrix = "origin_id,destination_id,minutes\n"
        for i in 0..<24 { zones += "Z\(i),z,45.0,\(1.0 + Double(i) * 0.031),\(137 + 53 * i * i % 311)\n" }
        for i in 0..<24 { for j in 0..<24 where i != j { matrix += "Z\(i),Z\(j),\(1.7 * Double(abs(i - j)) + 0.3)\n" } }
        #expect(try CLI.run("import", "zones", folder.write("zz.csv", zones), "--db", db).status == 0)
        #expect(try CLI.run("import", "matrix", folder.write("zzm.csv", matrix), "--db", db, "--directed").status == 0)
        let runs = try (0..<5).map { _ in
            try CLI.run("travel", "compare", "--db", db, "--matrix", "zzm", "--against", "line", "--json").stdout
        }
        #expect(runs[0].contains("mean over 24 destination zones"))
        #expect(Set(runs).count == 1)
    }

    /// Calibrating stores a versioned model that `info`, `travel line` and `--travel line` use.
    @Test func calibrateStoresTheModelInForce() throws {
        let db = folder.path("c.db")
        #expect(try CLI.run("init", db).status == 0)
        // 30 zones on a line 2 km apart; road time 3 min per straight km plus 2 (slow roads).
        var zones = "id,name,lat,lon,population\n"
        var matrix = "origin_id,destination_id,minutes,km\n"
        for i in 0..<30 { zones += "Z\(i),z,45.0,\(1.0 + Double(i) * 0.02546),100\n" }
        for i in 0..<30 {
            for j in 0..<30 where i != j && (i + j) % 3 == 0 {
                let km = Double(abs(i - j)) * 2.0
                matrix += "Z\(i),Z\(j),\(2 + 3 * km),\(1.2 * km)\n"
            }
        }
        #expect(try CLI.run("import", "zones", folder.write("cz.csv", zones), "--db", db).status == 0)
        #expect(try CLI.run("import", "matrix", folder.write("road.csv", matrix), "--db", db, "--directed").status == 0)
        #expect(try CLI.run("info", db).stdout.contains("line model  built-in defaults"))
        let run = try CLI.run(
            "travel", "calibrate", "--db", db, "--matrix", "road", "--holdout", "0.25", "--seed", "7", "--json")
        #expect(run.status == 0, "\(run.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let stored = json["stored"] as! [String: Any]
        #expect(stored["version"] as? Int == 1)
        let provenance = stored["provenance"] as! [String: Any]
        let fitted = (provenance["held_out_fitted"] as! [String: Double])["mae"]!
        let defaults = (provenance["held_out_default"] as! [String: Double])["mae"]!
        #expect(fitted < 0.5 * defaults, "fitted \(fitted), defaults \(defaults)")
        #expect(try CLI.run("info", db).stdout.contains("line model  fitted v1 on 'road'"))
        #expect(try CLI.run("travel", "calibrate", "--db", db, "--matrix", "road", "-q").status == 0)
        #expect(try CLI.run("info", db).stdout.contains("fitted v2"))
        let info =
            try JSONSerialization.jsonObject(with: Data(CLI.run("info", db, "--json").stdout.utf8)) as! [String: Any]
        let lineModel = info["line_model"] as! [String: Any]
        #expect(lineModel["source"] as? String == "fitted" && lineModel["version"] as? Int == 2)

        // travel line uses it: 2 km apart is about 2 + 3 × 2 = 8 minutes, not the defaults' ~3.
        let out = folder.path("line.csv")
        #expect(try CLI.run("travel", "line", "--db", db, "--out", out, "--from", "zones", "--to", "zones").status == 0)
        let row = try String(contentsOfFile: out, encoding: .utf8).split(whereSeparator: \.isNewline).first {
            $0.hasPrefix("Z0,Z1,")
        }!
        let minutes = Double(row.split(separator: ",")[2])!
        let lineText = try String(contentsOfFile: out, encoding: .utf8)
        #expect(lineText.hasPrefix("origin_id,destination_id,minutes,straight_km\r\n"))
        #expect(lineText.hasSuffix("\r\n") && !lineText.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(abs(minutes - 8) < 1, "\(row)")
        let byDefault = folder.path("line-defaults.csv")
        #expect(
            try CLI.run(
                "travel", "line", "--db", db, "--out", byDefault, "--from", "zones", "--to", "zones", "--defaults"
            ).status == 0)
        let defaultRow = try String(contentsOfFile: byDefault, encoding: .utf8).split(whereSeparator: \.isNewline).first
        { $0.hasPrefix("Z0,Z1,") }!
        #expect(Double(defaultRow.split(separator: ",")[2])! < 6)

        // --travel line in an access command uses the fitted model too: Z1 is 8 fitted minutes
        // from Z0's site, so it is outside a 5-minute coverage (it would be inside by the defaults).
        let sites = try folder.write("s.csv", "id,kind,name,lat,lon\nS,hospital,s,45.0,1.0\n")
        #expect(try CLI.run("import", "actors", sites, "--db", db).status == 0)
        let coverage = folder.path("cov.csv")
        let access = try CLI.run(
            "access", "coverage", "--db", db, "--kind", "hospital", "--limit", "5", "--travel", "line", "--out",
            coverage)
        #expect(access.status == 0, "\(access.stderr)")
        let covered = try String(contentsOfFile: coverage, encoding: .utf8).split(whereSeparator: \.isNewline)
        let z1 = covered.first { $0.hasPrefix("Z1,") }!
        #expect(z1.hasSuffix(",0") || z1.hasSuffix(",0.0") || z1.contains(",false"), "\(z1)")
    }
}
