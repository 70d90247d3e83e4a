import Foundation
import MaillageTestSupport
import Testing

/// Runs the real `maillage` binary, as a planner's script would, and checks what it prints
/// and its exit code (sysexits: 64 usage, 65 data, 66 no input, 73 cannot create).
@Suite struct CommandLineTests {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var binary: URL {
        // On Linux the test bundle is an executable in the products folder, beside `maillage`.
        Bundle.main.bundleURL.appendingPathComponent("maillage")
    }

    static func run(_ arguments: String..., in folder: URL? = nil) throws -> Result {
        try run(arguments, in: folder)
    }

    static func run(_ arguments: [String], in folder: URL? = nil) throws -> Result {
        try run(executable: binary, arguments, in: folder)
    }

    /// Runs any program to its end and returns its exit status and what it printed.
    static func run(executable: URL, _ arguments: [String], in folder: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    let folder: URL
    /// Holds `folder`, removed with the suite instance after each test.
    let scratch: TemporaryFolder

    init() throws {
        scratch = try TemporaryFolder(prefix: "maillage-cli")
        folder = scratch.url
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    @Test func initRefusesToOverwrite() throws {
        let db = path("t.db")
        #expect(try Self.run("init", db).status == 0)
        let second = try Self.run("init", db)
        #expect(second.status == 73)
        #expect(second.stderr.contains(db) && second.stderr.contains("already exists"))
    }

    @Test func infoOnAMissingFileSaysHowToMakeOne() throws {
        let result = try Self.run("info", path("missing.db"))
        #expect(result.status == 66)
        #expect(
            result.stderr.contains("missing.db") && result.stderr.contains("create an empty territory database there"))
        // The command line names the commands that make one.
        #expect(result.stderr.contains("(maillage init \(path("missing.db")), or maillage generate … --out"))
    }

    @Test func infoOnAFileThatIsNotADatabaseIsADataError() throws {
        let file = path("notes.db")
        try "hello\n".write(toFile: file, atomically: true, encoding: .utf8)
        let result = try Self.run("info", "--db", file)
        #expect(result.status == 65)
        #expect(result.stderr.contains("not a Maillage territory database"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "hello\n")
    }

    @Test func badArgumentsAreUsageErrors() throws {
        #expect(try Self.run("generate", "--zones", "10", "--out", path("x.db")).status == 64)
        let zero = try Self.run("generate", "--zones", "0", "--population", "10", "--out", path("y.db"))
        #expect(zero.status == 64)
        #expect(zero.stderr.contains("--zones"))
        #expect(try Self.run("info").status == 64)
        #expect(try Self.run("frobnicate").status == 64)
        #expect(!FileManager.default.fileExists(atPath: path("y.db")))
    }

    @Test func generateThenInfoJSONReportsTheTerritory() throws {
        let db = path("gen.db")
        let generated = try Self.run(
            "generate", "--zones", "80", "--population", "90000", "--seed", "5", "--out", db, "--quiet")
        #expect(generated.status == 0)
        #expect(generated.stderr.isEmpty)
        let info = try Self.run("info", db, "--json")
        #expect(info.status == 0)
        let json = try #require(JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any])
        #expect(json["zones"] as? Int == 80)
        #expect(json["population"] as? Double == 90_000)
        // 1-territory, 2-indicator-runs, 3-simulation-runs, 4-simulation-series, 5-scenario-runs,
        // 6-packed-travel-matrices, 7-observed-series, 8-actor-practice-start-year, 9-travel-row-pairs-index,
        // 10-simulation-zone-columns, 11-short-stay-beds
        #expect(json["schema_version"] as? Int == 11)
        let kinds = try #require(json["actors_by_kind"] as? [String: Int])
        #expect(kinds["hospital"]! >= 1 && kinds["gp"]! > 30)
        let box = try #require(json["bounding_box"] as? [String: Double])
        #expect(box["min_latitude"]! < box["max_latitude"]!)
    }

    @Test func demoWritesOutDemoDBAndDescribesIt() throws {
        let first = try Self.run("demo", "--out", path("out"), "--replications", "1")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("zones       150"))
        #expect(first.stdout.contains("population  180,000"))
        #expect(FileManager.default.fileExists(atPath: path("out/demo.db")))
        // Running the demo again replaces its own database.
        #expect(try Self.run("demo", "--out", path("out"), "--replications", "1", "-q").status == 0)
    }
}

extension CommandLineTests {
    /// `scratch`'s folder, now holding `t.db`, a territory made by `maillage generate`.
    static func generatedDatabase(
        zones: Int, population: Int, seed: Int, in scratch: TemporaryFolder
    ) throws -> (folder: URL, db: String) {
        let folder = scratch.url
        let db = folder.appendingPathComponent("t.db").path
        let made = try run(
            "generate", "--zones", "\(zones)", "--population", "\(population)", "--seed", "\(seed)", "--out", db, "-q")
        guard made.status == 0 else { throw CommandError(message: made.stderr) }
        return (folder, db)
    }

    struct CommandError: Error { let message: String }
}

/// `maillage access` end to end on a generated territory: files written, runs stored, errors coded.
@Suite struct AccessCommandLineTests {
    let folder: URL
    /// Holds `folder`, removed with the suite instance after each test.
    let scratch: TemporaryFolder
    let db: String

