import ArgumentParser
import Foundation
import MaillageCore
import MaillageRuns
import MaillageScenario
import MaillageSim
import MaillageStore

/// `maillage calibrate`: fits parameters to observed activity, then predicts a held-out year.
struct CalibrateCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract:
            "Fit simulation parameters to observed activity (Nelder–Mead, common random numbers) and validate on a held-out year.",
        discussion: """
            SPEC is YAML: parameters (name with range: or scale: bounds), targets (a simulated territory indicator, \
            optionally over another, against an observed series summed over the territory's sites, optionally over \
            another series or per inhabitant; per_site: true fits each site of a site indicator on its own), \
            fit_year, validation_year, simulation {days, seed, replications, sample}, \
            max_evaluations. Observed series come from 'maillage import observed'. Writes fitted-parameters.json, \
            fitted-overrides.yaml, fit.csv, validation.csv, history.csv and calibration.json into --out, and per \
            site (held out with holdout: {zones: [prefixes]} or {sites: [ids]}) sites.csv and sites.geojson: \
            observed and simulated visits, 80+ and admitted shares, residuals; Spearman and median relative \
            error against the goals in calibration.json. A run \
            interrupted and started again with the same --out resumes without re-running the evaluations it had. \
            With starts: K in the spec, K searches run (from the base parameters, then from Halton points of the \
            box) and the best wins; --shard I/N runs the I-th share of them (round robin) into \
            calibration-shard-I-of-N.json, and 'maillage merge' of all the shares writes the folder of one run, \
            byte for byte (a shard does not resume).
            Example: maillage calibrate --db t.db --targets calibration.yaml --out fit
            """
    )

    @Option(help: "The territory database (with observed series).") var db: String
    @Option(help: "The calibration spec (YAML).") var targets: String
    @Option(help: "The results folder (an earlier run there is resumed).") var out: String
    @Option(
        help: "Run only the I-th of N shares of the spec's starts (1-based) and write a shard for 'maillage merge'.")
    var shard: String?
    @Flag(help: "Print calibration.json on stdout.") var json = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let shard, ComparisonShard(shard) == nil {
            throw ValidationError("--shard takes I/N with 1 ≤ I ≤ N, such as 2/8 (not '\(shard)').")
        }
    }

    /// What every evaluation runs on: the spec, the simulation model and the observed series,
    /// and the fingerprint of the inputs that shards of one calibration must share.
    struct Inputs {
        let spec: CalibrationSpec
        let model: SensitivityModel
        let observed: ObservedTable
        let fingerprint: String

        init(db: String, targets: String) throws {
            let loaded = try CalibrationSpec.load(targets)
            let database = try TerritoryDatabase.open(at: db)
            let territory = try database.loadTerritory()
            let rows = try database.observedValues(loadedOnly: true).map {
                ObservedTable.Row(
                    scope: $0.scope.rawValue, subject: $0.subjectID, series: $0.series, year: $0.year, value: $0.value)
            }
            observed = ObservedTable(rows: rows, population: territory.zones.reduce(0) { $0 + $1.population.total })
            spec = loaded.expandingPerSiteTargets(observed: observed, territory: territory)
            let base = try loaded.parametersPath.map(ParameterFile.load) ?? .defaults
            model = SensitivityModel(
                territory: territory, base: base, days: spec.days, seed: spec.seed,
                replications: spec.replications, sample: spec.sample)
            let observedText = rows.map { "\($0.scope)\t\($0.subject)\t\($0.series)\t\($0.year)\t\($0.value)" }
            fingerprint = InputsFingerprint.territory(
                territory, extra: observedText + [ParameterFile.canonicalJSON(base)])
        }
    }

    func execute() throws {
        let inputs = try Inputs(db: db, targets: targets)
        if let part = shard.flatMap(ComparisonShard.init) { return try runShard(part, inputs) }
        let spec = inputs.spec
        let (handle, earlier) = try CalibrationFiles.openHistory(spec, folder: out)
        defer { try? handle.close() }
        if !earlier.isEmpty { global.status("resuming: \(earlier.count) evaluation(s) already in \(out)/history.csv") }
        let progress = ProgressBar(
            estimatedTotal: spec.maxEvaluations * spec.starts, unit: "evaluations", global: global, minimum: 2)
        let result = try Calibration.run(spec, model: inputs.model, observed: inputs.observed, resumeFrom: earlier) {
            evaluation in
            try handle.write(contentsOf: Data(CalibrationFiles.historyLine(evaluation, spec: spec).utf8))
            progress.step()
        }
        progress.finish()
        try CalibrationFiles.write(result, to: out)
        try Self.report(result, json: json, out: out, global: global)
    }

    /// `--shard I/N`: the share's starts only, into a shard file.
    private func runShard(_ part: ComparisonShard, _ inputs: Inputs) throws {
        let starts = CalibrationShard.starts(inputs.spec, shard: part)
        var history: [Calibration.Evaluation] = []
        if !starts.isEmpty {
            let progress = ProgressBar(
                estimatedTotal: inputs.spec.maxEvaluations * starts.count, unit: "evaluations", global: global,
                minimum: 2)
            history =
                try Calibration.run(inputs.spec, model: inputs.model, observed: inputs.observed, starts: starts) { _ in
                    progress.step()
                }.history
            progress.finish()
        }
        let shardFile = CalibrationShard(
            targets: URL(fileURLWithPath: targets).standardizedFileURL.path, specHash: inputs.spec.contentHash,
            database: URL(fileURLWithPath: db).standardizedFileURL.path, inputsFingerprint: inputs.fingerprint,
            shard: part, starts: starts, history: history)
        let path = try shardFile.write(to: out)
        global.status(
            "shard \(part): \(starts.count) of \(inputs.spec.starts) start(s), \(history.count) evaluations → "
                + path)
    }

    /// `maillage merge` of calibration shards: the whole calibration replayed from their
    /// evaluations (only the best point simulates again, for its sites), written as one run would.
    static func merge(_ paths: [String], out: String, json: Bool, global: GlobalOptions) throws {
        let (first, known) = try CalibrationShard.merge(paths)
        let inputs = try Inputs(db: first.database, targets: first.targets)
        guard inputs.spec.contentHash == first.specHash, inputs.fingerprint == first.inputsFingerprint else {
            throw ScenarioError(
                file: paths[0],
                reason:
                    "was computed on another state of \(first.targets) or \(first.database) "
                    + "(changed since the shards ran); run the shards again"
            )
        }
        let result = try Calibration.run(
            inputs.spec, model: inputs.model, observed: inputs.observed, computedElsewhere: known)
        global.detail("merged \(paths.count) calibration shard(s), \(result.history.count) evaluations")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try CalibrationFiles.writeHistory(result, to: out)
        try CalibrationFiles.write(result, to: out)
        try report(result, json: json, out: out, global: global)
    }

    /// calibration.json on stdout with `--json`, else the fit, validation and site goals in lines.
    private static func report(_ result: Calibration.Result, json: Bool, out: String, global: GlobalOptions) throws {
        let spec = result.spec
        if json {
            print(CalibrationFiles.json(result), terminator: "")
        } else {
            global.status(
                "\(result.history.count) evaluations (\(result.converged ? "converged" : "stopped at max_evaluations")), objective \(result.best.objective) → \(out)"
            )
            for fit in result.fit {
                print(
                    "fit \(spec.fitYear) \(fit.target.name): observed \(fit.observed), simulated \(fit.simulated.map { String($0) } ?? "-"), error \(fit.relativeError.map { String(format: "%+.1f %%", 100 * $0) } ?? "-")"
                )
            }
            for fit in result.validation {
                print(
                    "held-out \(result.validationYear!) \(fit.target.name): observed \(fit.observed), predicted \(fit.simulated.map { String($0) } ?? "-"), error \(fit.relativeError.map { String(format: "%+.1f %%", 100 * $0) } ?? "-")"
                )
            }
            if let sites = result.sites {
                let which = sites.heldOut ? "held out" : "fitted"
                print("sites \(which), \(sites.year): \(sites.sites.count) compared (sites.csv, sites.geojson)")
                for goal in sites.goals {
                    let verdict = goal.reached.map { $0 ? "reached" : "not reached" } ?? "not measured"
                    let value = goal.value.map { String(format: "%.4f", $0) } ?? "-"
                    print("  \(goal.measure): \(value) (goal \(goal.goal): \(verdict))")
                }
            }
        }
    }
}
