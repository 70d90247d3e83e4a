import Foundation
import MaillageTestSupport
import Testing

@Suite struct ScenarioCommandTests {
    @Test func compareWritesDifferencesAndAnIdenticalAlternativeGivesZero() throws {
        let folder = try TemporaryFolder()
        let pair = try CoverageScenarioPair(in: folder, zones: 150, population: 250_000, seed: 2)
        let out = folder.path("cmp")
        let result = try CommandLineTests.run("compare", pair.base, pair.same, "--out", out, "--json")
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let differences = try #require(json["differences"] as? [[String: Any]])
        #expect(differences.count == 1 && differences[0]["difference"] as? Double == 0)
        let rows = try String(contentsOfFile: out + "/comparison.csv", encoding: .utf8).split(
            whereSeparator: \.isNewline)
        #expect(rows.count == 1 + 1 + 150)
        #expect(rows.dropFirst().allSatisfy { $0.split(separator: ",")[5] == "0" })
        #expect(FileManager.default.fileExists(atPath: out + "/same.geojson"))

        try folder.write("broken.yaml", "extends: base.yaml\nchanges:\n  - close: nobody\n")
        let broken = try CommandLineTests.run(
            "compare", folder.path("base.yaml"), folder.path("broken.yaml"), "--out", out)
        #expect(broken.status == 65 && broken.stderr.contains("broken.yaml:3") && broken.stderr.contains("nobody"))
    }

    /// Three shard processes at once, then a merge: the same bytes as one process, file by file.
    @Test func shardsRunInSeveralProcessesMergeIntoTheSingleMachineResult() throws {
        let folder = try TemporaryFolder()
        #expect(
            try CommandLineTests.run(
                "generate", "--zones", "60", "--population", "90000", "--seed", "3", "--out", folder.path("t.db"), "-q"
            ).status == 0)
        try folder.write(
            "base.yaml",
            """
            name: base
            territory: t.db
            days: 30
            seed: 11
            replications: 3
            simulation: {sample: 0.5}
            indicators:
              - method: e2sfca
                kind: gp
                capacity: fte
            """)
        try folder.write(
            "surge.yaml",
            "extends: base.yaml\nname: surge\nevents:\n  - surge: {zones: ['*'], factor: 1.5}\n    from: 5\n    until: 25\n"
        )
        try folder.write("sweep.yaml", "extends: base.yaml\nname: slow\nsweep:\n  travel.gp_limit_minutes: [20, 30]\n")
        let scenarios = [folder.path("base.yaml"), folder.path("surge.yaml")]
        let single = try CommandLineTests.run(
            scenarios + ["--out", folder.path("single"), "--threads", "1", "--json", "-q"].map { $0 }, prefix: "compare"
        )
        #expect(single.status == 0, "\(single.stderr)")

