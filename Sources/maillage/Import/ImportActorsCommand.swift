import ArgumentParser
import MaillageCore
import MaillageIO
import MaillageStore

struct ImportActorsCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "actors",
        abstract: "Import actors from a CSV (id, kind, name, lat/lon or x/y, zone_id, services, capacity.<measure>).",
        discussion: "Example: maillage import actors gps.csv --db t.db --kind gp --crs EPSG:2154 --delimiter ';'"
    )

    @OptionGroup var common: ImportOptions
    @OptionGroup var reading: CSVReadingOptions

    @Option(help: "Kind of every actor when the file has no kind column.")
    var kind: ActorKind?

    @Option(help: "CRS of x/y columns, such as EPSG:2154 (lat/lon are WGS84).")
    var crs: String?

    @OptionGroup var global: GlobalOptions

    func execute() throws {
        var importer = ActorsImporter(csv: try reading.csvOptions(), kind: kind, crs: crs)
        let progress = ProgressBar(
            estimatedTotal: ProgressBar.estimatedLines(of: common.file), unit: "rows", global: global)
        importer.onProgress = progress.update
        let report = try importer.run(file: common.file, into: TerritoryDatabase.open(at: common.db))
        progress.finish()
        try ReportPrinter.show(report, json: common.json, global: global)
    }
}
