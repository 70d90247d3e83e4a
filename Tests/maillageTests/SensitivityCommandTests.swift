import Foundation
import MaillageTestSupport
import Testing

/// `maillage sensitivity` end to end on a small generated territory: files, hand-checked
/// elementary effects, thread-count independence, shards merged byte for byte, errors coded.
@Suite(.serialized) struct SensitivityCommandTests {
    let folder: URL
    /// Holds `folder`, removed with the suite instance after each test.
    let scratch: TemporaryFolder
    let db: String
    let ranges: String

    init() throws {
        scratch = try TemporaryFolder(prefix: "maillage-cli")
        (folder, db) = try CommandLineTests.generatedDatabase(zones: 30, population: 20_000, seed: 3, in: scratch)
        ranges = folder.appendingPathComponent("ranges.yaml").path
        try """
        parameters:
          - {name: needs.acute_urgent.rate_per_year, scale: [0.5, 1.5], observed: true, source: test}
          - {name: gp.acute_to_emergency_without_slot, range: [0.1, 0.6], observed: false}
          - {name: gp.tolerance_acute_days, range: [1, 4], integer: true, observed: false}
        """.write(toFile: ranges, atomically: true, encoding: .utf8)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func morris(_ out: String, _ extra: [String] = []) throws -> CommandLineTests.Result {
        try CommandLineTests.run(
            [
                "sensitivity", "--db", db, "--ranges", ranges, "--method", "morris", "--trajectories", "4",
                "--days", "60", "--sample", "0.5", "--out", path(out), "-q",
            ] + extra)
    }

    func read(_ out: String, _ file: String) throws -> String {
        try String(contentsOfFile: path("\(out)/\(file)"), encoding: .utf8)
    }

    func csv(_ text: String) -> [[String]] {
        text.split(whereSeparator: \.isNewline).map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    @Test func morrisEffectsAreTheHandComputedOnesAndDoNotDependOnThreads() throws {
        let one = try morris("one", ["--threads", "1"])
        #expect(one.status == 0, "\(one.stderr)")
        let two = try morris("two", ["--threads", "2"])
        #expect(two.status == 0)
        for file in ["design.csv", "outputs.csv", "indices.csv", "indicators.csv", "sensitivity.json", "tornado.html"] {
            #expect(try read("one", file) == read("two", file), "\(file)")
        }
        // The one CSV writer's line ends: CRLF after every row, the last included, no bare LF.
        for file in ["design.csv", "outputs.csv", "indices.csv", "indicators.csv"] {
            let bytes = Array(try read("one", file).utf8)
            #expect(bytes.suffix(2) == [13, 10], "\(file)")
            #expect(bytes.indices.allSatisfy { bytes[$0] != 10 || ($0 > 0 && bytes[$0 - 1] == 13) }, "\(file)")
        }
        // Elementary effects by hand from design.csv and outputs.csv: in each trajectory of 4
        // points one parameter moves per step; its effect is the output change divided by
        // Δ = 2/3 in unit terms, signed by the direction of the move.
        let design = csv(try read("one", "design.csv")).dropFirst().map { $0.dropFirst().map { Double($0)! } }
        let outputs = csv(try read("one", "outputs.csv"))
        let column = try #require(outputs[0].firstIndex(of: "emergency_visits_per_inhabitant"))
        let y = outputs.dropFirst().map { Double($0[column])! }
        #expect(design.count == 16 && y.count == 16)
        var effects: [[Double]] = [[], [], []]
        for t in 0..<4 {
            for step in 0..<3 {
                let a = design[t * 4 + step]
                let b = design[t * 4 + step + 1]
                let moved = (0..<3).filter { a[$0] != b[$0] }
                #expect(moved.count == 1)
                let up = b[moved[0]] > a[moved[0]]
                effects[moved[0]].append(
                    (up ? y[t * 4 + step + 1] - y[t * 4 + step] : y[t * 4 + step] - y[t * 4 + step + 1]) / (2.0 / 3))
            }
        }
        let indices = csv(try read("one", "indices.csv")).filter { $0[0] == "emergency_visits_per_inhabitant" }
        #expect(
            indices.map { $0[1] } == [
                "needs.acute_urgent.rate_per_year", "gp.acute_to_emergency_without_slot", "gp.tolerance_acute_days",
            ])
        for p in 0..<3 {
            let mu = effects[p].reduce(0, +) / 4
            let muStar = effects[p].reduce(0) { $0 + abs($1) } / 4
            #expect(abs(Double(indices[p][3])! - mu) <= 1e-12 * max(1, abs(mu)))
            #expect(abs(Double(indices[p][4])! - muStar) <= 1e-12 * max(1, muStar))
        }
        // More urgent needs, more emergency visits: every elementary effect of the rate is positive.
        #expect(effects[0].allSatisfy { $0 > 0 })
    }

    @Test func shardsMergeIntoTheSameFiles() throws {
        #expect(try morris("whole").status == 0)
        #expect(try morris("shards", ["--shard", "1/2"]).status == 0)
        #expect(try morris("shards", ["--shard", "2/2"]).status == 0)
        let merged = try CommandLineTests.run("merge", path("shards"), "--out", path("merged"), "-q")
        #expect(merged.status == 0, "\(merged.stderr)")
        for file in ["design.csv", "outputs.csv", "indices.csv", "indicators.csv", "sensitivity.json", "tornado.html"] {
            #expect(try read("whole", file) == read("merged", file), "\(file)")
        }
        // A share missing: refused, naming it.
        try FileManager.default.removeItem(atPath: path("shards/sensitivity-shard-2-of-2.json"))
        let partial = try CommandLineTests.run("merge", path("shards"), "--out", path("partial"), "-q")
        #expect(partial.status == 65 && partial.stderr.contains("shares 2 of 2 are missing"))
    }

    @Test func sobolRunsAndFlagsAssumptionDrivenIndicators() throws {
        let run = try CommandLineTests.run([
            "sensitivity", "--db", db, "--ranges", ranges, "--method", "sobol", "--samples", "4",
            "--days", "30", "--sample", "0.3", "--out", path("sobol"), "-q",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let indices = csv(try read("sobol", "indices.csv"))
        #expect(indices[0] == ["indicator", "parameter", "observed", "S1", "S1_conf", "ST", "ST_conf"])
        #expect(csv(try read("sobol", "outputs.csv")).count == 1 + 4 * 5)
        let flags = csv(try read("sobol", "indicators.csv"))
        #expect(flags[0] == ["indicator", "mean", "sd", "assumption_share", "assumption_driven"])
        #expect(flags.dropFirst().allSatisfy { $0[4] == "" || $0[4] == "true" || $0[4] == "false" })
    }

    /// With --scenario the outputs are paired differences (scenario − territory unchanged): the
    /// inhabitants do not change with an emergency department's closure, so their difference is 0
    /// at every point, while the design and the indices are those of the ranges.
    @Test func scenarioOutputsArePairedDifferences() throws {
        let scenario = path("close.yaml")
        try """
        territory: t.db
        start: 2026-01-01
        days: 30
        seed: 1
        replications: 1
        changes:
          - close: hospital-000001
        simulation: {sample: 0.5}
        """.write(toFile: scenario, atomically: true, encoding: .utf8)
        let run = try CommandLineTests.run([
            "sensitivity", "--db", db, "--ranges", ranges, "--method", "morris", "--trajectories", "2",
            "--scenario", scenario, "--out", path("scenario"), "-q",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let outputs = csv(try read("scenario", "outputs.csv"))
        let column = try #require(outputs[0].firstIndex(of: "inhabitants"))
        #expect(outputs.count == 9 && outputs.dropFirst().allSatisfy { Double($0[column]) == 0 })
        #expect(try read("scenario", "sensitivity.json").contains("\"scenario\" : \"\(scenario)\""))
    }

    @Test func badRangesAreRefusedWithTheirPlace() throws {
        let bad = path("bad.yaml")
        try "parameters:\n  - {name: emergency.no_such_thing, range: [1, 2], observed: false}\n".write(
            toFile: bad, atomically: true, encoding: .utf8)
        let unknown = try CommandLineTests.run(
            "sensitivity", "--db", db, "--ranges", bad, "--method", "morris", "--out", path("x"), "-q")
        #expect(unknown.status == 65 && unknown.stderr.contains("emergency.no_such_thing"))
        try "parameters:\n  - {name: emergency.night_share, range: [0.5, 0.2], observed: false}\n".write(
            toFile: bad, atomically: true, encoding: .utf8)
        let reversed = try CommandLineTests.run(
            "sensitivity", "--db", db, "--ranges", bad, "--method", "morris", "--out", path("x"), "-q")
        #expect(reversed.status == 65 && reversed.stderr.contains("bad.yaml:2"))
        let missing = try CommandLineTests.run(
            "sensitivity", "--db", db, "--ranges", path("none.yaml"), "--method", "morris", "--out", path("x"), "-q")
        #expect(missing.status == 66)
    }

    /// Every parameter of the default ranges file is one the simulation knows (a run of one
    /// trajectory would fail on a misspelt name), checked through the CLI at a tiny scale.
    @Test func defaultRangesFileIsValid() throws {
        let defaults = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("data/sensitivity-ranges.yaml").path
        let run = try CommandLineTests.run([
            "sensitivity", "--db", db, "--ranges", defaults, "--method", "morris", "--trajectories", "2",
            "--days", "10", "--sample", "0.1", "--out", path("defaults"), "-q",
        ])
        #expect(run.status == 0, "\(run.stderr)")
    }
}
