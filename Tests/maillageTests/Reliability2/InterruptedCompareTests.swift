import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
    import MaillageTestSupport
#endif

extension Duration {
    /// The duration in seconds, as a `Double`.
    fileprivate var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}

/// Issue 20: SIGINT during `compare` into a folder of earlier results used to leave new and
/// old files mixed and a hidden temporary, and exit 130 without a word. Now the folder holds
/// either the earlier results or the new ones, whole, and the command says which.
@Suite struct InterruptedCompareTests {
    let folder: URL
    /// Holds `folder`, removed with the suite instance after each test.
    let scratch: TemporaryFolder

    init() throws {
        scratch = try TemporaryFolder(prefix: "maillage-sigint")
        folder = scratch.url
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Every file of a folder (hidden ones included) with its bytes.
    func contents(_ directory: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            result[name] = try Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent(name))
        }
        return result
    }

    /// The results without provenance.json (its time and command line differ from run to run).
    func results(_ files: [String: Data]) -> [String: Data] { files.filter { $0.key != "provenance.json" } }

    func scenario(_ name: String, replications: Int, extra: String = "") throws -> String {
        let text =
            "territory: t.db\nname: \(name)\ndays: 60\nreplications: \(replications)\nindicators:\n  - {method: nearest, kind: gp}\n\(extra)"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path("\(name).yaml")))
        return path("\(name).yaml")
    }

    @Test func anInterruptedCompareLeavesTheEarlierResultsOrTheNewOnesWhole() throws {
        let made = try CommandLineTests.run([
            "generate", "--zones", "300", "--population", "60000", "--seed", "2", "--out", path("t.db"), "-q",
        ])
        try #require(made.status == 0, "\(made.stderr)")
        let alternative = try scenario("alt", replications: 3, extra: "changes:\n  - close: gp-000001\n")
        // The earlier results: 3 replications; the interrupted runs compute 4.
        let old = try scenario("base", replications: 3)
        let out = path("out")
        #expect(try CommandLineTests.run(["compare", old, alternative, "--out", out, "-q"]).status == 0)
        let before = results(try contents(out))
        _ = try scenario("base", replications: 4)
        let clock = ContinuousClock()
        let start = clock.now
        let reference = path("reference")
        #expect(try CommandLineTests.run(["compare", old, alternative, "--out", reference, "-q"]).status == 0)
        // How long a compare takes now: re-measured by every run that finishes before its
        // interruption, since the machine's load (and so the run's length) changes during the test.
        var duration = (clock.now - start).seconds
        let after = results(try contents(reference))
        #expect(before != after)

        var interrupted = 0
        var finished = 0
        var foundBefore = 0
        var foundAfter = 0
        func interrupt(at fraction: Double) throws {
            let launched = clock.now
            let command = try BackgroundCommand(["compare", old, alternative, "--out", out, "-q"], logs: folder)
            Thread.sleep(forTimeInterval: duration * fraction)
            _ = Glibc.kill(command.process.processIdentifier, SIGINT)
            let result = try command.wait()
            let now = results(try contents(out))
            #expect(now == before || now == after, "at \(fraction): a mixture of \(now.keys.sorted())")
            #expect(!now.keys.contains { $0.hasPrefix(".") }, "leftover: \(now.keys.sorted())")
            if now == before { foundBefore += 1 } else if now == after { foundAfter += 1 }
            switch result.status {
            case 130:
                interrupted += 1
                #expect(
                    result.stderr.contains("interrupted, nothing written") && now == before
                        || result.stderr.contains("had already been written whole") && now == after, "\(result.stderr)")
            case 0:
                finished += 1
                if fraction < 1 { duration = (clock.now - launched).seconds }
            default: Issue.record("exit \(result.status): \(result.stderr)")
            }
            // The next round starts from the earlier results again.
            if now == after {
                _ = try scenario("base", replications: 3)
                #expect(try CommandLineTests.run(["compare", old, alternative, "--out", out, "-q"]).status == 0)
                _ = try scenario("base", replications: 4)
                #expect(results(try contents(out)) == before)
            }
        }
        // Interruptions spread over the run, then around its end (where the files are written).
        let fractions = (1...8).map { Double($0) / 10 } + [0.9, 0.95, 1.0, 1.02, 1.05, 1.1]
        for fraction in fractions { try interrupt(at: fraction) }
        // Runs the load sped up finished before their signal: more rounds at a third of the
        // re-measured length, so that the test always sees interrupted runs.
        var extra = 0
        while interrupted < 6 && extra < 12 {
            try interrupt(at: 0.3)
            extra += 1
        }
        print(
            "InterruptedCompareTests: \(fractions.count + extra) runs of about \(duration) s: \(interrupted) interrupted, \(finished) finished first; found earlier results \(foundBefore), new results \(foundAfter)"
        )
        #expect(interrupted >= 6)
    }
}