    init() throws {
        scratch = try TemporaryFolder(prefix: "maillage-cli")
        (folder, db) = try CommandLineTests.generatedDatabase(zones: 120, population: 150_000, seed: 9, in: scratch)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    @Test func coverageWritesOneRowPerZoneAndATerritoryShare() throws {
        let out = path("cover.csv")
        let result = try CommandLineTests.run(
            "access", "coverage", "--db", db, "--kind", "hospital", "--service", "emergency",
            "--limit", "30", "--out", out, "--json")
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let share = try #require(json["coverage_share"] as? Double)
        #expect(share > 0 && share <= 1)
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(whereSeparator: \.isNewline)
        #expect(lines.first == "zone_id,minutes,actor_id,covered")
        #expect(lines.count == 121)
        // The share printed is the population-weighted share of the rows marked covered.
        let info = try CommandLineTests.run("info", db, "--json")
        let population = try #require(
            (JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any])?["population"] as? Double)
        #expect(abs((json["covered_population"] as? Double ?? -1) / population - share) < 1e-12)
    }

    @Test func catchmentMethodsWriteCSVAndGeoJSON() throws {
        for (method, extra) in [
            ("2sfca", ["--limit", "30"]),
            (
                "e2sfca",
                ["--decay", "exponential:0.12", "--limit", "30", "--demand", "age-weighted", "--per", "100000"]
            ),
            ("3sfca", []), ("gravity", ["--capacity", "fte"]),
        ] {
            let out = path("\(method).geojson")
            let result = try CommandLineTests.run(["access", method, "--db", db, "--kind", "gp", "--out", out] + extra)
            #expect(result.status == 0, "\(method): \(result.stderr)")
            let geojson = try #require(
                JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
            #expect(geojson["type"] as? String == "FeatureCollection")
            #expect((geojson["features"] as? [Any])?.count == 120)
        }
    }

    @Test func badRequestsAreClearErrors() throws {
        let out = path("x.csv")
        let unknownKind = try CommandLineTests.run("access", "nearest", "--db", db, "--kind", "doctor", "--out", out)
        // A misspelt --kind is a usage error (64) since issue #17 ("a typo is a usage error, everywhere").
        #expect(unknownKind.status == 64 && unknownKind.stderr.contains("not an actor kind"))
        let noCapacity = try CommandLineTests.run("access", "2sfca", "--db", db, "--kind", "pharmacy", "--out", out)
        #expect(noCapacity.status == 65 && noCapacity.stderr.contains("--capacity"))
        let badDecay = try CommandLineTests.run(
            "access", "e2sfca", "--db", db, "--kind", "gp", "--decay", "exponential:0", "--out", out)
        #expect(badDecay.status == 65 && badDecay.stderr.contains("β"))
        let badOut = try CommandLineTests.run("access", "nearest", "--db", db, "--kind", "gp", "--out", path("x.txt"))
        #expect(badOut.status == 64)
        let zeroLimit = try CommandLineTests.run(
            "access", "coverage", "--db", db, "--kind", "gp", "--limit", "0", "--out", out)
        #expect(zeroLimit.status == 64)
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}

@Suite struct LocateCommandLineTests {
    @Test func mclpKeepsExistingSitesAndNeverLosesCoverage() throws {
        let scratch = try TemporaryFolder(prefix: "maillage-locate")
        // Kept alive to the end of the test: the folder goes with it.
        defer { withExtendedLifetime(scratch) {} }
        let folder = scratch.url
        let db = folder.appendingPathComponent("t.db").path
        #expect(
            try CommandLineTests.run(
                "generate", "--zones", "100", "--population", "120000", "--seed", "4", "--out", db, "-q"
            ).status == 0)
        let coverage = try CommandLineTests.run(
            "access", "coverage", "--db", db, "--kind", "hospital", "--service", "emergency",
            "--limit", "30", "--out", folder.appendingPathComponent("c.csv").path, "--json")
        let covered = try #require(
            (JSONSerialization.jsonObject(with: Data(coverage.stdout.utf8)) as? [String: Any])?["covered_population"]
                as? Double)
        let out = folder.appendingPathComponent("sites.csv").path
        let locate = try CommandLineTests.run(
            "locate", "mclp", "--db", db, "--kind", "hospital", "--service", "emergency",
            "--candidates", "zones", "-p", "3", "--limit", "30", "--keep-existing", "--out", out, "--json")
        #expect(locate.status == 0, "\(locate.stderr)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(locate.stdout.utf8)) as? [String: Any])
        // The existing departments alone cover what `access coverage` reports (two code paths).
        #expect(json["objective_existing_only"] as? Double == covered)
        #expect((json["objective"] as? Double ?? 0) >= covered)
        let rows = try String(contentsOfFile: out, encoding: .utf8).split(whereSeparator: \.isNewline)
        #expect(rows.count == 4 && rows.filter { $0.contains(",kept,") }.count >= 1)
        #expect(
            try CommandLineTests.run("locate", "mclp", "--db", db, "--kind", "hospital", "--limit", "30", "--out", out)
                .status == 64)
    }
}
