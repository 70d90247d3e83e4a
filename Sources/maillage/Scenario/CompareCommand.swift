import ArgumentParser
import Foundation
import MaillageCore
import MaillageIO
import MaillageRuns
import MaillageScenario
import MaillageStore

/// `maillage compare BASE ALT…`: what each alternative changes, indicator by indicator.
struct CompareCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract:
            "Compare scenarios with the baseline: differences per zone and for the territory, with 95 % intervals.",
        discussion: """
            Every scenario runs its accessibility indicators and its simulation with the baseline's seed, replication \
            by replication (common random numbers); a difference's interval is a paired Student-t interval over the \
            replications, and per-zone differences also carry a Benjamini-Hochberg flag. Accessibility is \
            deterministic: its interval is the difference itself. An alternative's file may be a sweep (several scenarios). \
            The exit code says whether it ran, never whether a difference was found.

            Writes comparison.csv, comparison.json, replications.csv and <alternative>.geojson into --out. With \
            --shard I/N only the I-th share of the (scenario × replication) jobs runs and --out receives \
            shard-I-of-N.json (JSON Lines: a header, then one job per line); 'maillage merge' puts the shards \
            together into exactly what one machine writes. Replications are folded into running means and \
            variances as they finish, so memory does not grow with --replications.

            Examples:
              maillage compare base.yaml close-ed.yaml --out out/compare
              maillage compare base.yaml close-ed.yaml more-gps.yaml --replications 20 --json --out out/compare
              maillage compare base.yaml sweep.yaml --replications 1000 --shard 3/50 --out shards
            """
    )

    @Argument(help: "The baseline scenario file, then one or more alternatives.") var files: [String]
    @OptionGroup var execution: ScenarioRunOptions
    @Option(
        help: "Run only the I-th of N shares of the jobs (1-based, such as 2/8) and write a shard for 'maillage merge'."
    )
    var shard: String?
    @Flag(help: "Print comparison.json on stdout.") var json = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard files.count >= 2 else { throw ValidationError("give a baseline and at least one alternative scenario.") }
        if let shard, ComparisonShard(shard) == nil {
            throw ValidationError("--shard takes I/N with 1 ≤ I ≤ N, such as 2/8 (not '\(shard)').")
        }
    }

    func execute() throws {
        let interrupts = InterruptGuard()
        let clock = ContinuousClock()
        let started = clock.now
        let run = try ComparisonRun(
            files: files, replications: execution.replications, shard: shard.flatMap(ComparisonShard.init),
            out: execution.out)
        let (plan, jobs) = (run.plan, run.jobs)
        let progress = ProgressBar(estimatedTotal: jobs.count, unit: "jobs", global: global, minimum: 2)
        if let part = run.shard {
            // Each job goes to the file as soon as it and every earlier one are done: memory stays flat.
            let path = URL(fileURLWithPath: execution.out).appendingPathComponent(ComparisonRun.shardFileName(part))
                .path
            let writer = try ComparisonShardWriter(
                path: path, header: ComparisonShardHeader(files: files, plan: plan, shard: part))
            // Unlinked, not closed: the jobs may still be appending to it when the signal comes.
            let partial = writer.partial
            _ = interrupts.onInterrupt { unlink(partial) }
            do {
                try ComparisonRunner.stream(
                    plan, jobs: jobs, threads: execution.threads, territory: run.territory,
                    progress: { progress.step() }
                ) { try writer.append($0) }
                try interrupts.committing(path) { try writer.finish() }
            } catch {
                writer.discard()
                throw error
            }
            progress.finish()
            global.detail("\(jobs.count) job(s) of \(plan.jobs.count) in \(clock.now - started)")
            global.status("shard \(part): \(jobs.count) of \(plan.jobs.count) jobs → \(path)")
            if json {
                print(RunJSON.pretty(ComparisonShardSummary(shard: part.description, jobs: jobs.count, file: path)))
            }
            return
        }
        let result = try run.compare(threads: execution.threads) { progress.step() }
        progress.finish()
        global.detail("\(jobs.count) job(s) of \(plan.jobs.count) in \(clock.now - started)")
        try Self.write(
            result, zones: try run.baselineZones(), to: execution.out, json: json, global: global,
            interrupts: interrupts)
    }

    /// Writes the comparison's files and prints its table (or its JSON): shared with `merge`.
    ///
    /// The files are written into a fresh staging folder inside `out`, then moved over the
    /// previous ones together: an error or an interruption leaves the previous results whole
    /// (never some new files beside some old ones), and after SIGKILL only a hidden
    /// `.maillage-staging-…` folder can remain.
    static func write(
        _ result: ScenarioComparisonResult, zones: [Zone], to out: String, json: Bool, global: GlobalOptions,
        interrupts: InterruptGuard
    ) throws {
        let staging = try StagingFolder(for: out)
        let key = interrupts.onInterrupt { staging.remove() }
        do {
            // Held against interruption from the first staged byte: a signal then waits (a second or
            // two at most) and finds the results whole, instead of racing the writes it would undo.
            try interrupts.committing("the comparison in \(out)") {
                try ComparisonRun.write(result, zones: zones, to: staging.path)
                try staging.commit()
            }
        } catch {
            staging.remove()
            throw error
        }
        interrupts.drop(key)
        if json {
            print(RunJSON.pretty(ComparisonFiles.summary(result)))
        } else {
            print(ComparisonFiles.table(result))
        }
        global.status(
            "comparison of \(result.plan.scenarios.count) scenarios × \(result.plan.replications) replication(s) → \(out)"
        )
    }
}