        let statuses = Statuses()
        DispatchQueue.concurrentPerform(iterations: 3) { index in
            let result = try? CommandLineTests.run(
                scenarios + ["--shard", "\(index + 1)/3", "--out", folder.path("shards"), "-q"], prefix: "compare")
            statuses.add(result?.status ?? -1)
        }
        #expect(statuses.values == [0, 0, 0])
        let merged = try CommandLineTests.run(
            "merge", folder.path("shards"), "--out", folder.path("merged"), "--json", "-q")
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout == single.stdout)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path("single")).filter {
            $0 != "provenance.json"
        }.sorted()
        #expect(
            names
                == ["base.geojson", "comparison.csv", "comparison.json", "replications.csv", "surge.geojson"].filter {
                    $0 != "base.geojson"
                })
        for name in names {
            let a = try Data(contentsOf: URL(fileURLWithPath: folder.path("single/" + name)))
            let b = try Data(contentsOf: URL(fileURLWithPath: folder.path("merged/" + name)))
            #expect(a == b, "\(name) differs between one process and merged shards")
        }
        // The surge raises needs in every replication: an interval above 0 (hand check of the CSV's columns).
        let rows = try String(contentsOfFile: folder.path("single/comparison.csv"), encoding: .utf8).split(
            whereSeparator: \.isNewline)
        let needs = try #require(rows.first { $0.hasPrefix("surge,needs_per_inhabitant,*,") }).split(
            separator: ",", omittingEmptySubsequences: false)
        #expect(Double(needs[6])! > 0 && needs[9] == "1")

        // A missing shard, and scenario files changed after the shards ran, are refused.
        try FileManager.default.removeItem(atPath: folder.path("shards/shard-2-of-3.json"))
        let partial = try CommandLineTests.run("merge", folder.path("shards"), "--out", folder.path("partial"))
        #expect(partial.status == 65 && partial.stderr.contains("shard 2/3 missing"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("partial/comparison.csv")))
        #expect(
            try CommandLineTests.run(
                scenarios + ["--shard", "2/3", "--out", folder.path("shards"), "-q"], prefix: "compare"
            ).status == 0)
        try folder.write(
            "surge.yaml",
            "extends: base.yaml\nname: surge\nevents:\n  - surge: {zones: ['*'], factor: 1.6}\n    from: 5\n    until: 25\n"
        )
        let stale = try CommandLineTests.run("merge", folder.path("shards"), "--out", folder.path("stale"))
        #expect(stale.status == 65 && stale.stderr.contains("changed"))
        #expect(
            try CommandLineTests.run(
                "compare", folder.path("base.yaml"), folder.path("surge.yaml"), "--shard", "4/3", "--out", "x"
            ).status == 64)
        // A shard is JSON Lines: a header, then one job per line (3 replications × 2 scenarios = 6 jobs, 2 per shard).
        let lines = try String(contentsOfFile: folder.path("shards/shard-2-of-3.json"), encoding: .utf8).split(
            separator: "\n")
        #expect(lines.count == 1 + 2 && lines[0].contains("\"version\":2"))
        // A shard written by an older maillage (version 1, one JSON document) is refused with what to do.
        try FileManager.default.createDirectory(atPath: folder.path("old"), withIntermediateDirectories: true)
        try folder.write(
            "old/shard-1-of-1.json",
            """
            {"files":[],"format":"maillage-comparison-shard","planFingerprint":"0f","replications":3,"results":[],"shard":{"count":1,"index":1},"version":1}
            """)
        let old = try CommandLineTests.run("merge", folder.path("old"), "--out", folder.path("old-out"))
        #expect(
            old.status == 65 && old.stderr.contains("version 1")
                && old.stderr.contains("compute that shard again with this version of Maillage"), "\(old.stderr)")

        // A sweep as the alternative expands into one scenario per point.
        let sweep = try CommandLineTests.run(
            "compare", folder.path("base.yaml"), folder.path("sweep.yaml"), "--replications", "2",
            "--out", folder.path("sweep"), "--json", "-q")
        #expect(sweep.status == 0, "\(sweep.stderr)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(sweep.stdout.utf8)) as? [String: Any])
        #expect(
            json["alternatives"] as? [String] == [
                "slow[travel.gp_limit_minutes=20]", "slow[travel.gp_limit_minutes=30]",
            ])
        #expect(json["replications"] as? Int == 2)
    }

    @Test func scenarioRunSimulatesAndStoresTheRunWithItsProvenance() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("t.db")
        #expect(
            try CommandLineTests.run(
                "generate", "--zones", "40", "--population", "50000", "--seed", "4", "--out", db, "-q"
            ).status == 0)
        try folder.write(
            "heat.yaml",
            """
            name: heat
            territory: t.db
            days: 20
            replications: 2
            indicators:
              - method: coverage
                kind: hospital
                service: emergency
                limit: 30
            events:
              - surge: {zones: ['*'], factor: 1.4, needs: [acute_urgent]}
                from: 2
                until: 12
            """)
        let result = try CommandLineTests.run(
            "scenario", "run", folder.path("heat.yaml"), "--out", folder.path("out"), "--json")
        #expect(result.status == 0, "\(result.stderr)")
        let summaries = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let simulated = try #require(summaries.first?["simulation"] as? [String: Any])
        #expect(simulated["emergency_visits_per_inhabitant"] != nil)
        for name in [
            "coverage_hospital_emergency_30.csv", "summary.json", "provenance.json", "simulation/zones.csv",
            "simulation/territory.json",
        ] {
            #expect(FileManager.default.fileExists(atPath: folder.path("out/heat/" + name)), "\(name)")
        }
        // Stored with its provenance, and linked to the simulation run it saved (checked with sqlite3, not the code under test).
        let sql = Process()
        sql.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sql.arguments = [
            db,
            "SELECT r.name, r.seed, r.replications, r.days, length(r.scenario_hash) > 0, s.replications, s.events LIKE '%acute_urgent%', "
                + "(SELECT count(*) FROM scenario_value v WHERE v.run_id = r.id AND v.zone_id = '*') FROM scenario_run r JOIN simulation_run s ON s.id = r.simulation_run_id",
        ]
        let pipe = Pipe()
        sql.standardOutput = pipe
        try sql.run()
        sql.waitUntilExit()
        let row = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let fields = row.split(separator: "|")
        #expect(fields.prefix(7) == ["heat", "1", "2", "20", "1", "2", "1"], "\(row)")
        #expect((Int(fields.last ?? "") ?? 0) > 10)
    }
}

/// Exit statuses collected from concurrent processes.
private final class Statuses: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Int32] = []
    func add(_ status: Int32) { lock.withLock { values.append(status) } }
}

extension CommandLineTests {
    /// Runs `maillage PREFIX ARGUMENTS…`.
    static func run(_ arguments: [String], prefix: String) throws -> Result { try run([prefix] + arguments) }
}
