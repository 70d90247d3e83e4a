import Foundation
import MaillageTestSupport
import Testing

/// `maillage access equity` end to end: a stored run's measures equal PySAL's on the values
/// and populations the other commands export.
@Suite struct EquityCommandTests {
    let folder = try! TemporaryFolder()

    func rows(_ path: String) throws -> [[String: String]] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline).map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test(
        .enabled(
            if: PythonPeer.requiredOrAvailable(["inequality", "esda", "libpysal"]),
            "needs PySAL: make test installs it (scripts/install-test-python.sh)"))
    func storedRunMatchesPySAL() throws {
        let db = try CommandLineTests.generatedDatabase(
            zones: 80, population: 30000, seed: 11, in: folder
        ).db
        #expect(
            try CommandLineTests.run(
                "access", "nearest", "--db", db, "--kind", "gp", "--out", folder.path("near.csv"), "-q"
            ).status == 0)
        #expect(
            try CommandLineTests.run("export", "zones", "--db", db, "--out", folder.path("zones.csv"), "-q").status == 0
        )
        let run = try CommandLineTests.run(
            "access", "equity", "--db", db, "--run", "1", "--by", "density", "--spatial", "distance:12",
            "--out", folder.path("equity.json"), "--zones-out", folder.path("lisa.csv"), "-q")
        #expect(run.status == 0, "\(run.stderr)")

        let minutes = Dictionary(
            uniqueKeysWithValues: try rows(folder.path("near.csv")).map { ($0["zone_id"]!, Double($0["minutes"]!)!) })
        let zones = try rows(folder.path("zones.csv")).filter { minutes[$0["id"]!] != nil }
        let populations = zones.map { Double($0["population"]!)! }
        #expect(
            populations.allSatisfy { $0 == $0.rounded() },
            "the generator's populations are whole, so they can be repeated")
        let reference = try PythonPeer.script(
            "check-equity.py",
            input: [
                "values": zones.map { minutes[$0["id"]!]! }, "weights": populations.map { Int($0) },
                "groups": zones.map { $0["density_class"] ?? "" },
                "points": zones.map { [Double($0["lon"]!)!, Double($0["lat"]!)!] }, "band_km": 12.0,
            ], folder: folder.url)

        let document = try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.path("equity.json"))))
                as? [String: Any])
        let equity = try #require(document["equity"] as? [String: Any])
        let theil = try #require(equity["theil"] as? [String: Any])
        let moran = try #require(equity["moran"] as? [String: Any])
        func close(_ mine: Any?, _ theirs: Any?, _ what: String) {
            let a = (mine as? NSNumber)?.doubleValue ?? .nan
            let b = (theirs as? NSNumber)?.doubleValue ?? .nan
            #expect(abs(a - b) <= 1e-9 * max(1, abs(b)), "\(what): maillage \(a), PySAL \(b)")
        }
        close(equity["gini"], reference["gini"], "Gini")
        close(theil["total"], reference["theil"], "Theil")
        close(theil["between"], reference["theil_between"], "Theil between density levels")
        close(theil["within"], reference["theil_within"], "Theil within density levels")
        close(moran["i"], reference["moran_i"], "Moran's I")
        close(moran["z_normal"], reference["moran_z_normal"], "Moran z")
        let lisa = try rows(folder.path("lisa.csv"))
        let localI = try #require(reference["local_i"] as? [Double])
        let quadrants = try #require(reference["quadrant"] as? [Int])
        #expect(lisa.count == zones.count)
        for (row, zone) in zip(lisa, zones) {
            #expect(row["zone_id"] == zone["id"])
            let index = zones.firstIndex { $0["id"] == row["zone_id"] }!
            close(Double(row["local_i"]!), localI[index], "local I of \(zone["id"]!)")
            #expect(["HH": 1, "LH": 2, "LL": 3, "HL": 4][row["quadrant"]!] == quadrants[index])
        }
        // Same seed, same file.
        let again = try CommandLineTests.run(
            "access", "equity", "--db", db, "--run", "1", "--by", "density", "--spatial", "distance:12",
            "--out", folder.path("again.json"), "-q")
        #expect(again.status == 0)
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: folder.path("again.json")))
                == Data(contentsOf: URL(fileURLWithPath: folder.path("equity.json"))))
    }

    @Test func unknownRunAndBadOptionsAreUsageErrors() throws {
        let db = try CommandLineTests.generatedDatabase(
            zones: 10, population: 2000, seed: 5, in: folder
        ).db
        let missing = try CommandLineTests.run(
            "access", "equity", "--db", db, "--run", "3", "--out", folder.path("e.csv"))
        #expect(missing.status == 64 && missing.stderr.contains("no indicator run 3"))
        #expect(
            try CommandLineTests.run(
                "access", "nearest", "--db", db, "--kind", "gp", "--out", folder.path("n.csv"), "-q"
            ).status == 0)
        #expect(
            try CommandLineTests.run(
                "access", "equity", "--db", db, "--run", "1", "--by", "share.banana", "--out", folder.path("e.csv")
            ).status == 64)
        #expect(
            try CommandLineTests.run("access", "equity", "--db", db, "--run", "1", "--out", folder.path("e.txt")).status
                == 64)
        #expect(!FileManager.default.fileExists(atPath: folder.path("e.csv")))
    }
}

/// The equity subsection of an indicator run in the HTML report.
@Suite struct EquityReportTests {
    let folder = try! TemporaryFolder()

    @Test func theReportShowsTheLorenzCurveAndTheClustersWithTheCommandsFigures() throws {
        let db = try CommandLineTests.generatedDatabase(
            zones: 50, population: 9000, seed: 4, in: folder
        ).db
        let html = folder.path("r.html")
        let json = folder.path("e.json")
        #expect(
            try CommandLineTests.run(
                "access", "nearest", "--db", db, "--kind", "gp", "--out", folder.path("n.csv"), "-q"
            ).status == 0)
        #expect(try CommandLineTests.run("access", "equity", "--db", db, "--run", "1", "--out", json, "-q").status == 0)
        #expect(try CommandLineTests.run("report", "--db", db, "--out", html, "-q").status == 0)
        let text = try String(contentsOfFile: html, encoding: .utf8)
        #expect(text.contains("<h3>Equity of access</h3>"))
        #expect(text.contains("class=\"chart lorenz\"") && text.contains("Local Moran clusters"))
        let document =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
        let gini = try #require(((document?["equity"] as? [String: Any])?["gini"] as? NSNumber)?.doubleValue)
        #expect(text.contains(String(format: "Lorenz curve, Gini %.3f", gini)), "the report's Gini is the command's")
    }
}
