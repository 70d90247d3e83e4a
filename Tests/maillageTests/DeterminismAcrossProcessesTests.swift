import Foundation
import MaillageTestSupport
import Testing

/// The same commands on the same territory, in separate processes, write the same bytes.
///
/// Swift seeds its hashing per process, so a sum taken over a dictionary's entries is added in
/// another order from run to run; the age-weighted E2SFCA of the demo differed in the last
/// digit of a third of its zones from one run to the next before its bands were summed in age
/// order. Each round below runs every command once in fresh processes on a fresh territory.
@Suite struct DeterminismAcrossProcessesTests {
    typealias CLI = CommandLineTests

    /// The files of a round's folder with their bytes, except those stamped with the time.
    static func outputs(of folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let root = URL(fileURLWithPath: folder)
        for case let path as String in FileManager.default.enumerator(atPath: folder) ?? .init() {
            let url = root.appendingPathComponent(path)
            guard !url.hasDirectoryPath, url.pathExtension != "db", !path.hasSuffix("provenance.json"),
                let data = FileManager.default.contents(atPath: url.path)
            else { continue }
            files[path] = data
        }
        return files
    }

    /// Runs every command of the round into `folder`, in its own territory database.
    static func round(in folder: TemporaryFolder, name: String) throws -> [String: Data] {
        let out = folder.path(name)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let db = "\(out)/t.db"
        func run(_ arguments: [String]) throws -> CLI.Result {
            let result = try CLI.run(arguments)
            #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result.stderr)")
            return result
        }
        _ = try run(["generate", "--zones", "120", "--population", "90000", "--seed", "11", "--out", db, "-q"])
        let access: [[String]] = [
            ["nearest", "--kind", "gp", "--out", "\(out)/nearest.csv"],
            ["coverage", "--kind", "hospital", "--limit", "30", "--out", "\(out)/coverage.csv"],
            ["2sfca", "--kind", "gp", "--limit", "30", "--out", "\(out)/2sfca.csv"],
            ["3sfca", "--kind", "gp", "--limit", "30", "--out", "\(out)/3sfca.csv"],
            ["gravity", "--kind", "gp", "--limit", "30", "--demand", "age-weighted", "--out", "\(out)/gravity.csv"],
            ["isochrones", "--kind", "hospital", "--minutes", "15,30", "--out", "\(out)/iso.geojson"],
        ]
        for arguments in access { _ = try run(["access"] + arguments + ["--db", db, "-q"]) }
        let apl = try run([
            "access", "e2sfca", "--db", db, "--kind", "gp", "--decay", "exponential:0.12", "--limit", "30",
            "--demand", "age-weighted", "--per", "100000", "--out", "\(out)/apl.geojson", "--json",
        ])
        let runID = try #require(
            (try JSONSerialization.jsonObject(with: Data(apl.stdout.utf8)) as? [String: Any])?["run_id"] as? Int)
        _ = try run(["access", "equity", "--db", db, "--run", "\(runID)", "--out", "\(out)/equity.json", "-q"])
        _ = try run([
            "locate", "pmedian", "--db", db, "--kind", "gp", "--candidates", "zones", "-p", "4",
            "--limit", "30", "--out", "\(out)/pmedian.csv", "-q",
        ])
        _ = try run([
            "simulate", "--db", db, "--days", "60", "--seed", "5", "--replications", "2",
            "--out", "\(out)/simulation", "-q",
        ])
        _ = try run(["export", "zones", "--db", db, "--out", "\(out)/zones.geojson"])
        return try outputs(of: out)
    }

    @Test func everyCommandWritesTheSameBytesInAnotherProcess() throws {
        let folder = try TemporaryFolder()
        let first = try Self.round(in: folder, name: "first")
        let second = try Self.round(in: folder, name: "second")
        #expect(first.count >= 12, "\(first.keys.sorted())")
        #expect(first.keys.sorted() == second.keys.sorted())
        for (name, bytes) in first.sorted(by: { $0.key < $1.key }) {
            #expect(second[name] == bytes, "\(name) differs between two runs of the same commands")
        }
    }
}
