import ArgumentParser
import MaillageCore
import MaillageIO
import MaillageStore

struct ImportSupplyCountsCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "supply-counts",
        abstract: "Turn counts of professionals per zone into one actor per zone and kind (gp@31555).",
        discussion: """
            Each non-zero count becomes the actor <kind>@<zone>, at the zone's point, with the count as its \
            capacity in --measure (fte by default). A zero or empty count creates no actor and removes the one a \
            previous import made. Zones must be imported first; unknown zone ids are reported and skipped.
            Example: maillage import supply-counts communes_occitanie5_attributes.csv --db t.db --kind gp \\
                --column gp_establishments_sirene_2019 --id-column code_insee
            """
    )

    @OptionGroup var common: ImportOptions
    @OptionGroup var reading: CSVReadingOptions

    @Option(help: "Kind of the actors (gp, pharmacy, …).")
    var kind: ActorKind

    @Option(help: "Column holding the counts.")
    var column: String

    @Option(
        help:
            "Column holding the zone id (default: id, else code_insee, CODGEO, COM, code or codecommuneetablissement).")
    var idColumn: String?

    @Option(help: "Capacity measure the count is stored in.")
    var measure: CapacityMeasure = .fte

    @OptionGroup var global: GlobalOptions

    func execute() throws {
        let importer = SupplyCountsImporter(
            csv: try reading.csvOptions(), kind: kind, column: column,
            idColumn: idColumn, measure: measure
        )
        let report = try importer.run(file: common.file, into: TerritoryDatabase.open(at: common.db))
        try ReportPrinter.show(report, json: common.json, global: global)
    }
}
