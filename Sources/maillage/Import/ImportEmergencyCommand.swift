import ArgumentParser
import MaillageIO
import MaillageStore

struct ImportEmergencyCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "emergency",
        abstract: "Mark emergency departments, SMUR and visits on actors from SAE files or FINESS activity 14.",
        discussion: """
            FILE is the SAE URGENCES_<year>.csv (AUTGEN = 1 gives 'emergency', AUTPED = 1 \
            'paediatric_emergency') or the FINESS activity file (activity 14 gives 'emergency'). \
            Sites are matched to actors by FINESS number; sites not in the database are skipped and counted.
            Example: maillage import emergency URGENCES_2020.csv --db t.db --visits URGENCES2_2020.csv --smur SMURSAMU_2020.csv
            """
    )

    @OptionGroup var common: ImportOptions

    @Option(help: "The SAE year to read (default: the latest year in FILE).")
    var year: Int?

    @Option(help: "URGENCES2_<year>.csv: sets the capacity ed_visits_per_year from PASSU.")
    var visits: String?

    @Option(help: "SMURSAMU_<year>.csv: adds the services smur and samu.")
    var smur: String?

    @Option(
        name: .customLong("short-stay-beds"),
        help: ArgumentHelp(
            "URGENCES2_<year>.csv: sets the capacity ed_short_stay_beds from LIT_UHCD "
                + "(the size the emergency choice reads).",
            valueName: "file"))
    var shortStayBeds: String?

    @OptionGroup var global: GlobalOptions

    func execute() throws {
        let importer = EmergencyImporter(
            year: year, visitsFile: visits, smurFile: smur, shortStayBedsFile: shortStayBeds)
        let report = try importer.run(file: common.file, into: TerritoryDatabase.open(at: common.db))
        try ReportPrinter.show(report, json: common.json, global: global)
    }
}
