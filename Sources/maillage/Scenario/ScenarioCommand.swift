import ArgumentParser
import Foundation
import MaillageCore
import MaillageIO
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
        var summaries: [[String: Any]] = []
        for var scenario in try ScenarioLoader.load(file) {
            if let replications = execution.replications { scenario.replications = replications }
            summaries.append(try run(scenario))
        }
        if json { print(ScenarioFiles.jsonText(summaries)) }
    }

    private func run(_ scenario: Scenario) throws -> [String: Any] {
        // The name is checked before any work: it becomes a folder.
        let folder = URL(fileURLWithPath: execution.out).appendingPathComponent(try ScenarioFiles.safeName(scenario.name, file: scenario.file)).path
        let labels = try scenario.indicators.map { try ScenarioFiles.safeName($0.label, file: $0.file, key: "indicators") + ".csv" }
        let written = labels + ["summary.json", "provenance.json"] + SimulationOutput.fileNames.map { "simulation/" + $0 }
        try OutputGuard.check(outputs: written.map { URL(fileURLWithPath: folder).appendingPathComponent($0).path },
                              role: "the scenario's results", against: inputs(of: scenario))
        let database = try TerritoryDatabase.open(at: scenario.territoryPath)
        let territory = try database.loadTerritory()
        let results = try ScenarioRunner.run(scenario, on: territory)
        for result in results {
            let table = ZoneTable(zoneIDs: result.zoneIDs, columns: [.init(name: result.spec.method.rawValue, values: .numbers(result.values))])
            let name = try ScenarioFiles.safeName(result.spec.label, file: result.spec.file, key: "indicators")
            try ZoneTableWriter.writeCSV(table, to: URL(fileURLWithPath: folder).appendingPathComponent(name + ".csv").path)
        }
        var simulated: (SimulationResult, SimulationRequest)?
        if scenario.simulation.enabled {
            let request = try scenario.simulationRequest(on: territory, threads: execution.threads)
            let progress = ProgressBar(estimatedTotal: scenario.replications, unit: "replications", global: global, minimum: 2)
            let result = try scenario.simulate(request) { _ in progress.step() }
            progress.finish()
            try SimulationOutput.write(result, request: request, to: folder + "/simulation")
            simulated = (result, request)
        }
        let runID = try store(scenario, territory: territory, access: results, simulation: simulated, in: database)
        let summary = ScenarioFiles.summary(scenario, results, simulation: simulated?.0)
        try ScenarioFiles.writeJSON(summary, to: folder + "/summary.json")
        var provenance = ScenarioFiles.provenance(scenario)
        provenance["scenario_run_id"] = runID
        try ScenarioFiles.writeJSON(provenance, to: folder + "/provenance.json")
        global.status("\(scenario.name): \(results.count) indicator(s)\(simulated == nil ? "" : " and the simulation") → \(folder) (scenario run \(runID))")
        return summary
    }

    /// The files a scenario reads: its territory, its parameter file, the scenario file itself.
    private func inputs(of scenario: Scenario) -> [OutputGuard.Input] {
        OutputGuard.Input.database(scenario.territoryPath, role: "territory") + [OutputGuard.Input(scenario.file, role: "scenario file")]
            + [scenario.parametersPath.map { OutputGuard.Input($0, role: "params file") }].compactMap { $0 }
    }

    private func store(_ scenario: Scenario, territory: Territory, access: [ScenarioRunner.IndicatorResult],
                       simulation: (SimulationResult, SimulationRequest)?, in database: TerritoryDatabase) throws -> Int64 {
        var simulationRun: SimulationRun?
        var values: [ScenarioRun.Value] = []
        for result in access {
            values.append(.init(source: "access", indicator: result.spec.label, zoneID: "*", value: result.territoryValue))
            for (zone, value) in zip(result.zoneIDs, result.values) {
                values.append(.init(source: "access", indicator: result.spec.label, zoneID: zone, value: value))
            }
        }
        var parameters = "{}"
        if let (result, request) = simulation {
            let events = ScenarioFiles.eventsJSON(request.events)
            simulationRun = SimulationRecord.run(result, request: request, eventsJSON: events)
            parameters = ParameterFile.canonicalJSON(request.parameters)
            for indicator in result.territory {
                values.append(.init(source: "simulation", indicator: indicator.name, zoneID: "*", value: indicator.mean,
                                    low: indicator.low, high: indicator.high))
            }
        }
        let run = ScenarioRun(
            name: scenario.name, scenarioFile: URL(fileURLWithPath: scenario.file).standardizedFileURL.path, scenarioHash: scenario.contentHash,
            territoryFingerprint: SimulationRecord.fingerprint(territory, extra: []), parameters: parameters, seed: String(scenario.seed),
            replications: scenario.replications, days: scenario.days, simulationRunID: nil, values: values
        )
        return try database.save(run, simulation: simulationRun)
    }
}
