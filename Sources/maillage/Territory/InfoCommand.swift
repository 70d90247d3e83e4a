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
        let runs = try territory.storedRunHeaders()
        // Which straight-line model `--travel line` uses here.
        let (model, record) = try StoredLineModel.inForce(in: territory)
        if json {
            let lineModel = LineModelInForce(
                source: record == nil ? "defaults" : "fitted", version: record?.version,
                parameters: StoredLineModel.Parameters(model), provenance: record?.provenance)
            print(try SummaryText.json(summary, path: database.path, lineModel: lineModel, runs: runs))
        } else {
            print(SummaryText.table(summary, path: database.path))
            print(
                "  line model  "
                    + (record?.summary ?? "built-in defaults (no 'maillage travel calibrate' on this database)"))
            print(SummaryText.runs(runs))
        }
    }
}

/// The `line_model` entry of `info --json`: where the model `--travel line` uses comes from.
struct LineModelInForce: Encodable {
    let source: String
    let version: Int?
    let parameters: StoredLineModel.Parameters
    let provenance: StoredLineModel.Provenance?
}
