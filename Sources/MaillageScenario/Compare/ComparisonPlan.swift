import Foundation
import MaillageCore

/// What a comparison runs: the scenarios (baseline first), each replication of each, with the
/// baseline's seed for all so that replication r draws the same numbers everywhere.
public struct ComparisonPlan: Sendable {
    /// The scenarios compared, the baseline first.
    public var scenarios: [Scenario]
    /// Replications of each simulated scenario.
    public var replications: Int
    /// The baseline's seed, used by every scenario.
    public var seed: UInt64
    /// Every job in a fixed order: replication by replication, scenario by scenario within
    /// one (the baseline first). A scenario without simulation has one job, in replication 0
    /// (its accessibility is deterministic). This order lets a comparison fold replication r
    /// of every scenario as soon as it is done, pairing it with the baseline's, so memory
    /// does not grow with the number of replications.
    public var jobs: [ComparisonJob]

    /// A plan comparing the alternatives in `scenarios` with the first, the baseline.
    ///
    /// - Parameters:
    ///   - scenarios: the baseline, then each alternative.
    ///   - replications: overrides the baseline's `replications` for every scenario.
    /// - Throws: ``ScenarioError`` for fewer than two scenarios, two of the same name, or
    ///   replications outside 1...10,000.
    public init(scenarios: [Scenario], replications: Int? = nil) throws {
        guard let baseline = scenarios.first, scenarios.count >= 2 else {
            throw ScenarioError(
                file: scenarios.first?.file ?? "compare",
                reason: "a comparison needs a baseline and at least one alternative")
        }
        var names = Set<String>()
        for scenario in scenarios where !names.insert(scenario.name).inserted {
            throw ScenarioError(
                file: scenario.file, key: "name",
                reason: "two scenarios are named '\(scenario.name)'; give each a distinct name")
        }
        let count = replications ?? baseline.replications
        guard (1...10_000).contains(count) else {
            throw ScenarioError(file: baseline.file, key: "replications", reason: "\(count) is outside 1...10000")
        }
        let aligned = scenarios.map { scenario in
            var copy = scenario
            copy.seed = baseline.seed
            copy.replications = count
            return copy
        }
        self.replications = count
        seed = baseline.seed
        self.scenarios = aligned
        jobs = (0..<count).flatMap { replication in
            aligned.indices.filter { replication == 0 || aligned[$0].simulation.enabled }
                .map { ComparisonJob(scenario: $0, replication: replication) }
        }
    }

    /// The jobs of one shard, in plan order.
    public func jobs(in shard: ComparisonShard?) -> [ComparisonJob] {
        guard let shard else { return jobs }
        return jobs.enumerated().filter { shard.contains(position: $0.offset) }.map(\.element)
    }

    /// The digest of what the scenario files point to (their territories' content, their
    /// parameter files), set by whoever loads them (``inputsDigest(territory:)``); part of
    /// the fingerprint, so that shards computed on different states of a territory do not merge.
    public var inputsDigest = ""

    /// Identifies the plan: scenario names and contents, their inputs' content, seed and
    /// replications. Shards of one comparison share it; a merge refuses shards that do not.
    public var fingerprint: String {
        var fingerprint = Fingerprint()
        if !inputsDigest.isEmpty { fingerprint.mix(inputsDigest) }
        for scenario in scenarios {
            fingerprint.mix(scenario.name)
            fingerprint.mix(scenario.contentHash)
        }
        fingerprint.mix(String(seed))
        fingerprint.mix(String(replications))
        return fingerprint.hex
    }

    /// The digest of every scenario's territory content and parameter file bytes, in scenario order.
    public func inputsDigest(territory: (Scenario) throws -> Territory) throws -> String {
        var fingerprint = Fingerprint()
        for scenario in scenarios {
            fingerprint.mix(try territory(scenario).contentFingerprint())
            if let parameters = scenario.parametersPath {
                let bytes = FileManager.default.contents(atPath: parameters) ?? Data()
                fingerprint.mix(String(decoding: bytes, as: UTF8.self))
            }
        }
        return fingerprint.hex
    }
}
