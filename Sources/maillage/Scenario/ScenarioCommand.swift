import ArgumentParser
import Foundation
import MaillageCore
import MaillageFormats
import MaillageIO
import MaillageRuns
import MaillageScenario
import MaillageSim
import MaillageStore

/// `maillage scenario …`: scenario files (YAML: territory, changes, events, indicators).
struct ScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario", abstract: "Run scenario files (YAML: territory, changes, events, indicators).",
        subcommands: [ScenarioRunCommand.self]
    )
}

/// `maillage scenario run FILE`: a what-if's accessibility and simulation, written and stored.
struct ScenarioRunCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Apply a scenario's changes to its territory, compute its indicators and simulate it.",
        discussion: """
            Writes DIR/<scenario>/<indicator>.csv, summary.json, provenance.json and, unless the scenario says \
            'simulation: {enabled: false}', the simulation's files in DIR/<scenario>/simulation/. The run is stored \
            in the territory database with its provenance (scenario file and hash, territory fingerprint, \
            parameters, seed, replications). A sweep gives one folder per point.

            Examples:
              maillage scenario run close-ed.yaml --out out/close-ed
              maillage scenario run heatwave.yaml --replications 10 --json --out out/heatwave
            """
    )

    @Argument(help: "The scenario file.") var file: String
    @OptionGroup var execution: ScenarioRunOptions
    @Flag(help: "Print the territory-wide values as JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func execute() throws {
        var summaries: [ScenarioSummary] = []
        for var scenario in try ScenarioLoader.load(file) {
            if let replications = execution.replications { scenario.replications = replications }
            let progress =
                scenario.simulation.enabled
                ? ProgressBar(estimatedTotal: scenario.replications, unit: "replications", global: global, minimum: 2)
                : nil
            let outcome = try ScenarioRunFolder.run(scenario, out: execution.out, threads: execution.threads) { _ in
                progress?.step()
            }
            progress?.finish()
            let simulated = outcome.simulated ? " and the simulation" : ""
            global.status(
                "\(scenario.name): \(outcome.indicators) indicator(s)\(simulated) → \(outcome.folder) (scenario run \(outcome.runID))"
            )
            summaries.append(outcome.summary)
        }
        if json { print(RunJSON.pretty(summaries)) }
    }
}
