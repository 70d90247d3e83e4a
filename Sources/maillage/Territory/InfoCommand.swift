import ArgumentParser
import Foundation
import MaillageStore

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
        let summary = try TerritoryDatabase.open(at: database.path).summary()
        if json {
            print(try SummaryText.json(summary, path: database.path))
        } else {
            print(SummaryText.table(summary, path: database.path))
        }
    }
}
