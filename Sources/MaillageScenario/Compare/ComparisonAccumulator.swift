/// Folds a comparison's job results, in plan order, into each scenario's outcome and each
/// alternative's paired differences, without keeping past replications' zone values.
///
/// The plan lists jobs replication by replication, the baseline first (``ComparisonPlan/jobs``):
/// replication r of an alternative is paired with the baseline's replication r as soon as it
/// arrives, and the baseline's values are dropped when its next replication comes. What is
/// kept grows with zones × indicators, not with replications; only the territory-wide values
/// (one number per indicator and replication, for replications.csv) are all kept. Means and
/// variances use Welford's one-pass update. Folding in plan order is what makes a comparison
/// the same bits whatever the thread count, and whatever the order shards are given to merge.
package struct ComparisonAccumulator: Sendable {
    /// The plan whose jobs are folded.
    package let plan: ComparisonPlan
    /// How many of the plan's jobs have been folded (the position of the next one).
    package private(set) var folded = 0
    private var scenarios: [ScenarioFold]
    /// One per alternative, made when its replication 0 is folded.
    private var pairings: [AlternativePairing?]
    /// The baseline's values in the replication being folded.
    private var baseline: (replication: Int, values: [SeriesValues?])?

    /// An accumulator that has folded nothing yet.
    package init(plan: ComparisonPlan) {
        self.plan = plan
        scenarios = plan.scenarios.map { ScenarioFold(name: $0.name, file: $0.file) }
        pairings = Array(repeating: nil, count: max(0, plan.scenarios.count - 1))
    }

    /// Folds the next job of the plan.
    ///
    /// - Throws: ``ScenarioError`` when `result` is not the job expected next, or its values are inconsistent.
    package mutating func add(_ result: JobResult) throws {
        guard folded < plan.jobs.count else {
            throw ScenarioError(file: "compare", reason: "\(result.job) comes after the last job of the comparison")
        }
        let job = plan.jobs[folded]
        guard result.job == job else {
            throw ScenarioError(
                file: "compare", reason: "\(result.job) came where \(job) was expected (jobs are folded in plan order)")
        }
        let values = try scenarios[job.scenario].fold(result)
        if job.scenario == 0 {
            baseline = (job.replication, values)
        } else {
            let alternative = job.scenario - 1
            if job.replication == 0 {
                pairings[alternative] = AlternativePairing(baseline: scenarios[0], alternative: scenarios[job.scenario])
            }
            if let baseline, baseline.replication == job.replication {
                pairings[alternative]?.pair(baseline: baseline.values, alternative: values)
            }
        }
        folded += 1
    }

    /// The comparison, once every job is folded.
    ///
    /// - Throws: ``ScenarioError`` when jobs are missing.
    package func result() throws -> ScenarioComparisonResult {
        guard folded == plan.jobs.count else {
            let missing = plan.jobs.count - folded
            throw ScenarioError(
                file: "compare",
                reason:
                    "\(missing) of \(plan.jobs.count) jobs are missing (from \(plan.jobs[folded])): merge every shard")
        }
        let outcomes = scenarios.map(\.outcome)
        let comparisons = pairings.enumerated().compactMap { index, pairing in
            pairing?.comparison(baseline: scenarios[0].name, alternative: scenarios[index + 1].name)
        }
        return ScenarioComparisonResult(plan: plan, outcomes: outcomes, comparisons: comparisons)
    }
}
