import Foundation
import Testing

/// SIGKILL during `maillage simulate --db … --out …`, which writes its result files and then
/// stores the run (parameters and every value) in the database in one transaction.
extension InterruptedImportTests {
    /// The files a simulation writes that are the same bytes for the same inputs and seed.
    static let deterministicResults = ["territory.json", "zones.csv", "zones.geojson", "actors.csv", "parameters.json"]

    /// The territory, the stored runs without their creation time (which differs from run to
    /// run), and a SHA3 of every stored value.
    static func simulationDigest(_ database: String) throws -> String {
        try SQLiteShell.territoryDigest(database) + "\n"
            + SQLiteShell.run(
                database,
                """
                SELECT id, parameters, events, days, seed, replications, sample, inputs_fingerprint FROM simulation_run ORDER BY id;
                .sha3sum simulation_value
                """)
    }

    @Test func killedSimulationLeavesTheRunsBeforeOrAfterAndWholeFiles() throws {
        // Many zones and few inhabitants and days: the simulation itself takes a fraction of a
        // second and writing its ~36,000 zone values and files takes most of the run, so that
        // most kills land while it writes (measured, debug build: simulated at 0.5 s of 2.4 s).
        let before = path("before.db")
        try mustRun("generate", "--zones", "600", "--population", "12000", "--seed", "8", "--out", before, "--quiet")
        // A first run already stored: the killed one must not disturb it.
        try mustRun("simulate", "--db", before, "--days", "3", "--seed", "1", "--out", path("first-run"), "--quiet")
        func results(_ database: String) -> String { database + "-results" }
        let arguments = { (database: String) in
            ["simulate", "--db", database, "--days", "3", "--seed", "2", "--out", results(database), "--quiet"]
        }
        var whole = 0
        var absent = 0
        var leftovers = 0
        let tally = try killRepeatedly(
            before: before, points: 24, digest: Self.simulationDigest,
            afterKill: { victim, stored in
                // Each result file is the reference's bytes or absent; a stored run has all its files.
                let reference = results(path("after.db"))
                for name in Self.deterministicResults {
                    let file = results(victim) + "/" + name
                    if let bytes = FileManager.default.contents(atPath: file) {
                        #expect(
                            bytes == FileManager.default.contents(atPath: reference + "/" + name),
                            "\(name) is partial or different")
                        whole += 1
                    } else {
                        #expect(!stored, "the run is stored but \(name) is missing")
                        absent += 1
                    }
                }
                if let provenance = FileManager.default.contents(atPath: results(victim) + "/provenance.json") {
                    #expect((try? JSONSerialization.jsonObject(with: provenance)) != nil, "provenance.json is partial")
                }
                // A kill between writing a temporary file and renaming it leaves it (hidden) behind.
                leftovers +=
                    (try? FileManager.default.contentsOfDirectory(atPath: results(victim)))?.filter {
                        $0.hasSuffix(".tmp")
                    }.count ?? 0
                try? FileManager.default.removeItem(atPath: results(victim))
            }, rerun: false, arguments)
        print(
            "Interrupted simulation: result files found whole \(whole), absent \(absent), hidden temporary files left \(leftovers)"
        )
        #expect(tally.killedWhileRunning >= 24)
    }
}

extension InterruptedImportTests {
    /// `scenario run` writes files (each through a temporary file renamed when whole), then
    /// stores the scenario run and its simulation run in one transaction: after a kill the
    /// territory is untouched, the runs are stored both or neither, and each file is whole or absent.
    @Test func killedScenarioRunLeavesWholeFilesOrNone() throws {
        let db = path("scenario.db")
        try mustRun("generate", "--zones", "400", "--population", "400000", "--seed", "3", "--out", db, "--quiet")
        let scenario = path("close.yaml")
        try """
        name: close
        territory: scenario.db
        days: 10
        simulation: {sample: 0.02}
        indicators:
          - method: coverage
            kind: hospital
            service: emergency
            limit: 30
          - method: nearest
            kind: gp
        """.write(toFile: scenario, atomically: false, encoding: .utf8)
        let reference = path("scenario-reference")
        let start = Date()
        try mustRun("scenario", "run", scenario, "--out", reference, "--quiet")
        let duration = Date().timeIntervalSince(start)
        let digest = try SQLiteShell.territoryDigest(db)
        let names = try FileManager.default.contentsOfDirectory(atPath: reference + "/close").filter {
            $0 != "provenance.json" && $0 != "simulation"
        }
        try #require(names.count >= 3, "\(names)")

        let points = 10
        var whole = 0
        var absent = 0
        for point in 0..<points {
            let out = path("scenario-victim-\(point)")
            let command = try BackgroundCommand(["scenario", "run", scenario, "--out", out, "--quiet"], logs: folder)
            Thread.sleep(forTimeInterval: duration * (Double(point) + 0.5) / Double(points))
            command.kill()
            for name in names {
                if let bytes = FileManager.default.contents(atPath: out + "/close/" + name) {
                    #expect(
                        bytes == FileManager.default.contents(atPath: reference + "/close/" + name),
                        "\(name) is partial")
                    whole += 1
                } else {
                    absent += 1
                }
            }
            #expect(try SQLiteShell.integrity(db) == "ok")
            #expect(try SQLiteShell.territoryDigest(db) == digest)
            let runs = try SQLiteShell.run(
                db, "SELECT (SELECT count(*) FROM scenario_run) - (SELECT count(*) FROM simulation_run);")
            #expect(
                runs.trimmingCharacters(in: .whitespacesAndNewlines) == "0",
                "a scenario run without its simulation run, or the reverse")
        }
        print(
            "Interrupted scenario run (\(String(format: "%.2f", duration)) s, \(points) kills): files whole \(whole), absent \(absent)"
        )
    }
}
