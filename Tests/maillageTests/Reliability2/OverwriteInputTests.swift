import Foundation
import MaillageTestSupport
import Testing

/// Issue 20: no command may write over one of its inputs (same path, another spelling, a hard link).
@Suite struct OverwriteInputTests {
    let folder: URL
    /// Holds `folder`, removed with the suite instance after each test.
    let scratch: TemporaryFolder

    init() throws {
        scratch = try TemporaryFolder(prefix: "maillage-overwrite")
        folder = scratch.url
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func territory(_ name: String = "t.db") throws -> String {
        let db = path(name)
        let made = try CommandLineTests.run([
            "generate", "--zones", "12", "--population", "12000", "--seed", "1", "--out", db, "-q",
        ])
        try #require(made.status == 0, "\(made.stderr)")
        return db
    }

    func digest(_ file: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: file)) }

    /// Runs a command that must be refused with 64 and leave the database's bytes as they were.
    func refused(_ arguments: [String], db: String, in directory: URL? = nil) throws {
        let before = try digest(db)
        let result = try CommandLineTests.run(arguments, in: directory)
        #expect(result.status == 64, "\(arguments): \(result.status) \(result.stderr)")
        #expect(
            result.stderr.contains("would destroy that input") || result.stderr.contains("would overwrite"),
            "\(result.stderr)")
        #expect(try digest(db) == before, "\(arguments) changed the database")
        #expect(try CommandLineTests.run(["info", db]).status == 0)
    }

    @Test func reportLocateSimulateAndExportRefuseToWriteOverTheDatabase() throws {
        let db = try territory()
        try refused(["report", "--db", db, "--out", db], db: db)
        try refused(["simulate", "--db", db, "--days", "3", "--event-log", db, "--out", path("sim"), "-q"], db: db)
        // export, access and locate want a .csv or .geojson --out: a database named like one.
        let csvNamed = try territory("t.csv")
        try refused(["export", "zones", "--db", csvNamed, "--out", csvNamed], db: csvNamed)
        try refused(["access", "nearest", "--db", csvNamed, "--kind", "gp", "--out", csvNamed], db: csvNamed)
        try refused(
            ["locate", "mclp", "--db", csvNamed, "--kind", "hospital", "-p", "1", "--limit", "30", "--out", csvNamed],
            db: csvNamed)
        // Another spelling of the same path, from another working folder.
        let work = folder.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try refused(["report", "--db", "../t.db", "--out", "./missing/../../t.db"], db: db, in: work)
        // The database's write-ahead log counts as the database.
        try refused(["report", "--db", db, "--out", db + "-wal"], db: db)
    }

    @Test func aHardLinkOrASymbolicLinkToTheDatabaseIsTheDatabase() throws {
        let db = try territory()
        let hard = path("hard.db")
        #expect(link(db, hard) == 0)
        try refused(["report", "--db", hard, "--out", db], db: db)
        let soft = path("soft.html")
        try FileManager.default.createSymbolicLink(atPath: soft, withDestinationPath: db)
        try refused(["report", "--db", db, "--out", soft], db: db)
        // Simulate's own files in --out: a database named zones.csv inside the results folder.
        try FileManager.default.createDirectory(atPath: path("sim"), withIntermediateDirectories: true)
        #expect(link(db, path("sim/zones.csv")) == 0)
        try refused(["simulate", "--db", path("sim/zones.csv"), "--days", "3", "--out", path("sim"), "-q"], db: db)
    }

    @Test func aReportCannotReplaceTheComparisonItReads() throws {
        let db = try territory()
        let scenario = "indicators:\n  - {method: nearest, kind: gp}\nsimulation: {enabled: false}\n"
        try Data("territory: t.db\nname: base\n\(scenario)".utf8).write(to: URL(fileURLWithPath: path("base.yaml")))
        try Data("territory: t.db\nname: alt\n\(scenario)changes:\n  - close: gp-000001\n".utf8).write(
            to: URL(fileURLWithPath: path("alt.yaml")))
        let compared = try CommandLineTests.run([
            "compare", path("base.yaml"), path("alt.yaml"), "--out", path("cmp"), "-q",
        ])
        try #require(compared.status == 0, "\(compared.stderr)")
        let before = try digest(path("cmp/comparison.json"))
        try refused(["report", "--db", db, "--comparison", path("cmp"), "--out", path("cmp/comparison.json")], db: db)
        #expect(try digest(path("cmp/comparison.json")) == before)
        // Nor may a comparison's output replace one of its scenario files (a YAML file named comparison.json).
        try FileManager.default.copyItem(atPath: path("alt.yaml"), toPath: path("comparison.json"))
        let scenarioBytes = try digest(path("comparison.json"))
        try refused(["compare", path("base.yaml"), path("comparison.json"), "--out", folder.path], db: db)
        #expect(try digest(path("comparison.json")) == scenarioBytes)
    }

    @Test func aDifferentFileIsStillWritten() throws {
        let db = try territory()
        let result = try CommandLineTests.run(["report", "--db", db, "--out", path("t.db.html")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: path("t.db.html")))
    }
}
