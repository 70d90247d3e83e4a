import ArgumentParser
import Foundation
import MaillageIO
import MaillageScenario
import MaillageStore

/// `maillage scenario run FILE`: a what-if's accessibility indicators, written and stored.
struct ScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario", abstract: "Run scenario files (YAML: territory, changes, events, indicators).",
        subcommands: [ScenarioRunCommand.self]
    )
}

struct ScenarioRunCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Apply a scenario's changes to its territory and compute its indicators.",
        discussion: "Writes DIR/<scenario>/<indicator>.csv and summary.json; a sweep gives one folder per point. Example: maillage scenario run close-ed.yaml --out out/close-ed"
    )

    @Argument(help: "The scenario file.") var file: String
    @Option(help: "The folder to write into.") var out: String
    @Flag(help: "Print the territory-wide values as JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func execute() throws {
        var summaries: [[String: Any]] = []
        for scenario in try ScenarioLoader.load(file) {
            let territory = try TerritoryDatabase.open(at: scenario.territoryPath).loadTerritory()
            let results = try ScenarioRunner.run(scenario, on: territory)
            let folder = out + "/" + ScenarioFiles.safeName(scenario.name)
            for result in results {
                let table = ZoneTable(zoneIDs: result.zoneIDs, columns: [.init(name: result.spec.method, values: .numbers(result.values))])
                try ZoneTableWriter.writeCSV(table, to: folder + "/\(result.spec.label).csv")
            }
            let summary = ScenarioFiles.summary(scenario, results)
            try ScenarioFiles.writeJSON(summary, to: folder + "/summary.json")
            try ScenarioFiles.writeJSON(ScenarioFiles.provenance(scenario), to: folder + "/provenance.json")
            summaries.append(summary)
            global.status("\(scenario.name): \(results.count) indicator(s) → \(folder)")
        }
        if json { print(ScenarioFiles.jsonText(summaries)) }
    }
}
