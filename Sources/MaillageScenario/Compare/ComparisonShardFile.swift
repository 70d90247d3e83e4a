import Foundation
import MaillageCore

/// Shard files: what `compare --shard I/N` writes (``ComparisonShardWriter``) and `merge`
/// puts back together (``merge(_:territory:)``), one job at a time.
public enum ComparisonShardFile {
    /// Puts shards back together as streams: checks that they belong to one comparison and
    /// that every share is there once, reads the plan again from the scenario files (which
    /// must not have changed), then folds the jobs in plan order. Shard k holds the jobs at
    /// positions k − 1, k − 1 + N, … (round robin), so the next job always comes from a known
    /// shard and only one job per shard is read at a time, whatever the order of `paths`.
    /// - Parameters:
    ///   - paths: the shard files, in any order.
    ///   - territory: loads a scenario's territory, whose content must be what the shards were computed on.
    public static func merge(_ paths: [String], territory: ((Scenario) throws -> Territory)? = nil) throws
        -> ScenarioComparisonResult
    {
        let readers = try paths.map { try ComparisonShardReader(path: $0) }
        guard let first = readers.first else { throw ScenarioError(file: "merge", reason: "give at least one shard") }
        for reader in readers
        where reader.header.planFingerprint != first.header.planFingerprint || reader.header.files != first.header.files
        {
            throw ScenarioError(
                file: reader.path,
                reason:
                    "belongs to another comparison than \(first.path) (other scenario files, territory content, seed or replications)"
            )
        }
        let counts = Set(readers.map(\.header.shard.count))
        guard counts.count == 1, let count = counts.first else {
            throw ScenarioError(
                file: "merge",
                reason:
                    "the shards were cut in different numbers of shares (\(counts.sorted().map(String.init).joined(separator: ", ")))"
            )
        }
        var byIndex: [Int: ComparisonShardReader] = [:]
        for reader in readers where byIndex.updateValue(reader, forKey: reader.header.shard.index) != nil {
            throw ScenarioError(
                file: "merge", reason: "a shard was given twice (\(reader.header.shard) in \(reader.path))")
        }
        let absent = ComparisonShard.missing(of: count) { byIndex[$0] != nil }
        guard absent.isEmpty else {
            let listed =
                absent.map { "\($0)/\(count)" }.joined(separator: ", ") + (absent.count < 10 ? "" : ", …")
            throw ScenarioError(file: "merge", reason: "shard \(listed) missing: merge all \(count) shards")
        }
        let scenarios = try ScenarioLoader.loadComparison(first.header.files)
        var plan = try ComparisonPlan(scenarios: scenarios, replications: first.header.replications)
        if let territory { plan.inputsDigest = try plan.inputsDigest(territory: territory) }
        guard plan.fingerprint == first.header.planFingerprint else {
            throw ScenarioError(
                file: first.header.files[0],
                reason:
                    "the scenario files, their territories or their parameter files changed since the shards were computed; run the comparison again"
            )
        }
        var accumulator = ComparisonAccumulator(plan: plan)
        for (position, job) in plan.jobs.enumerated() {
            let index = ComparisonShard.index(ofPosition: position, count: count)
            guard let reader = byIndex[index] else { continue }
            guard let result = try reader.next() else {
                throw ScenarioError(
                    file: reader.path,
                    reason:
                        "ends after \(reader.read) of its \(reader.header.jobs) jobs (an interrupted copy?); run this shard again"
                )
            }
            guard result.job == job else {
                throw ScenarioError(
                    file: reader.path, reason: "holds \(result.job) where \(job) was expected; run this shard again")
            }
            try accumulator.add(result)
        }
        for reader in readers where try reader.next() != nil {
            throw ScenarioError(
                file: reader.path, reason: "holds more jobs than its share of the comparison; run this shard again")
        }
        return try accumulator.result()
    }
}
