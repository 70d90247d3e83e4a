import Foundation
import MaillageTestSupport
import Testing

/// Each library error type reaches the planner with the exit code of its category, through real
/// failing commands (sysexits: 64 usage, 65 data, 66 missing input, 73 cannot create output), and a
/// setting that would mend the input is named by its flag, which the library's message no longer quotes.
///
/// The codes are the ones the README promises for each situation, written here by hand.
@Suite struct ErrorCategoryCommandTests {
    let scratch: TemporaryFolder
    let db: String

    init() throws {
        scratch = try TemporaryFolder(prefix: "maillage-categories")
        db = try CommandLineTests.generatedDatabase(zones: 20, population: 8000, seed: 4, in: scratch).db
    }

    func path(_ name: String) -> String { scratch.path(name) }

    func run(_ arguments: String...) throws -> CommandLineTests.Result { try CommandLineTests.run(arguments) }

    @Test func storeErrors() throws {
        #expect(try run("init", db).status == 73)  // alreadyExists
        #expect(try run("info", path("none.db")).status == 66)  // notFound
        try scratch.write("notes.db", "hello\n")
        #expect(try run("info", path("notes.db")).status == 65)  // notATerritoryDatabase
    }

    @Test func importErrorsNameTheFlagOfTheSettingThatMendsThem() throws {
        let xy = try scratch.write("xy.csv", "id,kind,name,x,y\ng1,gp,A,574000,6280000\n")
        let noCRS = try run("import", "actors", xy, "--db", db)
        #expect(noCRS.status == 65, "\(noCRS.stderr)")  // ImportError
        #expect(noCRS.stderr.contains("xy.csv:1") && noCRS.stderr.contains("--crs EPSG:2154"), "\(noCRS.stderr)")
        let badCRS = try run("import", "actors", xy, "--db", db, "--crs", "EPSG:999999")
        #expect(badCRS.status == 65, "\(badCRS.stderr)")  // ProjError
        #expect(try run("import", "actors", path("none.csv"), "--db", db).status == 66)  // FileAccessError.missing
    }

    @Test func exportErrors() throws {
        // FileAccessError.overwritesInput, FileAccessError.unwritable, ExportError.unknownExtension.
        #expect(try run("export", "zones", "--db", db, "--out", db).status == 64)
        #expect(try run("export", "zones", "--db", db, "--out", "/proc/x.csv").status == 73)
        #expect(try run("export", "zones", "--db", db, "--out", path("z.txt")).status == 64)
    }

    @Test func accessErrorsNameTheMissingSetting() throws {
        let result = try run("access", "2sfca", "--db", db, "--kind", "pharmacy", "--out", path("x.csv"))
        #expect(result.status == 65, "\(result.stderr)")  // AccessError.needsSetting
        #expect(result.stderr.contains("(option --capacity)"), "\(result.stderr)")
    }

    @Test func simulationErrorsTellAMissingFileFromABadOne() throws {
        let missing = try run("simulate", "--db", db, "--params", path("none.json"), "--days", "5", "--out", path("a"))
        #expect(missing.status == 66, "\(missing.stderr)")  // SimulationError.missingFile
        try scratch.write("bad.json", "[1, 2]")
        let bad = try run("simulate", "--db", db, "--params", path("bad.json"), "--days", "5", "--out", path("b"))
        #expect(bad.status == 65, "\(bad.stderr)")  // SimulationError.unreadableFile
        #expect(try run("simulate", "--db", db, "--days", "0", "--out", path("c")).status == 64)  // ArgumentParser
    }

    @Test func calibrationAndSensitivityFilesTellAMissingFileFromABadOne() throws {
        let missing = try run("calibrate", "--db", db, "--targets", path("none.yaml"), "--out", path("fit"))
        #expect(missing.status == 66, "\(missing.stderr)")
        try scratch.write("broken.yaml", "targets: [unclosed\n")
        let broken = try run("calibrate", "--db", db, "--targets", path("broken.yaml"), "--out", path("fit"))
        #expect(broken.status == 65, "\(broken.stderr)")
        let ranges = try run(
            "sensitivity", "--db", db, "--ranges", path("broken.yaml"), "--method", "morris", "--out", path("s")
        )
        #expect(ranges.status == 65, "\(ranges.stderr)")
    }

    /// What a merge or a comparison cannot find is missing input, reported by the library.
    @Test func mergeAndCompareTellAMissingInput() throws {
        let nowhere = try run("merge", path("no-such-shards"), "--out", path("m"))
        #expect(nowhere.status == 66 && nowhere.stderr.contains("no-such-shards: does not exist"), "\(nowhere.stderr)")
        try FileManager.default.createDirectory(atPath: path("empty-shards"), withIntermediateDirectories: true)
        let empty = try run("merge", path("empty-shards"), "--out", path("m"))
        #expect(empty.status == 66 && empty.stderr.contains("holds no shard-*.json file"), "\(empty.stderr)")
        let scenario = "name: lost\nterritory: gone.db\ndays: 5\nindicators:\n  - method: e2sfca\n    kind: gp\n"
        try scratch.write("lost.yaml", scenario)
        try scratch.write("lost2.yaml", "extends: lost.yaml\nname: lost2\n")
        let lost = try run("compare", path("lost.yaml"), path("lost2.yaml"), "--out", path("c"))
        #expect(lost.status == 66 && lost.stderr.contains("gone.db"), "\(lost.stderr)")
    }

    @Test func reportErrors() throws {
        #expect(try run("report", "--db", db, "--run", "9", "--out", path("r.html")).status == 64)  // unknownRun
        // ReportError.missingFile for a drawn file that does not exist, unreadableIsochrones for bad GeoJSON.
        let out = path("r.html")
        #expect(try run("report", "--db", db, "--isochrones", path("none.geojson"), "--out", out).status == 66)
        #expect(try run("report", "--db", db, "--locate", path("none.geojson"), "--out", out).status == 66)
        try scratch.write("bad.geojson", "{}")
        #expect(try run("report", "--db", db, "--isochrones", path("bad.geojson"), "--out", out).status == 65)
        #expect(!FileManager.default.fileExists(atPath: path("r.html")))
    }
}
