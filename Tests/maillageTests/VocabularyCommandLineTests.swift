import Foundation
import MaillageTestSupport
import Testing

/// Every vocabulary the command line takes refuses a typo as a usage error (exit 64) whose
/// message lists the valid values, and still reads the known values (issue #17, item 2).
@Suite struct VocabularyCommandLineTests {
    let folder: TemporaryFolder

    init() throws { folder = try TemporaryFolder() }

    /// A small generated territory (zone ids Z00001…, GPs and hospitals among its actors).
    func territory() throws -> String {
        let db = folder.path("t.db")
        let made = try CommandLineTests.run(
            "generate", "--zones", "12", "--population", "20000", "--seed", "2", "--out", db, "-q")
        #expect(made.status == 0)
        return db
    }

    /// A typo in each vocabulary, with values the message must list (written out here, not
    /// taken from the code's enums).
    static let typos: [(arguments: [String], listed: [String])] = [
        (
            ["access", "e2sfca", "--kind", "gp", "--capacity", "ftee"],
            ["fte", "consultations_per_day", "list_size", "beds", "places"]
        ),
        (["access", "2sfca", "--kind", "gpp"], ["hospital", "gp", "msp", "health_centre", "ehpad", "cpts"]),
        (["access", "nearest", "--kind", "gp", "--travel", "lines"], ["'line'", "'matrix'"]),
        (
            ["access", "e2sfca", "--kind", "gp", "--decay", "expo:0.1"],
            ["step:10:1,20:0.68,30:0.22", "exponential:0.12", "gaussian:20"]
        ),
        (
            ["access", "gravity", "--kind", "hospital", "--decay", "gravity:60"],
            ["gravity:SCALE:ALPHA", "gravity:60:-1"]
        ),
        (["access", "equity", "--run", "1", "--weights", "people"], ["'population'", "'none'"]),
        (
            ["locate", "pmedian", "--kind", "gp", "--candidates", "zones", "-p", "2", "--capacity-measure", "bed"],
            ["beds", "places", "fte"]
        ),
        (["import", "actors", "ACTORS", "--kind", "generalist"], ["gp", "pharmacy", "ssiad"]),
        (
            ["import", "supply-counts", "ACTORS", "--kind", "gp", "--column", "n", "--measure", "ftes"],
            ["fte", "beds"]
        ),
        (["import", "matrix", "ACTORS", "--time-unit", "minuts"], ["'min'", "'s'", "'h'"]),
        (["import", "matrix", "ACTORS", "--distance-unit", "miles"], ["'km'", "'m'"]),
        (["import", "finess", "ACTORS", "--fallback", "town"], ["'skip'", "'commune'"]),
        (["export", "actor"], ["'actors'", "'zones'", "'links'", "'matrix'", "'geopackage'"]),
        (["travel", "line", "--from", "zones", "--to", "pharmacies"], ["pharmacy", "gp", "hospital"]),
    ]

    @Test(arguments: typos.indices)
    func aTypoIsAUsageErrorListingTheValidValues(_ index: Int) throws {
        let db = try territory()
        let actors = try folder.write("actors.csv", "id,kind,name,lat,lon\nA1,gp,A,43.6,1.4\n")
        let (arguments, listed) = Self.typos[index]
        let command =
            arguments.map { $0 == "ACTORS" ? actors : $0 } + ["--db", db]
            + (arguments[0] == "import" ? [] : ["--out", folder.path("out.csv")])
        let result = try CommandLineTests.run(command)
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        for value in listed {
            #expect(result.stderr.contains(value), "\(arguments) should list \(value): \(result.stderr)")
        }
        // Nothing was written: the typo stopped the command before any work.
        #expect(!FileManager.default.fileExists(atPath: folder.path("out.csv")))
    }

