import ArgumentParser
import Foundation
import MaillageStore
import MaillageTravel

struct InfoCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Describe a territory database: actors by kind, zones, population, extent, schema.",
        discussion: "Example: maillage info out/demo.db --json"
    )

    @OptionGroup var database: DatabaseArgument

    @Flag(help: "Print the description as JSON, for scripts.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func execute() throws {
        let territory = try TerritoryDatabase.open(at: database.path)
        let summary = try territory.summary()
        if json {
            print(try SummaryText.json(summary, path: database.path))
        } else {
            print(SummaryText.table(summary, path: database.path))
            // Which straight-line model `--travel line` uses here.
            let record = try StoredLineModel.stored(in: territory)
            print("  line model  " + (record?.summary ?? "built-in defaults (no 'maillage travel calibrate' on this database)"))
        }
    }
}
