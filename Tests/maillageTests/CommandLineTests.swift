import Foundation
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
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("maillage-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
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
        #expect(result.stderr.contains("missing.db") && result.stderr.contains("maillage init"))
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
        let generated = try Self.run("generate", "--zones", "80", "--population", "90000", "--seed", "5", "--out", db, "--quiet")
        #expect(generated.status == 0)
        #expect(generated.stderr.isEmpty)
        let info = try Self.run("info", db, "--json")
        #expect(info.status == 0)
        let json = try #require(JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any])
        #expect(json["zones"] as? Int == 80)
        #expect(json["population"] as? Double == 90_000)
        #expect(json["schema_version"] as? Int == 1)
        let kinds = try #require(json["actors_by_kind"] as? [String: Int])
        #expect(kinds["hospital"]! >= 1 && kinds["gp"]! > 30)
        let box = try #require(json["bounding_box"] as? [String: Double])
        #expect(box["min_latitude"]! < box["max_latitude"]!)
    }

    @Test func demoWritesOutDemoDBAndDescribesIt() throws {
        let first = try Self.run("demo", "--out", path("out"))
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("zones       150"))
        #expect(first.stdout.contains("population  180,000"))
        #expect(FileManager.default.fileExists(atPath: path("out/demo.db")))
        // Running the demo again replaces its own database.
        #expect(try Self.run("demo", "--out", path("out"), "-q").status == 0)
    }
}