    @Test func knownValuesStillReadIgnoringCase() throws {
        let db = try territory()
        let upper = try CommandLineTests.run(
            "access", "e2sfca", "--db", db, "--kind", "GP", "--capacity", "FTE", "--travel", "line",
            "--out", folder.path("e2sfca.csv"), "-q")
        #expect(upper.status == 0, "\(upper.stderr)")
        let gravity = try CommandLineTests.run(
            "access", "gravity", "--db", db, "--kind", "hospital", "--capacity", "beds",
            "--decay", "gravity:30:-2", "--out", folder.path("gravity.csv"), "-q")
        #expect(gravity.status == 0, "\(gravity.stderr)")
        #expect(try String(contentsOfFile: folder.path("gravity.csv"), encoding: .utf8).hasPrefix("zone_id,gravity"))
        let export = try CommandLineTests.run("export", "zones", "--db", db, "--out", folder.path("zones.csv"), "-q")
        #expect(export.status == 0, "\(export.stderr)")
    }

    @Test func unitsReadByTheirWordsToo() throws {
        let db = try territory()
        let matrix = try folder.write(
            "road.csv", "origin_id,destination_id,duration,distance\nZ00001,Z00002,600,9000\n")
        let imported = try CommandLineTests.run(
            "import", "matrix", matrix, "--db", db, "--directed", "--time-column", "duration", "--time-unit", "seconds",
            "--distance-column", "distance", "--distance-unit", "metres", "-q")
        #expect(imported.status == 0, "\(imported.stderr)")
        let out = folder.path("back.csv")
        #expect(try CommandLineTests.run("export", "matrix", "--db", db, "--out", out, "-q").status == 0)
        // 600 s = 10 min and 9000 m = 9 km, by hand.
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("Z00001,Z00002,10,9"), "\(text)")
    }

    @Test func aScenarioIndicatorTypoIsRefusedWithItsLineAndTheValidValues() throws {
        _ = try territory()
        let cases: [(indicator: String, key: String, listed: [String])] = [
            (
                "method: e2sfc\n    kind: gp", "indicators[0].method",
                ["nearest", "coverage", "2sfca", "e2sfca", "3sfca", "gravity"]
            ),
            (
                "method: e2sfca\n    kind: gp\n    limt: 30", "indicators[0].limt",
                ["kind", "service", "limit", "decay", "capacity", "demand"]
            ),
            ("method: 2sfca\n    kind: gp\n    capacity: ftee", "indicators[0].capacity", ["fte", "beds", "places"]),
            ("method: nearest\n    kind: pharmacie", "indicators[0].kind", ["pharmacy", "gp", "hospital"]),
        ]
        for (index, item) in cases.enumerated() {
            let file = try folder.write(
                "s\(index).yaml", "territory: t.db\nsimulation: {enabled: false}\nindicators:\n  - \(item.indicator)\n")
            let result = try CommandLineTests.run("scenario", "run", file, "--out", folder.path("run\(index)"), "-q")
            #expect(result.status == 65, "\(item.indicator): \(result.stderr)")
            #expect(result.stderr.contains(item.key), "\(result.stderr)")
            for value in item.listed {
                #expect(result.stderr.contains(value), "\(item.indicator) should list \(value): \(result.stderr)")
            }
            #expect(!FileManager.default.fileExists(atPath: folder.path("run\(index)")))
        }
    }

    @Test func aDistributionTypeTypoIsRefusedWithTheTypes() throws {
        let db = try territory()
        let params = try folder.write(
            "p.json", #"{"hospital": {"length_of_stay": {"type": "lognorm", "mean": 5, "sd": 3}}}"#)
        let result = try CommandLineTests.run(
            "simulate", "--db", db, "--params", params, "--days", "3", "--out", folder.path("sim"), "-q")
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("hospital.length_of_stay.type") && result.stderr.contains("'lognorm'"))
        for type in ["fixed", "exponential", "lognormal", "empirical"] { #expect(result.stderr.contains(type)) }
    }
}
