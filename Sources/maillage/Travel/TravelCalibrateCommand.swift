import ArgumentParser
import Foundation
import MaillageFormats
import MaillageStore
import MaillageTravel

struct TravelCalibrateCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Fit the straight-line model on a stored road matrix and store it as the database's line model.",
        discussion: """
            A seeded share of the pairs (--holdout) is kept out of the fit and used to report its error \
            next to the built-in defaults'. The fit is stored (versioned, with its provenance) and used \
            by every --travel line command on this database; 'maillage info' says which model is in force.

            With --complete NAME, the road sample is also completed into a matrix NAME for --travel matrix: \
            every pair between the kinds of places the sample joins, within --limit minutes, with the road \
            time of each pair the fit saw and elsewhere a local road model learnt on them (each place's own \
            position, leaving and arriving minutes, and the residuals of nearby trips). Its error on the \
            held-out pairs is reported too.
            """
    )

    @Option(help: "The territory database.")
    var db: String

    @Option(help: "The road matrix to fit on.")
    var matrix: String

    @Option(help: "Share of the pairs held out to judge the fit.")
    var holdout = 0.2

    @Option(help: "Seed of the held-out draw.")
    var seed: UInt64 = 1

    @Option(help: "Also store the sample completed into this travel matrix (see below).")
    var complete: String?

    @Option(help: "With --complete: pairs longer than this, in minutes, are left out.")
    var limit = 90.0

    @Flag(help: "Report only; do not store the fitted model.")
    var dryRun = false

    @Flag(help: "Print the report as JSON on stdout.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard holdout >= 0, holdout < 1 else { throw ValidationError("--holdout must be from 0 to below 1.") }
        guard limit > 0, limit.isFinite else { throw ValidationError("--limit must be a positive number of minutes.") }
        if let complete, complete.allSatisfy(\.isWhitespace) {
            throw ValidationError("--complete needs the name of the matrix to write.")
        }
        if let complete, complete == matrix {
            throw ValidationError("--complete must name a new matrix, not the road matrix '\(matrix)' it completes.")
        }
    }

    func execute() throws {
        var job = CalibrationJob(matrix: matrix)
        job.holdout = holdout
        job.seed = seed
        job.store = !dryRun
        job.completion = complete.map { name in
            var completion = MatrixCompletion(name: name)
            completion.limitMinutes = limit
            return completion
        }
        let report = try job.run(on: TerritoryDatabase.open(at: db))
        if json {
            print(try JSONText.report(report, nonFinite: .short))
            return
        }
        let record = report.stored
        let p = record.parameters
        let prov = record.provenance
        var text = String(
            format: "travel calibrate: fitted on %d pairs of '%@', %d held out (seed %llu)\n", prov.trainingPairs,
            matrix, prov.heldOutPairs, seed)
        text += String(
            format: "  model: access %.2f min, detour %.3f, speed %.1f → %.1f km/h over %.1f km, density factors %@\n",
            p.accessMinutes, p.detour, p.nearSpeed, p.farSpeed, p.speedScaleKm,
            p.densityFactors.map { String(format: "%.2f", $0) }.joined(separator: ", "))
        text += "  held-out error (min)   fitted MAE  p90   bias | defaults MAE  p90   bias\n"
        let rows =
            DistanceBand.labels.compactMap { label in
                report.heldOutByBand[label].map { (label, $0.fitted, $0.defaults) }
            }
            + [("all", prov.heldOutFitted, prov.heldOutDefault)]
        for (label, fitted, defaults) in rows {
            text +=
                "  " + label.padded(11)
                + String(
                    format: " %6d pairs %6.2f %5.1f %6.2f | %8.2f %5.1f %6.2f\n", fitted.pairs,
                    fitted.mae, fitted.p90, fitted.bias, defaults.mae, defaults.p90, defaults.bias)
        }
        text +=
            report.wasStored
            ? "  stored as line model v\(record.version): --travel line now uses it\n" : "  not stored (--dry-run)\n"
        if let completed = report.completion { text += Self.describe(completed, stored: report.wasStored) }
        print(text, terminator: "")
    }

    private static func describe(_ completed: MatrixCompletion.Report, stored: Bool) -> String {
        var text = String(
            format: "  completed matrix '%@': %d pairs, %d of them road times%@\n", completed.matrix, completed.pairs,
            completed.roadPairs, stored ? "" : " (not stored: --dry-run)")
        text += "  held-out error of the local model (min)   MAE  p90   bias\n"
        let rows =
            DistanceBand.labels.compactMap { label in completed.heldOutByBand[label].map { (label, $0) } }
            + [("all", completed.heldOut)]
        for (label, summary) in rows {
            text +=
                "  " + label.padded(11)
                + String(
                    format: " %6d pairs %6.2f %5.1f %6.2f\n", summary.pairs, summary.mae, summary.p90, summary.bias)
        }
        if stored { text += "  use it with --travel matrix --matrix \(completed.matrix)\n" }
        return text
    }
}
