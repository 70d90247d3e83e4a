import Foundation
import MaillageCore
import MaillageSim

/// Runs a comparison's jobs (all of them, or a shard's) on this machine.
public enum ComparisonRunner {
    /// Runs `jobs` of `plan` on `threads` worker threads and hands each result to `consume`
    /// on the calling thread, in plan order, as soon as it and every earlier one are done.
    ///
    /// Workers run at most `window` jobs ahead of the last one consumed, so memory does not
    /// grow with the number of jobs. `territory` loads a scenario's base territory (called on
    /// the calling thread, once per scenario that has jobs).
    ///
    /// - Parameters:
    ///   - plan: the comparison the jobs belong to.
    ///   - jobs: the jobs to run, in plan order.
    ///   - threads: worker threads; the results do not depend on it.
    ///   - window: how many jobs the workers may run ahead of `consume`; max(8, 4 × threads) when nil.
    ///   - territory: loads a scenario's base territory.
    ///   - progress: called once per job done (from any thread).
    ///   - consume: receives each result, in plan order, on the calling thread.
    /// - Throws: the first error in plan order, from a job or from `consume`.
    public static func stream(
        _ plan: ComparisonPlan, jobs: [ComparisonJob], threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        window: Int? = nil, territory: (Scenario) throws -> Territory,
        progress: (@Sendable () -> Void)? = nil, consume: (JobResult) throws -> Void
    ) throws {
        let ordered = try planOrder(jobs, plan: plan)
        var runners: [Int: ScenarioJobRunner] = [:]
        for index in Set(ordered.map(\.scenario)).sorted() {
            let scenario = plan.scenarios[index]
            runners[index] = try ScenarioJobRunner(scenario, index: index, base: try territory(scenario))
        }
        let work: @Sendable (Int) throws -> JobResult = { [runners] position in
            let job = ordered[position]
            guard let runner = runners[job.scenario] else {
                throw ScenarioError(file: "compare", reason: "\(job) has no scenario")
            }
            return try runner.run(replication: job.replication)
        }
        let threads = max(1, min(threads, ordered.count))
        guard threads > 1 else {
            for position in ordered.indices {
                let result = try work(position)
                progress?()
                try consume(result)
            }
            return
        }
        let pipeline = JobPipeline(count: ordered.count, window: window ?? max(8, 4 * threads))
        let group = DispatchGroup()
        for _ in 0..<threads {
            group.enter()
            Thread {
                while let position = pipeline.next() {
                    pipeline.finish(position, Result { try work(position) })
                    progress?()
                }
                group.leave()
            }.start()
        }
        do {
            for position in ordered.indices { try consume(try pipeline.take(position)) }
        } catch {
            pipeline.stop()
            group.wait()
            throw error
        }
        group.wait()
    }

    /// Runs `jobs` and returns their results in plan order (a shard's, or a small comparison's:
    /// ``compare(_:threads:window:territory:progress:)`` folds them as they come instead).
    public static func run(
        _ plan: ComparisonPlan, jobs: [ComparisonJob], threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        territory: (Scenario) throws -> Territory,
        progress: (@Sendable () -> Void)? = nil
    ) throws -> [JobResult] {
        var results: [JobResult] = []
        try stream(plan, jobs: jobs, threads: threads, territory: territory, progress: progress) { results.append($0) }
        return results
    }

    /// Runs every job of `plan` and folds each into the comparison as it comes: memory does not
    /// grow with the number of replications.
    public static func compare(
        _ plan: ComparisonPlan, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        window: Int? = nil, territory: (Scenario) throws -> Territory,
        progress: (@Sendable () -> Void)? = nil
    ) throws -> ScenarioComparisonResult {
        var accumulator = ComparisonAccumulator(plan: plan)
        try stream(plan, jobs: plan.jobs, threads: threads, window: window, territory: territory, progress: progress) {
            try accumulator.add($0)
        }
        return try accumulator.result()
    }

    /// `jobs` in plan order, each once.
    private static func planOrder(_ jobs: [ComparisonJob], plan: ComparisonPlan) throws -> [ComparisonJob] {
        let planned = Set(plan.jobs)
        for job in jobs where !planned.contains(job) {
            throw ScenarioError(file: "compare", reason: "\(job) is not part of this comparison")
        }
        let wanted = Set(jobs)
        return plan.jobs.filter { wanted.contains($0) }
    }
}
