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

    @Flag(help: "Report only; do not store the fitted model.")
    var dryRun = false

    @Flag(help: "Print the report as JSON on stdout.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard holdout >= 0, holdout < 1 else { throw ValidationError("--holdout must be from 0 to below 1.") }
    }

    func execute() throws {
        var job = CalibrationJob(matrix: matrix)
        job.holdout = holdout
        job.seed = seed
        job.store = !dryRun
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
        print(text, terminator: "")
    }
}
