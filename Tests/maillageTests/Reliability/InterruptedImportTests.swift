import Foundation
import Testing

/// SIGKILL during an import, at many points spread over its duration: the file must stay sound
/// (`PRAGMA integrity_check` = ok) and hold exactly the territory before or the territory after.
///
/// A mixture would show as a third digest: `sqlite3`'s `.sha3sum` of the territory tables is
/// compared with those of two references, the untouched file and a file the same import finished.
@Suite(.serialized) struct InterruptedImportTests {
    /// What the kill points found, printed so that RELIABILITY.md can quote it.
    struct Tally: CustomStringConvertible {
        var killedWhileRunning = 0
        var finishedFirst = 0
        var foundBefore = 0
        var foundAfter = 0
        var description: String {
            "\(killedWhileRunning) killed while running, \(finishedFirst) finished first; \(foundBefore) before, \(foundAfter) after"
        }
    }

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("maillage-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func mustRun(_ arguments: String...) throws {
        let result = try CommandLineTests.run(arguments)
        try #require(result.status == 0, "\(arguments): \(result.stderr)")
    }

    /// Copies a closed database (and any WAL beside it) over `target`, removing the target's leftovers.
    func copyDatabase(_ source: String, to target: String) throws {
        let files = FileManager.default
        for suffix in ["", "-wal", "-shm"] {
            if files.fileExists(atPath: target + suffix) { try files.removeItem(atPath: target + suffix) }
            if files.fileExists(atPath: source + suffix) { try files.copyItem(atPath: source + suffix, toPath: target + suffix) }
        }
    }

    /// Runs `arguments` (with the database path last-substituted) to completion once to learn how long
    /// it takes and what it leaves, then kills fresh copies of `before` at `points` delays spread
    /// evenly over that duration.
    func killRepeatedly(before: String, points: Int, _ arguments: (String) -> [String]) throws -> Tally {
        let after = path("after.db")
        try copyDatabase(before, to: after)
        let start = Date()
        let complete = try BackgroundCommand(arguments(after), logs: folder).wait()
        let duration = Date().timeIntervalSince(start)
        try #require(complete.status == 0, "the reference import failed: \(complete.stderr)")
        let beforeDigest = try SQLiteShell.territoryDigest(before)
        let afterDigest = try SQLiteShell.territoryDigest(after)
        try #require(beforeDigest != afterDigest, "the import must change the territory for the test to mean anything")

        var tally = Tally()
        let victim = path("victim.db")
        for point in 0..<points {
            try copyDatabase(before, to: victim)
            let command = try BackgroundCommand(arguments(victim), logs: folder)
            // Deterministic spread: the middle of each of `points` equal slices of the measured duration.
            Thread.sleep(forTimeInterval: duration * (Double(point) + 0.5) / Double(points))
            if command.kill() { tally.killedWhileRunning += 1 } else { tally.finishedFirst += 1 }
            #expect(try SQLiteShell.integrity(victim) == "ok", "kill point \(point)")
            let digest = try SQLiteShell.territoryDigest(victim)
            if digest == beforeDigest {
                tally.foundBefore += 1
            } else if digest == afterDigest {
                tally.foundAfter += 1
            } else {
                Issue.record("kill point \(point) at \(duration * (Double(point) + 0.5) / Double(points)) s left a mixture")
            }
        }
        // The killed file still takes the import afterwards.
        let again = try CommandLineTests.run(arguments(victim))
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try SQLiteShell.territoryDigest(victim) == afterDigest)
        print("Interrupted import (\(arguments("DB").prefix(2).joined(separator: " ")), \(String(format: "%.2f", duration)) s): \(tally)")
        return tally
    }

    /// A generated territory of `zones` zones, ids Z00001….
    func territory(zones: Int) throws -> String {
        let db = path("before.db")
        try mustRun("generate", "--zones", "\(zones)", "--population", "300000", "--seed", "8", "--out", db, "--quiet")
        return db
    }

    /// Every ordered pair of zones with a made-up time: `zones`² rows.
    func matrix(zones: Int, named name: String, offset: Int) throws -> String {
        var lines = ["origin_id,destination_id,minutes"]
        lines.reserveCapacity(zones * zones + 1)
        for origin in 1...zones {
            for destination in 1...zones {
                let minutes = Double((origin * 7 + destination * 13 + offset) % 240) / 4
                lines.append(String(format: "Z%05d,Z%05d,%.2f", origin, destination, minutes))
            }
        }
        let file = path(name)
        try lines.joined(separator: "\n").write(toFile: file, atomically: false, encoding: .utf8)
        return file
    }

    @Test func killedMatrixImportLeavesTheMatrixBeforeOrAfter() throws {
        // 480 zones: 230,400 directed pairs replace a smaller matrix of the same name.
        let zones = 480
        let before = try territory(zones: zones)
        let old = try matrix(zones: 40, named: "old.csv", offset: 1)
        try mustRun("import", "matrix", old, "--db", before, "--name", "road", "--directed", "--quiet")
        let big = try matrix(zones: zones, named: "big.csv", offset: 0)
        let tally = try killRepeatedly(before: before, points: 36) {
            ["import", "matrix", big, "--db", $0, "--name", "road", "--directed", "--quiet"]
        }
        #expect(tally.foundBefore + tally.foundAfter == 36)
        #expect(tally.killedWhileRunning >= 30)
    }

    @Test func killedActorsImportLeavesTheActorsBeforeOrAfter() throws {
        let before = try territory(zones: 30)
        // 6,000 actors first; the killed import updates the last 3,000 of them and adds 9,000.
        func actors(_ range: ClosedRange<Int>, named name: String, fte: Double) throws -> String {
            let rows = range.map { index in
                let lat = 43 + Double(index % 97) / 100, lon = 1 + Double(index % 89) / 100
                return "A\(index),gp,Cabinet \(index) (\(name)),\(lat),\(lon),\(fte + Double(index % 5)),emergency;smur"
            }
            let file = path(name)
            try (["id,kind,name,lat,lon,capacity.fte,services"] + rows).joined(separator: "\n")
                .write(toFile: file, atomically: false, encoding: .utf8)
            return file
        }
        try mustRun("import", "actors", try actors(1...6_000, named: "first.csv", fte: 1), "--db", before, "--quiet")
        let second = try actors(3_001...15_000, named: "second.csv", fte: 2)
        let tally = try killRepeatedly(before: before, points: 24) {
            ["import", "actors", second, "--db", $0, "--quiet"]
        }
        #expect(tally.foundBefore + tally.foundAfter == 24)
        #expect(tally.killedWhileRunning >= 20)
    }
}
