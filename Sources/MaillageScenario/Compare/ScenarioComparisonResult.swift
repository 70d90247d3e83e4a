/// A whole comparison put together from its jobs' results, wherever they ran.
///
/// The result depends only on the plan and on the jobs' values, never on the order they
/// arrive in or the machine they ran on: one machine and a merge of shards give the same.
public struct ScenarioComparisonResult: Sendable {
    /// The plan the result comes from.
    public var plan: ComparisonPlan
    /// One per scenario, in plan order (the baseline first).
    public var outcomes: [ScenarioOutcome]
    /// One per alternative, against the baseline.
    public var comparisons: [ScenarioComparison]

    init(plan: ComparisonPlan, outcomes: [ScenarioOutcome], comparisons: [ScenarioComparison]) {
        self.plan = plan
        self.outcomes = outcomes
        self.comparisons = comparisons
    }

    /// Folds results held in memory, in any order (`ComparisonAccumulator` folds them as they come).
    ///
    /// - Throws: ``ScenarioError`` when a job is missing, given twice, or not in the plan.
    public init(plan: ComparisonPlan, results: [JobResult]) throws {
        let byJob = try Self.index(results, plan: plan)
        var accumulator = ComparisonAccumulator(plan: plan)
        for job in plan.jobs {
            if let result = byJob[job] { try accumulator.add(result) }
        }
        self = try accumulator.result()
    }

    private static func index(_ results: [JobResult], plan: ComparisonPlan) throws -> [ComparisonJob: JobResult] {
        var byJob: [ComparisonJob: JobResult] = [:]
        let planned = Set(plan.jobs)
        for result in results {
            guard planned.contains(result.job) else {
                throw ScenarioError(file: "merge", reason: "a result for \(result.job) is not part of this comparison")
            }
            guard byJob.updateValue(result, forKey: result.job) == nil else {
                throw ScenarioError(
                    file: "merge", reason: "\(result.job) was given twice (the same shard merged twice?)")
            }
        }
        let missing = plan.jobs.filter { byJob[$0] == nil }
        guard missing.isEmpty else {
            let listed = missing.prefix(5).map(\.description).joined(separator: "; ")
            throw ScenarioError(
                file: "merge",
                reason:
                    "\(missing.count) of \(plan.jobs.count) jobs are missing (\(listed)\(missing.count > 5 ? "; …" : "")): merge every shard"
            )
        }
        return byJob
    }
}
