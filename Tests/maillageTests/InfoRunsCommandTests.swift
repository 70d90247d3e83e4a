import Foundation
import MaillageTestSupport
import Testing

/// `maillage info` lists the runs stored in a territory: a count per kind, the newest few one
/// a line, and every run in `--json`.
@Suite struct InfoRunsCommandTests {
    let scratch = try! TemporaryFolder()

    @Test func infoCountsAndListsTheStoredRuns() throws {
        let (folder, db) = try CommandLineTests.generatedDatabase(zones: 40, population: 20_000, seed: 3, in: scratch)
        let empty = try CommandLineTests.run("info", db)
        #expect(empty.stdout.contains("runs        0 indicator, 0 simulation, 0 scenario"), "\(empty.stdout)")

        // Seven indicator runs (more than the five the table lists) and one simulation.
        for index in 0..<7 {
            let out = folder.appendingPathComponent("apl-\(index).csv").path
            let access = try CommandLineTests.run("access", "nearest", "--db", db, "--kind", "gp", "--out", out, "-q")
            try #require(access.status == 0, "\(access.stderr)")
        }
        let simulated = try CommandLineTests.run(
            "simulate", "--db", db, "--days", "2", "--seed", "1", "--out", folder.appendingPathComponent("sim").path,
            "-q")
        try #require(simulated.status == 0, "\(simulated.stderr)")

        let table = try CommandLineTests.run("info", db).stdout
        #expect(table.contains("runs        7 indicator, 1 simulation, 0 scenario"), "\(table)")
        #expect(table.contains("… 2 older indicator runs"), "\(table)")
        #expect(!table.contains("indicator #2 "), "the two oldest are summed up, not listed")
        for id in 3...7 { #expect(table.contains("indicator #\(id) nearest, "), "\(table)") }
        #expect(table.contains("simulation #1, "), "\(table)")

        let json = try #require(
            JSONSerialization.jsonObject(with: Data(CommandLineTests.run("info", db, "--json").stdout.utf8))
                as? [String: Any])
        let runs = try #require(json["runs"] as? [[String: Any]])
        #expect(runs.map { $0["kind"] as? String } == Array(repeating: "indicator", count: 7) + ["simulation"])
        #expect(runs.map { $0["id"] as? Int } == [1, 2, 3, 4, 5, 6, 7, 1])
        #expect(runs.first?["name"] as? String == "nearest")
        #expect(runs.allSatisfy { ($0["created_at"] as? String)?.hasPrefix("20") == true })
        #expect(runs.allSatisfy { ($0["inputs_fingerprint"] as? String)?.isEmpty == false })
    }
}
