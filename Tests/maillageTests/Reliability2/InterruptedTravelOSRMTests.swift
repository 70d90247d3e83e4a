import Foundation
import MaillageTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 13: Ctrl-C during `travel osrm` stops the OSRM programs the run started, leaves the
/// stored matrix as it was (or whole and new, when the interrupt came after the commit), and
/// leaves no half-prepared graph in the cache, whichever step it falls on.
@Suite(.serialized, .enabled(if: OSRMBinaries.shouldRun, OSRMBinaries.skipMessage))
struct InterruptedTravelOSRMTests {
    typealias CLI = CommandLineTests

    let folder: TemporaryFolder

    init() throws { folder = try TemporaryFolder() }

    /// The stored matrix as `export matrix` writes it (empty when there is none).
    func exported(_ db: String) throws -> String {
        let out = folder.path("export-\(UUID().uuidString).csv")
        let result = try CLI.run("export", "matrix", "--db", db, "--out", out, "--matrix", "osrm_car")
        guard result.status == 0 else { return "" }
        return try String(contentsOfFile: out, encoding: .utf8)
    }

    @Test func anInterruptedRunStopsOSRMAndKeepsTheStoredMatrixWhole() throws {
        let db = folder.path("monaco.db")
        #expect(try CLI.run("init", db).status == 0)
        let zones = try folder.write("zones.csv", TravelOSRMCommandTests.monacoZones)
        let actors = try folder.write("actors.csv", TravelOSRMCommandTests.monacoActors)
        #expect(try CLI.run("import", "zones", zones, "--db", db).status == 0)
        #expect(try CLI.run("import", "actors", actors, "--db", db).status == 0)
        let pbf = try SharedData.path("osm/monaco.osm.pbf")
        func arguments(cache: String, limit: String) -> [String] {
            [
                "travel", "osrm", "--db", db, "--pbf", pbf, "--osrm-bin", OSRMBinaries.folder.path,
                "--cache-dir", cache, "--limit", limit, "-q",
            ]
        }

        // The earlier matrix (every pair), and the one an uninterrupted run would store instead.
        let first = try CLI.run(arguments(cache: folder.path("cache-first"), limit: "60"))
        try #require(first.status == 0, "\(first.stderr)")
        let before = try exported(db)
        let clock = ContinuousClock()
        let start = clock.now
        let timed = try CLI.run(arguments(cache: folder.path("cache-timed"), limit: "2.5"))
        let duration = clock.now - start
        try #require(timed.status == 0, "\(timed.stderr)")
        let after = try exported(db)
        #expect(before != after && !after.isEmpty)
        #expect(try CLI.run(arguments(cache: folder.path("cache-first"), limit: "60")).status == 0)
        #expect(try exported(db) == before)

        var interrupted = 0
        var finished = 0
        // Re-measured by every run that finishes before its interruption: the machine's load,
        // and so the command's length, changes while the test runs.
        var seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        func interrupt(round: Int, at fraction: Double) throws {
            let cache = folder.path("cache-\(round)")
            let launched = clock.now
            let command = try BackgroundCommand(arguments(cache: cache, limit: "2.5"), logs: folder.url)
            Thread.sleep(forTimeInterval: seconds * fraction)
            _ = Glibc.kill(command.process.processIdentifier, SIGINT)
            let result = try command.wait()
            let now = try exported(db)
            #expect(
                now == before || now == after, "at \(fraction): the stored matrix is neither the old nor the new one")
            // No OSRM program outlives the command (give a stopping server a moment to go).
            var alive = LiveProcesses.mentioning(cache)
            for _ in 0..<50 where !alive.isEmpty {
                Thread.sleep(forTimeInterval: 0.1)
                alive = LiveProcesses.mentioning(cache)
            }
            #expect(alive.isEmpty, "at \(fraction): OSRM processes left running: \(alive)")
            // The cache holds a complete graph or nothing: no half-built folder.
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []
            #expect(!entries.contains { $0.contains(".building-") }, "at \(fraction): \(entries)")
            for entry in entries {
                #expect(
                    FileManager.default.fileExists(atPath: "\(cache)/\(entry)/complete"), "at \(fraction): \(entry)")
            }
            switch result.status {
            case 130:
                interrupted += 1
                #expect(now == before, "at \(fraction): interrupted, yet the matrix changed")
                #expect(result.stderr.contains("interrupted, nothing written"), "at \(fraction): \(result.stderr)")
            case 0:
                finished += 1
                #expect(now == after)
                if fraction < 1 {
                    let elapsed = clock.now - launched
                    seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
                }
            default: Issue.record("at \(fraction): exit \(result.status): \(result.stderr)")
            }
            if now == after {
                #expect(try CLI.run(arguments(cache: folder.path("cache-first"), limit: "60")).status == 0)
            }
        }
        // Each run prepares its graph in an empty cache, so the interrupts fall on every step:
        // extract, partition, customize, the server's start, the requests, the commit.
        let fractions = [0.05, 0.1, 0.2, 0.3, 0.45, 0.6, 0.75, 0.9, 1.1]
        for (round, fraction) in fractions.enumerated() { try interrupt(round: round, at: fraction) }
        // Runs the load sped up finished before their signal: more rounds at a third of the
        // re-measured length, so that the test always sees interrupted runs.
        var extra = 0
        while interrupted < 4 && extra < 8 {
            try interrupt(round: fractions.count + extra, at: 0.3)
            extra += 1
        }
        print(
            "InterruptedTravelOSRMTests: \(fractions.count + extra) runs of about \(seconds) s: \(interrupted) interrupted, \(finished) finished first"
        )
        // Timings vary with the machine's load: most interrupts must land while the command runs.
        #expect(interrupted >= 4)
    }
}
