import Foundation
import MaillageTestSupport
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
    /// Holds `folder`, removed with the suite instance after each test.
    let scratch: TemporaryFolder

    init() throws {
        scratch = try TemporaryFolder(prefix: "maillage-kill")
        folder = scratch.url
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
            if files.fileExists(atPath: source + suffix) {
                try files.copyItem(atPath: source + suffix, toPath: target + suffix)
            }
        }
    }

    /// Runs `arguments` (given the database path) to completion to learn how long it takes and what
    /// it leaves, then kills fresh copies of `before` at `points` delays spread evenly over that
    /// duration and a few more around its end.
    ///
    /// `digest` says what the database holds (the territory tables by default); `afterKill` gets
    /// the victim's path and whether it holds the "after" state, to check files the command
    /// writes beside the database; with `rerun`, running the command again on the last victim
    /// must reach the "after" state (true of an import, not of a command that adds a run).
    func killRepeatedly(
        before: String, points: Int, digest: (String) throws -> String = SQLiteShell.territoryDigest,
        afterKill: (String, Bool) throws -> Void = { _, _ in }, rerun: Bool = true, _ arguments: (String) -> [String]
    ) throws -> Tally {
        let after = path("after.db")
        // The shorter of two complete runs, so that on a machine whose load varies the kills still
        // land before the victim would have finished.
        var duration = TimeInterval.infinity
        for _ in 1...2 {
            try copyDatabase(before, to: after)
            let start = Date()
            let complete = try BackgroundCommand(arguments(after), logs: folder).wait()
            duration = min(duration, Date().timeIntervalSince(start))
            try #require(complete.status == 0, "the reference import failed: \(complete.stderr)")
        }
        let beforeDigest = try digest(before)
        let afterDigest = try digest(after)
        try #require(beforeDigest != afterDigest, "the import must change the territory for the test to mean anything")

        // Deterministic spread: the middle of each of `points` equal slices of the measured duration.
        // A victim that finishes before its kill shows the machine got faster (its load varies): the
        // estimate shrinks by 10 % and the same slice is tried again, so that `points` kills land
        // while the import runs. Then `aroundCommit` more from 90 % to 115 % of the first estimate,
        // where the commit and the exit fall, whatever they find.
        var tally = Tally()
        let victim = path("victim.db")
        let aroundCommit = 6
        let measured = duration
        var slice = 0
        var attempts = 0
        while slice < points + aroundCommit, attempts < 2 * points + aroundCommit {
            attempts += 1
            let delay =
                slice < points
                ? duration * (Double(slice) + 0.5) / Double(points)
                : measured * (0.9 + 0.05 * Double(slice - points))
            try copyDatabase(before, to: victim)
            let command = try BackgroundCommand(arguments(victim), logs: folder)
            Thread.sleep(forTimeInterval: delay)
            if command.kill() {
                tally.killedWhileRunning += 1
                slice += 1
            } else {
                tally.finishedFirst += 1
                if slice < points { duration *= 0.9 } else { slice += 1 }
            }
            #expect(try SQLiteShell.integrity(victim) == "ok", "kill at \(delay) s")
            let found = try digest(victim)
            if found == beforeDigest {
                tally.foundBefore += 1
            } else if found == afterDigest {
                tally.foundAfter += 1
            } else {
                Issue.record("kill at \(delay) s left a mixture")
            }
            try afterKill(victim, found == afterDigest)
        }
        print(
            "Interrupted write (\(arguments("DB").prefix(2).joined(separator: " ")), \(String(format: "%.2f", measured)) s): \(tally)"
        )
        guard rerun else { return tally }
        // The killed file still takes the import afterwards.
        let again = try CommandLineTests.run(arguments(victim))
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try digest(victim) == afterDigest)
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
        let tally = try killRepeatedly(before: before, points: 32) {
            ["import", "matrix", big, "--db", $0, "--name", "road", "--directed", "--quiet"]
        }
        #expect(tally.killedWhileRunning >= 32)
    }

    @Test func killedActorsImportLeavesTheActorsBeforeOrAfter() throws {
        let before = try territory(zones: 30)
        // 6,000 actors first; the killed import updates the last 3,000 of them and adds 9,000.
        func actors(_ range: ClosedRange<Int>, named name: String, fte: Double) throws -> String {
            let rows = range.map { index in
                let lat = 43 + Double(index % 97) / 100
                let lon = 1 + Double(index % 89) / 100
                return "A\(index),gp,Cabinet \(index) (\(name)),\(lat),\(lon),\(fte + Double(index % 5)),emergency;smur"
            }
            let file = path(name)
            try (["id,kind,name,lat,lon,capacity.fte,services"] + rows).joined(separator: "\n")
                .write(toFile: file, atomically: false, encoding: .utf8)
            return file
        }
        try mustRun("import", "actors", try actors(1...6_000, named: "first.csv", fte: 1), "--db", before, "--quiet")
        let second = try actors(3_001...15_000, named: "second.csv", fte: 2)
        let tally = try killRepeatedly(before: before, points: 22) {
            ["import", "actors", second, "--db", $0, "--quiet"]
        }
        #expect(tally.killedWhileRunning >= 22)
    }
}
