import Foundation
import MaillageTestSupport
import Testing

/// Issue 20, found by a hostile user with the release binary: each test ran against the
/// unfixed code and failed there (wrong exit code, a file written outside its folder, a
/// database changed, a leaked file, a misleading message).
@Suite struct SecondRoundCommandTests {
    let folder: URL
    /// Holds `folder`, removed with the suite instance after each test.
    let scratch: TemporaryFolder

    init() throws {
        scratch = try TemporaryFolder(prefix: "maillage-round2")
        folder = scratch.url
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func write(_ text: String, _ name: String) throws -> String {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path(name)))
        return path(name)
    }

    func writeBytes(_ bytes: [UInt8], _ name: String) throws -> String {
        try Data(bytes).write(to: URL(fileURLWithPath: path(name)))
        return path(name)
    }

    func run(_ arguments: String...) throws -> CommandLineTests.Result { try CommandLineTests.run(arguments) }

    func territory(_ name: String = "t.db", zones: Int = 8) throws -> String {
        let db = path(name)
        let made = try CommandLineTests.run([
            "generate", "--zones", "\(zones)", "--population", "\(zones * 1000)", "--seed", "1", "--out", db, "-q",
        ])
        try #require(made.status == 0, "\(made.stderr)")
        return db
    }

    // MARK: names that become file names

    @Test func aScenarioNamedDotDotCannotWriteIntoTheParentFolder() throws {
        let db = try territory()
        let results = folder.appendingPathComponent("results")
        try FileManager.default.createDirectory(at: results, withIntermediateDirectories: true)
        let precious = try write("{\"mine\": true}\n", "summary.json")
        for name in ["..", ".", "a/../../b", "", "tab\there", "zero\u{200B}width"] {
            let scenario = try write(
                "territory: t.db\nname: \"\(name.replacingOccurrences(of: "\t", with: "\\t"))\"\nindicators:\n  - {method: nearest, kind: gp}\nsimulation: {enabled: false}\n",
                "s.yaml")
            let result = try run("scenario", "run", scenario, "--out", results.path)
            #expect(result.status == 65, "name \(name.debugDescription): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("cannot be a file name"), "\(result.stderr)")
        }
        #expect(try String(contentsOfFile: precious, encoding: .utf8) == "{\"mine\": true}\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: results.path).isEmpty)
        _ = db
    }

    @Test func anIndicatorServiceCannotLeadOutOfTheScenarioFolder() throws {
        _ = try territory()
        let scenario = try write(
            "territory: t.db\nindicators:\n  - {method: coverage, kind: hospital, service: ../../../escape, limit: 30}\nsimulation: {enabled: false}\n",
            "svc.yaml")
        let result = try run("scenario", "run", scenario, "--out", path("out"))
        #expect(result.status == 65, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path("escape_30.csv")))
    }

    // MARK: leaks

    @Test func extendingASystemFileDoesNotPrintIt() throws {
        _ = try territory()
        for target in ["/proc/self/environ", "/etc/passwd", "/proc/self/status"] {
            let scenario = try write("extends: \(target)\n", "leak.yaml")
            let result = try run("scenario", "run", scenario, "--out", path("out"))
            #expect(result.status == 65, "\(target): \(result.status) \(result.stderr)")
            #expect(result.stderr.count < 400, "\(target): \(result.stderr)")
            #expect(!result.stderr.contains("PATH="), "\(result.stderr)")
            #expect(!result.stderr.contains("root:x:0:0"), "\(result.stderr)")
            #expect(!result.stderr.contains("VmPeak"), "\(result.stderr)")
        }
    }

    // MARK: misleading errors and exit codes

    @Test func missingScenarioExtendsAndParamsFilesAreMissingInputs() throws {
        _ = try territory()
        let missing = try run("scenario", "run", path("nothere.yaml"), "--out", path("out"))
        #expect(missing.status == 66, "\(missing.stderr)")
        let extends = try write("extends: nothere.yaml\n", "ext.yaml")
        let viaExtends = try run("scenario", "run", extends, "--out", path("out"))
        #expect(viaExtends.status == 66, "\(viaExtends.stderr)")
        #expect(viaExtends.stderr.contains("nothere.yaml does not exist"))
        let params = try write("territory: t.db\nparams: nope.json\n", "par.yaml")
        let viaParams = try run("scenario", "run", params, "--out", path("out"))
        #expect(viaParams.status == 66, "\(viaParams.stderr)")
        let compare = try run("compare", path("nothere.yaml"), params, "--out", path("cmp"))
        #expect(compare.status == 66, "\(compare.stderr)")
    }

    @Test func aLatin1ScenarioIsSaidToBeLatin1() throws {
        _ = try territory()
        let scenario = try writeBytes(
            Array("territory: t.db\nname: caf".utf8) + [0xE9] + Array("\n".utf8), "latin.yaml")
        let result = try run("scenario", "run", scenario, "--out", path("out"))
        #expect(result.status == 65)
        #expect(result.stderr.contains("not UTF-8") && result.stderr.contains("line 2"), "\(result.stderr)")
        #expect(!result.stderr.contains("exist"), "\(result.stderr)")
    }

    @Test func aFractionalWholeNumberParameterIsNamed() throws {
        _ = try territory()
        let scenario = try write("territory: t.db\noverrides: {warm_up_days: 1.5}\n", "wu.yaml")
        let result = try run("scenario", "run", scenario, "--out", path("out"))
        #expect(result.status == 65)
        #expect(result.stderr.contains("warm_up_days") && result.stderr.contains("whole number"), "\(result.stderr)")
        #expect(!result.stderr.contains("JSON"), "\(result.stderr)")
        let params = try write("{\"warm_up_days\": 1.5}", "p.json")
        let direct = try run("simulate", "--db", path("t.db"), "--params", params, "--days", "3", "--out", path("sim"))
        #expect(direct.status == 65)
        #expect(direct.stderr.contains("warm_up_days") && direct.stderr.contains("whole number"), "\(direct.stderr)")
    }

    @Test func negativeNumbersReachTheChecks() throws {
        let db = try territory()
        for (option, value) in [("--days", "-3"), ("--threads", "-1"), ("--seed", "-3"), ("--replications", "-2")] {
            let result = try run("simulate", "--db", db, option, value, "--out", path("sim"))
            #expect(result.status == 64, "\(option): \(result.stderr)")
            #expect(!result.stderr.contains("Missing value"), "\(option): \(result.stderr)")
            #expect(result.stderr.contains(option), "\(option): \(result.stderr)")
        }
        let p = try run(
            "locate", "mclp", "--db", db, "--kind", "hospital", "-p", "-1", "--limit", "30", "--out", path("l.csv"))
        #expect(p.status != 0 && !p.stderr.contains("Missing value") && p.stderr.contains("-1"), "\(p.stderr)")
        let limit = try run("access", "coverage", "--db", db, "--kind", "gp", "--limit", "-5", "--out", path("c.csv"))
        #expect(limit.status == 64)
        #expect(limit.stderr.contains("--limit must be more than 0"), "\(limit.stderr)")
    }

    @Test func writingIntoProcIsNotADiskFull() throws {
        let db = try territory()
        let result = try run("export", "zones", "--db", db, "--out", "/proc/x.csv")
        #expect(result.status == 73)
        #expect(!result.stderr.contains("full"), "\(result.stderr)")
        #expect(result.stderr.contains("/proc"), "\(result.stderr)")
    }

    @Test func importingAFolderSaysItIsAFolder() throws {
        let db = try territory()
        try FileManager.default.createDirectory(atPath: path("afolder"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: path("afolder.geojson"), withIntermediateDirectories: true)
        for (kind, folder) in [
            ("zones", "afolder"), ("zones", "afolder.geojson"), ("actors", "afolder"), ("matrix", "afolder"),
            ("population", "afolder"), ("links", "afolder"), ("finess", "afolder"),
        ] {
            let result = try run("import", kind, path(folder), "--db", db)
            #expect(result.status == 65, "\(kind): \(result.stderr)")
            #expect(result.stderr.contains("folder") && !result.stderr.contains("empty"), "\(kind): \(result.stderr)")
        }
    }

    @Test func closingTheOnlyHospitalIsMeasuredAsNoCoverage() throws {
        let db = try territory()
        let hospitals = try SQLiteShell.column(db, "SELECT id FROM actor WHERE kind = 'hospital';")
        let indicators =
            "indicators:\n  - {method: coverage, kind: hospital, limit: 30}\n  - {method: nearest, kind: hospital}\n  - {method: 2sfca, kind: hospital, limit: 30}\nsimulation: {enabled: false}\n"
        let base = try write("territory: t.db\nname: base\n\(indicators)", "base.yaml")
        let closes = hospitals.map { "  - close: \($0)\n" }.joined()
        let closed = try write("territory: t.db\nname: closed\n\(indicators)changes:\n\(closes)", "closed.yaml")
        let result = try run("compare", base, closed, "--json", "--out", path("cmp"))
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let differences = summary?["differences"] as? [[String: Any]] ?? []
        let coverage = differences.first { $0["indicator"] as? String == "coverage_hospital_30" }
        #expect(coverage?["alternative_value"] as? Double == 0, "\(differences)")
        let access = differences.first { ($0["indicator"] as? String)?.hasPrefix("2sfca") == true }
        #expect(access?["alternative_value"] as? Double == 0, "\(differences)")
        // The same territory with no hospital at all is still an error for 'access': a wrong --kind, most likely.
        let direct = try run(
            "access", "coverage", "--db", db, "--kind", "hospital", "--service", "no-such-service", "--limit", "30",
            "--out", path("c.csv"))
        #expect(direct.status != 0)
    }
}
