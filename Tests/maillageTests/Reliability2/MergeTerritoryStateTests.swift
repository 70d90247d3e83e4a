import Foundation
import MaillageTestSupport
import Testing

/// Issue 20: shards computed on different states of a territory must not merge into one
/// comparison (they used to: the plan fingerprint held only the scenario files' text).
@Suite struct MergeTerritoryStateTests {
    let folder: URL
    /// Holds `folder`, removed with the suite instance after each test.
    let scratch: TemporaryFolder

    init() throws {
        scratch = try TemporaryFolder(prefix: "maillage-merge-state")
        folder = scratch.url
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func mustRun(_ arguments: [String]) throws {
        let result = try CommandLineTests.run(arguments)
        try #require(result.status == 0, "\(arguments): \(result.stderr)")
    }

    @Test func shardsOfDifferentTerritoryStatesAreRefused() throws {
        let db = path("t.db")
        try mustRun(["generate", "--zones", "10", "--population", "10000", "--seed", "1", "--out", db, "-q"])
        let indicators = "indicators:\n  - {method: nearest, kind: gp}\nsimulation: {enabled: false}\n"
        try Data("territory: t.db\nname: base\n\(indicators)".utf8).write(to: URL(fileURLWithPath: path("base.yaml")))
        try Data("territory: t.db\nname: alt\n\(indicators)changes:\n  - close: gp-000001\n".utf8).write(
            to: URL(fileURLWithPath: path("alt.yaml")))
        let files = [path("base.yaml"), path("alt.yaml")]
        try mustRun(["compare"] + files + ["--shard", "1/2", "--out", path("shards"), "-q"])
        // The territory changes between the two shares.
        try Data("id,population\nZ00001,5000\n".utf8).write(to: URL(fileURLWithPath: path("pop.csv")))
        try mustRun(["import", "population", path("pop.csv"), "--db", db, "-q"])
        try mustRun(["compare"] + files + ["--shard", "2/2", "--out", path("shards"), "-q"])
        let merged = try CommandLineTests.run(["merge", path("shards"), "--out", path("merged")])
        #expect(merged.status == 65, "\(merged.stderr)")
        #expect(merged.stderr.contains("territory content"), "\(merged.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path("merged/comparison.csv")))
        // Both shares of one state merge; after the territory changes again, they no longer do.
        try mustRun(["compare"] + files + ["--shard", "1/2", "--out", path("shards"), "-q"])
        try mustRun(["merge", path("shards"), "--out", path("merged"), "-q"])
        try Data("id,population\nZ00001,6000\n".utf8).write(to: URL(fileURLWithPath: path("pop.csv")))
        try mustRun(["import", "population", path("pop.csv"), "--db", db, "-q"])
        let stale = try CommandLineTests.run(["merge", path("shards"), "--out", path("merged2")])
        #expect(stale.status == 65, "\(stale.stderr)")
        #expect(stale.stderr.contains("territories"), "\(stale.stderr)")
    }
}
