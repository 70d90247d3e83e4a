import ArgumentParser
import Foundation
import MaillageAccess
import MaillageCore
import MaillageFormats
import MaillageRuns

/// `maillage access equity`: how unequal a stored indicator run is between people, and where.
struct AccessEquityCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "equity",
        abstract:
            "Inequality (Gini, Theil with decomposition, Palma, concentration index) and access deserts (Moran's I, LISA) of an indicator run.",
        discussion: """
            Measures are population-weighted (--weights none counts each zone once). Zones whose value is undefined are \
            left out and counted. --out FILE.csv writes one row per measure (measure, group, value); FILE.json writes \
            everything, including the Lorenz curve and the local Moran of each zone; --zones-out writes the local Moran \
            per zone as CSV or GeoJSON, for a map of the clusters (HH, LL, HL, LH).
            Example: maillage access equity --db out/demo.db --run 2 --by density --out equity.json --zones-out lisa.geojson
            """
    )

    @Option(help: "The territory database.") var db: String
    @Option(help: "The indicator run to analyse (its id, as 'maillage access' prints it).") var run: Int64
    @Option(help: "The run's value column, when it has several numeric ones.") var column: String?
    @Option(
        help:
            "A second run on the same zones (a scenario's): the change of each measure from --run to it, with paired bootstrap intervals."
    )
    var against: Int64?
    @Option(help: "Bootstrap resamples of the zones for the intervals of --against.") var bootstrap: Int = 999
    @Option(
        help:
            "Groups of the Theil decomposition: departement, density, or an attribute (population, share.75+…) cut in quintiles."
    )
    var by: String = "departement"
    @Option(help: "Who counts: population (each zone for its inhabitants) or none (each zone once).") var weights:
        EquityAnalysis.Weighting = .population
    @Option(help: "The concentration index's ranking attribute (default share.75+ when age bands are known).")
    var rankBy: String?
    @Option(help: "Thresholds for the share of people below, comma-separated (default: half the mean and the mean).")
    var thresholds: String?
    @Option(
        help: "Spatial weights of Moran's I: auto (queen if every zone has an outline), queen, distance or distance:KM."
    )
    var spatial: String = "auto"
    @Option(help: "Permutations for the pseudo p-values (0 = none).") var permutations: Int = 999
    @Option(help: "Seed of the permutations.") var seed: UInt64 = 12_345
    @Option(help: "Significance level of the LISA clusters.") var significance: Double = 0.05
    @Option(help: "The results file: .csv or .json.") var out: String
    @Option(help: "Also write the local Moran of each zone: .csv or .geojson.") var zonesOut: String?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        let lower = out.lowercased()
        guard lower.hasSuffix(".csv") || lower.hasSuffix(".json") else {
            throw ValidationError("--out must end in .csv or .json (got '\(out)').")
        }
        if let zonesOut, !(zonesOut.lowercased().hasSuffix(".csv") || zonesOut.lowercased().hasSuffix(".geojson")) {
            throw ValidationError("--zones-out must end in .csv or .geojson (got '\(zonesOut)').")
        }
        guard bootstrap >= 0, bootstrap <= 1_000_000 else {
            throw ValidationError("--bootstrap must be between 0 and 1000000.")
        }
        guard permutations >= 0, permutations <= 1_000_000 else {
            throw ValidationError("--permutations must be between 0 and 1000000.")
        }
        guard significance > 0, significance < 1 else {
            throw ValidationError("--significance must be between 0 and 1.")
        }
    }

    func execute() throws {
        var options = EquityAnalysis.Options()
        do {
            options.weighting = weights
            options.grouping = try ZoneGrouping.parse(by)
            options.rankBy = try rankBy.map(ZoneAttribute.parse)
            options.neighbourhood = try EquityAnalysis.Neighbourhood.parse(spatial)
        } catch let error as AccessError {
            throw CommandError(message: error.description, category: .usage)
        }
        options.thresholds = try (thresholds ?? "").split(separator: ",").map { text in
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
                throw CommandError(message: "--thresholds: '\(text)' is not a number", category: .usage)
            }
            return value
        }
        options.permutations = permutations
        options.seed = seed
        options.significance = significance

        let request = EquityRequest(
            database: db, run: run, column: column, against: against, bootstrap: bootstrap,
            options: options, out: out, zonesOut: zonesOut)
        let outcome = try EquityRunner.run(request, log: global.log)
        let report = outcome.report
        global.status(
            String(
                format: "run %lld %@.%@: Gini %.4f, Theil %.4f (between %@ %.4f), Palma %.3f, Moran's I %@ → %@",
                run, outcome.method, outcome.column, report.gini, report.theil.total, report.grouping,
                report.theil.between, report.palma,
                report.moran.map { String(format: "%.4f (p %.3f)", $0.i, $0.pPermutation ?? $0.pNormal) } ?? "n/a",
                out))
    }
}
