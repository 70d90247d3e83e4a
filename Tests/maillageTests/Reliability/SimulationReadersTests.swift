import Foundation
import Testing

/// Readers while `maillage simulate` stores its run: `info`, `report` and the `sqlite3` shell
/// (an independent witness) read the database over and over while the run is written, and
/// each sees the run absent or whole (every value and series point of it), never an error.
extension ConcurrentUseTests {
    /// One snapshot (one statement, one read transaction): each run with its row counts.
    static let runCounts = """
        .timeout 30000
        SELECT r.id || '|' || (SELECT count(*) FROM simulation_value v WHERE v.run_id = r.id)
                    || '|' || (SELECT count(*) FROM simulation_series s WHERE s.run_id = r.id)
        FROM simulation_run r ORDER BY r.id;
        """

    /// `info --json` without its list of runs, which the simulation adds to, and the kinds listed.
    func infoWithoutRuns(_ text: String) throws -> (rest: NSDictionary, runs: [String]) {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let runs = try #require(object.removeValue(forKey: "runs") as? [[String: Any]])
        return (object as NSDictionary, runs.compactMap { $0["kind"] as? String })
    }

    @Test func readersSeeASimulationRunAbsentOrWhole() throws {
        // Many zones and few days, so that the run writes ~36,000 values and files; 80,000
        // inhabitants keep it running long enough for ten snapshots or more under a loaded test
        // run (12,000 left 9 to 11 once the tenth session made simulate faster: about 40 now).
        let db = path("sim.db")
        let generated = try CommandLineTests.run(
            "generate", "--zones", "600", "--population", "80000", "--seed", "8", "--out", db, "--quiet")
        try #require(generated.status == 0, "\(generated.stderr)")
        let info = try infoWithoutRuns(CommandLineTests.run("info", "--db", db, "--json").stdout).rest

        let writer = try BackgroundCommand(
            ["simulate", "--db", db, "--days", "3", "--seed", "2", "--out", path("sim-out"), "--quiet"],
            logs: folder)
        // `info` and `report` run as processes beside the writer, one at a time, alternately;
        // between their checks the sqlite3 shell takes snapshots as fast as it can.
        var snapshots: [(text: String, writing: Bool)] = []
        var commands = 0
        var commandsWhileWriting = 0
        var reportsWithTheRun = 0
        var reader: (command: BackgroundCommand, index: Int, writing: Bool)?
        func launch() throws {
            let arguments =
                commands % 2 == 0
                ? ["info", "--db", db, "--json"]
                : ["report", "--db", db, "--out", path("report-\(commands).html")]
            reader = (try BackgroundCommand(arguments, logs: folder), commands, writer.process.isRunning)
            commands += 1
        }
        func check(_ reader: (command: BackgroundCommand, index: Int, writing: Bool)) throws {
            let result = try reader.command.wait()
            #expect(result.status == 0, "reader \(reader.index): \(result.stderr)")
            if reader.index % 2 == 0 {
                let read = try infoWithoutRuns(result.stdout)
                #expect(read.rest == info, "reader \(reader.index): the territory changed")
                #expect(read.runs == [] || read.runs == ["simulation"], "reader \(reader.index): \(read.runs)")
            } else if let html = try? String(contentsOfFile: path("report-\(reader.index).html"), encoding: .utf8),
                html.contains("Simulation run")
            {
                reportsWithTheRun += 1
            }
            if reader.writing { commandsWhileWriting += 1 }
        }
        // Until the writer has exited, then one reader of each kind more, which must see the run.
        var launchedAfterCommit = 0
        repeat {
            if let current = reader, !current.command.process.isRunning {
                try check(current)
                reader = nil
            }
            if reader == nil, launchedAfterCommit < 2 {
                let committed = !writer.process.isRunning
                try launch()
                if committed { launchedAfterCommit += 1 }
            }
            snapshots.append((try SQLiteShell.run(db, Self.runCounts), writer.process.isRunning))
        } while reader != nil || launchedAfterCommit < 2
        let written = try writer.wait()
        #expect(written.status == 0, "\(written.stderr)")

        let final = try SQLiteShell.run(db, Self.runCounts)
        let parts = final.split(separator: "|").compactMap { Int($0) }
        // One run, id 1, with values and series points.
        #expect(parts.count == 3 && parts[0] == 1 && parts[1] > 0 && parts[2] > 0, "\(final)")
        let partial = snapshots.filter { $0.text != "" && $0.text != final }
        #expect(partial.isEmpty, "\(partial.prefix(3))")
        let whileWriting = snapshots.filter(\.writing)
        #expect(whileWriting.count >= 10 && commandsWhileWriting >= 2)
        #expect(snapshots.last?.text == final)
        #expect(reportsWithTheRun >= 1, "the report after the commit shows the run")
        #expect(try SQLiteShell.integrity(db) == "ok")
        print(
            "Simulation readers: \(snapshots.count) sqlite3 snapshots (\(whileWriting.count) while simulate ran: "
                + "\(whileWriting.filter { $0.text == "" }.count) without the run, \(whileWriting.filter { $0.text == final }.count) "
                + "with it whole [id|values|series points = \(final)]), \(commands) info/report commands (\(commandsWhileWriting) "
                + "started while simulate ran, \(reportsWithTheRun) reports showing the run), none partial, none failed"
        )
    }
}
