import ArgumentParser
import MaillageIO
import MaillageStore

struct ImportLinksCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "links",
        abstract: "Import links from a CSV (from, to, kind, strength).",
        discussion: "Example: maillage import links agreements.csv --db t.db"
    )

    @OptionGroup var common: ImportOptions
    @OptionGroup var reading: CSVReadingOptions
    @OptionGroup var global: GlobalOptions

    func execute() throws {
        let report = try LinksImporter(csv: try reading.csvOptions()).run(
            file: common.file, into: TerritoryDatabase.open(at: common.db))
        try ReportPrinter.show(report, json: common.json, global: global)
    }
}
