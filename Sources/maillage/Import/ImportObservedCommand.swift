import ArgumentParser
import Foundation
import MaillageIO
import MaillageStore

struct ImportObservedCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "observed",
        abstract:
            "Store observed activity per actor, zone or territory and year (SAE emergency files, …) for calibration.",
        discussion: """
            FILE is a SAE table (URGENCES2: PASSU, dt80, dt18, dtMCO, dtMCO80…; URGENCES: AUTSU, AUTGEN…; \
            SMURSAMU: SORTIES…), every year it holds unless --year is given, or a long CSV with the columns \
            scope,subject_id,series,year,value[,source]. Rows of one site and year are summed (flags: the largest). \
            Values go to the table observed_value with their source.
            Example: maillage import observed URGENCES2_2020.csv --db t.db --year 2018 --year 2019
            """
    )

    @OptionGroup var common: ImportOptions

    @Option(name: .customLong("year"), help: "A year to keep (repeat for several; default: every year).")
    var years: [Int] = []

    @Option(help: "Comma-separated columns to keep from a SAE file (default: the table's activity series).")
    var series: String?

    @Option(help: "The source recorded beside each value (default: publisher and file name).")
    var source: String?

    @OptionGroup var global: GlobalOptions

    func execute() throws {
        let names = series?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if let names, names.isEmpty { throw ValidationError("--series must name at least one column.") }
        let importer = ObservedImporter(years: Set(years), series: names, source: source)
        let report = try importer.run(file: common.file, into: TerritoryDatabase.open(at: common.db))
        try ReportPrinter.show(report, json: common.json, global: global)
    }
}
