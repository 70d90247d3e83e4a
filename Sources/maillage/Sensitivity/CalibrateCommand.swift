import ArgumentParser
import Foundation
import MaillageCore
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
            another series or per inhabitant), fit_year, validation_year, simulation {days, seed, replications, sample}, \
            max_evaluations. Observed series come from 'maillage import observed'. Writes fitted-parameters.json, \
            fitted-overrides.yaml, fit.csv, validation.csv, history.csv and calibration.json into --out, and per \
            site (held out with holdout: {zones: [prefixes]} or {sites: [ids]}) sites.csv and sites.geojson: \
            observed and simulated visits, 80+ and admitted shares, residuals; Spearman and median relative \
            error against the goals in calibration.json. A run \
            interrupted and started again with the same --out resumes without re-running the evaluations it had.
            Example: maillage calibrate --db t.db --targets calibration.yaml --out fit
            """
    )

    @Option(help: "The territory database (with observed series).") var db: String
    @Option(help: "The calibration spec (YAML).") var targets: String
    @Option(help: "The results folder (an earlier run there is resumed).") var out: String
    @Flag(help: "Print calibration.json on stdout.") var json = false
    @OptionGroup var global: GlobalOptions

    func execute() throws {
        let spec = try CalibrationSpec.load(targets)
        let database = try TerritoryDatabase.open(at: db)
        let territory = try database.loadTerritory()
        let rows = try database.observedValues(loadedOnly: true).map {
            ObservedTable.Row(
                scope: $0.scope.rawValue, subject: $0.subjectID, series: $0.series, year: $0.year, value: $0.value)
        }
        let observed = ObservedTable(rows: rows, population: territory.zones.reduce(0) { $0 + $1.population.total })
        let base = try spec.parametersPath.map(ParameterFile.load) ?? .defaults
        let model = SensitivityModel(
            territory: territory, base: base, days: spec.days, seed: spec.seed,
            replications: spec.replications, sample: spec.sample)
        let (handle, earlier) = try CalibrationFiles.openHistory(spec, folder: out)
        defer { try? handle.close() }
        if !earlier.isEmpty { global.status("resuming: \(earlier.count) evaluation(s) already in \(out)/history.csv") }
        let progress = ProgressBar(estimatedTotal: spec.maxEvaluations, unit: "evaluations", global: global, minimum: 2)
        let result = try Calibration.run(spec, model: model, observed: observed, resumeFrom: earlier) { evaluation in
            try handle.write(contentsOf: Data(CalibrationFiles.historyLine(evaluation).utf8))
            progress.step()
        }
        progress.finish()
        try CalibrationFiles.write(result, to: out)
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
