import Foundation
import MaillageTestSupport
import Testing

/// `merge` keeps one file open per shard: under a low open-file limit it raises its soft limit
/// to the hard one, and when even that is too low it stops before reading, saying what to do.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/prlimit"), "needs prlimit (util-linux)"))
struct MergeOpenFileLimitTests {
    static let prlimit = "/usr/bin/prlimit"
    let folder = try! TemporaryFolder()

    /// A comparison of two accessibility-only scenarios: 2 jobs (replication 0 of each), cheap to shard.
    func prepare() throws -> [String] {
        let pair = try CoverageScenarioPair(in: folder, zones: 3, population: 3000, seed: 3)
        return [pair.base, pair.same]
    }

    /// `count` shards in `name`: shares 1 and 2 hold the two jobs, share 3 none. Shares 4… are
    /// share 3's file with its index changed (what compare writes for an empty share but the
    /// index), to spare tens of processes.
    func shards(_ scenarios: [String], count: Int, into name: String) throws {
        for index in 1...3 {
            let run = try CommandLineTests.run(
                scenarios + ["--shard", "\(index)/\(count)", "--out", folder.path(name), "-q"], prefix: "compare")
            #expect(run.status == 0, "\(run.stderr)")
        }
        let empty = try String(contentsOfFile: folder.path("\(name)/shard-3-of-\(count).json"), encoding: .utf8)
        #expect(empty.split(separator: "\n").count == 1 && empty.contains("\"index\":3"))
        for index in 4...count {
            try folder.write(
                "\(name)/shard-\(index)-of-\(count).json",
                empty.replacingOccurrences(of: "\"index\":3", with: "\"index\":\(index)"))
        }
    }

    func merge(limit: String, _ arguments: [String]) throws -> CommandLineTests.Result {
        try CommandLineTests.run(
            executable: URL(fileURLWithPath: Self.prlimit),
            ["--nofile=\(limit)", CommandLineTests.binary.path, "merge"] + arguments)
    }

    @Test func moreShardsThanTheHardLimitAreRefusedBeforeReadingWithWhatToDo() throws {
        let scenarios = try prepare()
        try shards(scenarios, count: 70, into: "shards")
        let refused = try merge(limit: "64:64", [folder.path("shards"), "--out", folder.path("out")])
        // 74 (EX_IOERR): the files could not all be opened; the data itself is sound.
        #expect(refused.status == 74, "\(refused.stderr)")
        #expect(
            refused.stderr.contains("70 shards need about 86 open files") && refused.stderr.contains("may open 64")
                && refused.stderr.contains("hard limit 64"), "\(refused.stderr)")
        #expect(refused.stderr.contains("ulimit -n") && refused.stderr.contains("fewer shards"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("out")))
    }

    @Test func aSoftLimitBelowTheShardsIsRaisedToTheHardOne() throws {
        let scenarios = try prepare()
        let single = try CommandLineTests.run(
            scenarios + ["--out", folder.path("single"), "--json", "-q"], prefix: "compare")
        #expect(single.status == 0, "\(single.stderr)")
        try shards(scenarios, count: 40, into: "shards")
        // 40 shards and the reserve of 16 other files (OpenFileLimit) need 56 > 32: refused when the hard limit is 32 too…
        let low = try merge(limit: "32:32", [folder.path("shards"), "--out", folder.path("low")])
        #expect(low.status == 74 && low.stderr.contains("40 shards"), "\(low.stderr)")
        // …merged when the process may raise its soft limit to the hard 4096.
        let merged = try merge(
            limit: "32:4096", [folder.path("shards"), "--out", folder.path("merged"), "--json", "-v"])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stderr.contains("open-file limit raised from 32 to 4096 for 40 shards"), "\(merged.stderr)")
        #expect(merged.stdout == single.stdout)
    }
}
