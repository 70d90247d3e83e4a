import Foundation
import MaillageCore
import MaillageIO
import MaillageScenario
import MaillageStore

/// A comparison of scenarios, from its files to its results folder: what `compare` and `merge` share.
///
/// The command line keeps only what belongs to a process: signals, and moving a staged folder
/// into place. Everything a comparison reads, computes and writes is here.
public final class ComparisonRun {
    /// The plan: scenarios, replications, seed, jobs (with the territories' digest).
    public private(set) var plan: ComparisonPlan
    /// The jobs this process runs: all of them, or a shard's share.
    public let jobs: [ComparisonJob]
    /// The share of the jobs asked for, if any.
    public let shard: ComparisonShard?
    private var territories: [String: Territory] = [:]

    /// Loads the scenario files and plans the jobs, after checking that no file written into
    /// `out` is one the comparison reads (alternatives' names become file names: refused now, not after the work).
    public init(files: [String], replications: Int?, shard: ComparisonShard?, out: String) throws {
        plan = try ComparisonPlan(scenarios: try ScenarioLoader.loadComparison(files), replications: replications)
        self.shard = shard
        let written = try ComparisonFiles.fileNames(plan.scenarios) + (shard.map { [Self.shardFileName($0)] } ?? [])
        try OutputGuard.check(
            outputs: written.map { URL(fileURLWithPath: out).appendingPathComponent($0).path },
            role: "output folder", against: Self.inputs(plan.scenarios))
        jobs = plan.jobs(in: shard)
        // Shards carry the territories' content in their fingerprint: a merge refuses shards of another state.
        plan.inputsDigest = try plan.inputsDigest(territory: territory)
    }

    /// A scenario's base territory, each database read once (scenarios usually share one).
    public func territory(_ scenario: Scenario) throws -> Territory {
        if let known = territories[scenario.territoryPath] { return known }
        let loaded = try Self.loadTerritory(scenario)
        territories[scenario.territoryPath] = loaded
        return loaded
    }

    /// Runs every job, each replication folded into running means and variances as it comes.
    ///
    /// - Parameter threads: jobs run at once; the result is the same whatever the number.
    /// - Parameter progress: called once per job done (from any thread).
    public func compare(threads: Int, progress: (@Sendable () -> Void)? = nil) throws -> ScenarioComparisonResult {
        try ComparisonRunner.compare(plan, threads: threads, territory: territory, progress: progress)
    }

    /// The zones of the baseline's territory, for the GeoJSON of differences.
    public func baselineZones() throws -> [Zone] { try territory(plan.scenarios[0]).zones }

    /// The file a shard writes into `out`: `shard-I-of-N.json`.
    public static func shardFileName(_ shard: ComparisonShard) -> String {
        "shard-\(shard.index)-of-\(shard.count).json"
    }

    /// Writes a comparison's files and its provenance into `folder` (a staging folder, for the command line).
    public static func write(_ result: ScenarioComparisonResult, zones: [Zone], to folder: String) throws {
        try ComparisonFiles.write(result, zones: zones, to: folder)
        try RunJSON.write(
            ScenarioFiles.comparisonProvenance(result.plan),
            to: URL(fileURLWithPath: folder).appendingPathComponent("provenance.json").path)
    }

    /// Every file a comparison reads (territories, scenario and parameter files): none may be overwritten.
    public static func inputs(_ scenarios: [Scenario]) -> [OutputGuard.Input] {
        scenarios.flatMap(\.inputs)
    }

    /// A scenario's base territory, read from its database.
    public static func loadTerritory(_ scenario: Scenario) throws -> Territory {
        do {
            return try TerritoryDatabase.open(at: scenario.territoryPath).loadTerritory()
        } catch StoreError.notFound {
            // Named by the scenario file: the message points at its `territory` key.
            let reason = "\(scenario.territoryPath) does not exist"
            throw ScenarioError(file: scenario.file, key: "territory", reason: reason, isMissingInput: true)
        }
    }
}
