import Foundation
import MaillageTestSupport
import Testing

/// Several `maillage` processes on one database at once: readers keep working while an import
/// writes (WAL), and two imports into the same file come out one after the other, both whole.
@Suite(.serialized) struct ConcurrentUseTests {
    let folder: URL
    /// Holds `folder`, removed with the suite instance after each test.
    let scratch: TemporaryFolder

    init() throws {
        scratch = try TemporaryFolder(prefix: "maillage-concurrent")
        folder = scratch.url
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func territory(zones: Int) throws -> String {
        let db = path("t.db")
        let result = try CommandLineTests.run(
            "generate", "--zones", "\(zones)", "--population", "300000", "--seed", "4", "--out", db, "--quiet")
        try #require(result.status == 0, "\(result.stderr)")
        return db
    }

    /// Every ordered pair of the first `zones` zones: `zones`² rows.
    func matrix(zones: Int, named name: String) throws -> String {
        var lines = ["origin_id,destination_id,minutes"]
        for origin in 1...zones {
            for destination in 1...zones {
                lines.append(
                    "Z\(String(format: "%05d", origin)),Z\(String(format: "%05d", destination)),\((origin * 3 + destination) % 90)"
                )
            }
        }
        let file = path(name)
        try lines.joined(separator: "\n").write(toFile: file, atomically: false, encoding: .utf8)
        return file
    }

    /// `info --json` without the travel-time count, which the concurrent import changes, and
    /// without the list of stored runs, which the concurrent `access` readers add to.
    func infoWithoutTravelTimes(_ text: String) throws -> (rest: NSDictionary, travelTimes: Int?) {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let travelTimes = object.removeValue(forKey: "travel_times") as? Int
        object.removeValue(forKey: "runs")
        return (object as NSDictionary, travelTimes)
    }

    @Test func readersKeepWorkingWhileAnImportWrites() throws {
        let zones = 700
        let db = try territory(zones: zones)
        let big = try matrix(zones: zones, named: "big.csv")
        // References, taken alone: the import only adds travel times, so every other output stays the same.
        let info = try infoWithoutTravelTimes(CommandLineTests.run("info", "--db", db, "--json").stdout)
        #expect(
            try CommandLineTests.run("export", "zones", "--db", db, "--out", path("zones-alone.csv"), "-q").status == 0)
        #expect(
            try CommandLineTests.run(
                "access", "nearest", "--db", db, "--kind", "gp", "--out", path("nearest-alone.csv"), "-q"
            ).status == 0)
        let zonesAlone = try String(contentsOfFile: path("zones-alone.csv"), encoding: .utf8)
        let nearestAlone = try String(contentsOfFile: path("nearest-alone.csv"), encoding: .utf8)

        let writeStart = Date()
        let writer = try BackgroundCommand(
            ["import", "matrix", big, "--db", db, "--directed", "--quiet"], logs: folder)
        // Three readers at all times, one of each kind in turn, until the import has finished.
        // `access` records its run in the database, so it is a small writer too: it waits for the
        // import's commit (busy timeout), where `info` and `export` read the last committed state.
        var running: [(kind: Int, index: Int, command: BackgroundCommand, duringWrite: Bool)] = []
        var launched = 0
        var readersDuringWrite = 0
        var finishedDuringWrite = [0, 0, 0]
        func launch() throws {
            let arguments = [
                ["info", "--db", db, "--json"],
                ["export", "zones", "--db", db, "--out", path("zones-\(launched).csv"), "-q"],
                ["access", "nearest", "--db", db, "--kind", "gp", "--out", path("nearest-\(launched).csv"), "-q"],
            ][launched % 3]
            running.append(
                (launched % 3, launched, try BackgroundCommand(arguments, logs: folder), writer.process.isRunning))
            launched += 1
        }
        func check(_ reader: (kind: Int, index: Int, command: BackgroundCommand, duringWrite: Bool)) throws {
            let result = try reader.command.wait()
            // Finished while the import still runs: the reader did not wait for its commit.
            if writer.process.isRunning { finishedDuringWrite[reader.kind] += 1 }
            if reader.kind == 2, result.status == 74 {
                // Only when the import outlasts the 30 s busy timeout (seen under ThreadSanitizer):
                // `access` then gives up on storing its run, with a message that says why.
                #expect(result.stderr.contains("is busy: another process has been writing"), "\(result.stderr)")
                return
            }
            #expect(result.status == 0, "reader \(reader.index): \(result.stderr)")
            switch reader.kind {
            case 0:
                let seen = try infoWithoutTravelTimes(result.stdout)
                #expect(seen.rest == info.rest, "reader \(reader.index)")
                #expect(
                    seen.travelTimes == 0 || seen.travelTimes == zones * zones,
                    "reader \(reader.index): \(seen.travelTimes ?? -1) travel times")
            case 1:
                #expect(try String(contentsOfFile: path("zones-\(reader.index).csv"), encoding: .utf8) == zonesAlone)
            default:
                #expect(
                    try String(contentsOfFile: path("nearest-\(reader.index).csv"), encoding: .utf8) == nearestAlone)
            }
            if reader.duringWrite { readersDuringWrite += 1 }
        }
        repeat {
            while running.count < 3 { try launch() }
            // Whichever reader is done first, so that a waiting `access` does not hold the others up.
            if let done = running.firstIndex(where: { !$0.command.process.isRunning }) {
                try check(running.remove(at: done))
            } else {
                Thread.sleep(forTimeInterval: 0.005)
            }
        } while writer.process.isRunning || launched < 6
        for reader in running { try check(reader) }
        let written = try writer.wait()
        let writeSeconds = Date().timeIntervalSince(writeStart)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(try SQLiteShell.integrity(db) == "ok")
        #expect(try SQLiteShell.column(db, "SELECT sum(pairs) FROM travel_row;") == ["\(zones * zones)"])
        #expect(readersDuringWrite >= 3)
        #expect(finishedDuringWrite[0] + finishedDuringWrite[1] >= 1)
        print(
            "Concurrent readers: \(readersDuringWrite) of \(launched) reader processes (3 at a time) started while the import wrote, finished before its commit: info \(finishedDuringWrite[0]), export \(finishedDuringWrite[1]), access \(finishedDuringWrite[2]) (import: \(String(format: "%.1f", writeSeconds)) s)"
        )
    }

    @Test func twoImportsIntoOneDatabaseBothLandWhole() throws {
        let zones = 300
        let db = try territory(zones: zones)
        let first = try matrix(zones: zones, named: "first.csv")
        let second = try matrix(zones: zones - 50, named: "second.csv")
        let writers = try [
            BackgroundCommand(
                ["import", "matrix", first, "--db", db, "--directed", "--name", "first", "--quiet"], logs: folder),
            BackgroundCommand(
                ["import", "matrix", second, "--db", db, "--directed", "--name", "second", "--quiet"], logs: folder),
        ]
        let results = try writers.map { try $0.wait() }
        // The busy timeout (30 s) makes the second writer wait for the first one's commit.
        for result in results { #expect(result.status == 0, "\(result.stderr)") }
        #expect(try SQLiteShell.integrity(db) == "ok")
        #expect(
            try SQLiteShell.column(
                db,
                """
                SELECT m.name || '=' || coalesce(sum(r.pairs), 0) FROM travel_matrix m LEFT JOIN travel_row r ON r.matrix_id = m.id
                GROUP BY m.name ORDER BY m.name;
                """) == ["first=\(zones * zones)", "second=\((zones - 50) * (zones - 50))"])
    }
}
