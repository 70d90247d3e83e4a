import ArgumentParser
import MaillageIO
import MaillageStore

struct ImportPopulationCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "population",
        abstract: "Join populations (and age bands) onto the zones already in the database, by zone id.",
        discussion: """
            Codes in the file that match no zone are reported with their names and skipped; zones the file does \
            not mention keep their population. With --age-pyramid, each zone's six INSEE age bands are estimated \
            from its département's pyramid (first characters of its INSEE code), scaled to its total and, with \
            --over75-column, with the 75+ band set to the zone's own figure.
            Examples:
              maillage import population donnees_communes.csv --db t.db            # COM and PMUN found by name
              maillage import population communes_occitanie5_attributes.csv --db t.db --id-column code_insee \\
                  --population-column population_2021 --age-pyramid pop_dep_sexe_age5_occitanie5_1975_2021.csv \\
                  --year 2021 --over75-column pct_75plus_rp2020
            """
    )

    @OptionGroup var common: ImportOptions
    @OptionGroup var reading: CSVReadingOptions

    @Option(help: "Column holding the zone id (default: id, else code_insee, CODGEO, COM or code).")
    var idColumn: String?

    @Option(help: "Column holding the total population (default: population, else PMUN or Pyy_POP).")
    var populationColumn: String?

    @Option(help: "CSV of old_code,new_code: codes of merged communes are translated (and summed) before the join.")
    var codeMap: String?

    @Option(help: "INSEE population by département, sex and 5-year age band (annee, dep, sexe, age_band, population).")
    var agePyramid: String?

    @Option(help: "The pyramid's year (default: the latest in the file).")
    var year: Int?

    @Option(help: "Column giving each zone's people aged 75+, as a share, percent or count.")
    var over75Column: String?

    @Option(
        help:
            "Unit of --over75-column: share (0-1), percent or count (default: share when the name has pct/share/part, else count)."
    )
    var over75Unit: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if year != nil && agePyramid == nil { throw ValidationError("--year needs --age-pyramid.") }
        if over75Column != nil && agePyramid == nil { throw ValidationError("--over75-column needs --age-pyramid.") }
        if let over75Unit, Over75Unit(rawValue: over75Unit) == nil {
            throw ValidationError("--over75-unit must be share, percent or count, not '\(over75Unit)'.")
        }
    }

    func execute() throws {
        let importer = PopulationImporter(
            csv: try reading.csvOptions(),
            columns: ZoneColumns(id: idColumn, population: populationColumn),
            codeMap: try codeMap.map { try CodeMap(path: $0) },
            pyramid: try agePyramid.map { try AgePyramid(path: $0, year: year) },
            over75Column: over75Column, over75Unit: over75Unit.flatMap(Over75Unit.init(rawValue:))
        )
        let report = try importer.run(file: common.file, into: TerritoryDatabase.open(at: common.db))
        try ReportPrinter.show(report, json: common.json, global: global)
    }
}
