import ArgumentParser
import Foundation
import MaillageCore
import MaillageIO
import MaillageScenario
import MaillageStore

/// `maillage compare BASE ALT…`: what each alternative changes, indicator by indicator.
struct CompareCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare scenarios with the baseline: differences per zone and for the territory, with 95 % intervals.",
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
    @Option(help: "Run only the I-th of N shares of the jobs (1-based, such as 2/8) and write a shard for 'maillage merge'.")
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
        let clock = ContinuousClock(), started = clock.now
        var plan = try ComparisonPlan(scenarios: try ScenarioLoader.loadComparison(files), replications: execution.replications)
        let part = shard.flatMap(ComparisonShard.init)
        // Alternatives' names become file names: refused before any work, not after.
        let written = try ComparisonFiles.fileNames(plan.scenarios) + (part.map { ["shard-\($0.index)-of-\($0.count).json"] } ?? [])
        try OutputGuard.check(outputs: written.map { URL(fileURLWithPath: execution.out).appendingPathComponent($0).path },
                              role: "--out", against: Self.inputs(plan.scenarios))
        let jobs = plan.jobs(in: part)
        let progress = ProgressBar(estimatedTotal: jobs.count, unit: "jobs", global: global, minimum: 2)
        // Scenarios usually share one territory: read each database once, for the jobs and the GeoJSON.
        var territories: [String: Territory] = [:]
        let territory = { (scenario: Scenario) throws -> Territory in
            if let known = territories[scenario.territoryPath] { return known }
            let loaded = try Self.loadTerritory(scenario)
            territories[scenario.territoryPath] = loaded
            return loaded
        }
        // Shards carry the territories' content in their fingerprint: a merge refuses shards of another state.
        plan.inputsDigest = try plan.inputsDigest(territory: territory)
        if let part {
            // Each job goes to the file as soon as it and every earlier one are done: memory stays flat.
            let path = URL(fileURLWithPath: execution.out).appendingPathComponent("shard-\(part.index)-of-\(part.count).json").path
            let writer = try ComparisonShardWriter(path: path, header: ComparisonShardHeader(files: files, plan: plan, shard: part))
            // Unlinked, not closed: the jobs may still be appending to it when the signal comes.
            let partial = writer.partial
            _ = interrupts.onInterrupt { unlink(partial) }
            do {
                try ComparisonRunner.stream(plan, jobs: jobs, threads: execution.threads, territory: territory, progress: { progress.step() }) { try writer.append($0) }
                try interrupts.committing(path) { try writer.finish() }
            } catch {
                writer.discard()
                throw error
            }
            progress.finish()
            global.detail("\(jobs.count) job(s) of \(plan.jobs.count) in \(clock.now - started)")
            global.status("shard \(part): \(jobs.count) of \(plan.jobs.count) jobs → \(path)")
            if json { print(ScenarioFiles.jsonText(["shard": part.description, "jobs": jobs.count, "file": path])) }
            return
        }
        // Each replication is folded into running means and variances as it comes (in plan order).
        let result = try ComparisonRunner.compare(plan, threads: execution.threads, territory: territory) { progress.step() }
        progress.finish()
        global.detail("\(jobs.count) job(s) of \(plan.jobs.count) in \(clock.now - started)")
        try Self.write(result, zones: try territory(plan.scenarios[0]).zones, to: execution.out, json: json, global: global, interrupts: interrupts)
    }

    /// Writes the comparison's files and prints its table (or its JSON): shared with `merge`.
    ///
    /// The files are written into a fresh staging folder inside `out`, then moved over the
    /// previous ones together: an error or an interruption leaves the previous results whole
    /// (never some new files beside some old ones), and after SIGKILL only a hidden
    /// `.maillage-staging-…` folder can remain.
    static func write(_ result: ScenarioComparisonResult, zones: [Zone], to out: String, json: Bool, global: GlobalOptions,
                      interrupts: InterruptGuard) throws {
        let staging = try StagingFolder(for: out)
        let key = interrupts.onInterrupt { staging.remove() }
        do {
            // Held against interruption from the first staged byte: a signal then waits (a second or
            // two at most) and finds the results whole, instead of racing the writes it would undo.
            try interrupts.committing("the comparison in \(out)") {
                try ComparisonFiles.write(result, zones: zones, to: staging.path)
                try ScenarioFiles.writeJSON(ScenarioFiles.comparisonProvenance(result.plan), to: staging.url.appendingPathComponent("provenance.json").path)
                try staging.commit()
            }
        } catch {
            staging.remove()
            throw error
        }
        interrupts.drop(key)
        if json {
            print(ScenarioFiles.jsonText(ComparisonFiles.summary(result)))
        } else {
            print(ComparisonFiles.table(result))
        }
        global.status("comparison of \(result.plan.scenarios.count) scenarios × \(result.plan.replications) replication(s) → \(out)")
    }

    /// Every file a comparison reads (territories, scenario and parameter files): none may be overwritten.
    static func inputs(_ scenarios: [Scenario]) -> [OutputGuard.Input] {
        scenarios.flatMap { scenario in
            OutputGuard.Input.database(scenario.territoryPath, role: "territory") + [OutputGuard.Input(scenario.file, role: "scenario file")]
                + [scenario.parametersPath.map { OutputGuard.Input($0, role: "params file") }].compactMap { $0 }
        }
    }

    static func loadTerritory(_ scenario: Scenario) throws -> Territory {
        guard FileManager.default.fileExists(atPath: scenario.territoryPath) else {
            throw ScenarioError(file: scenario.file, key: "territory", reason: "\(scenario.territoryPath) does not exist")
        }
        return try TerritoryDatabase.open(at: scenario.territoryPath).loadTerritory()
    }
}
