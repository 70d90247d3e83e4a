import Foundation
import MaillageCore
import MaillageFormats
import MaillageIO
import MaillageScenario
import MaillageSim
import MaillageStore

/// A scenario run: its indicators and simulation computed, written into its folder and stored.
///
/// Writes `<out>/<scenario>/<indicator>.csv`, summary.json, provenance.json and, when the
/// scenario simulates, the simulation's files in `simulation/`; stores the run (with its
/// simulation) in the scenario's territory database.
public enum ScenarioRunFolder {
    /// What a scenario run produced.
    public struct Outcome: Sendable {
        /// What summary.json holds and `--json` prints.
        public var summary: ScenarioSummary
        /// The scenario's results folder.
        public var folder: String
        /// The stored scenario run.
        public var runID: Int64
        /// Accessibility indicators computed.
        public var indicators: Int
        /// Whether the scenario simulated.
        public var simulated: Bool
    }

    /// Runs `scenario` into `out`/<its name>.
    ///
    /// - Parameter scenario: the scenario, as read from its file.
    /// - Parameter out: the folder under which the scenario's own folder is made.
    /// - Parameter threads: replications run at once; the results are the same whatever the number.
    /// - Parameter progress: called with each replication's index as it finishes.
    public static func run(
        _ scenario: Scenario, out: String, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        progress: (@Sendable (Int) -> Void)? = nil
    ) throws -> Outcome {
        // The name is checked before any work: it becomes a folder.
        let name = try ScenarioFiles.safeName(scenario.name, file: scenario.file)
        let folder = URL(fileURLWithPath: out).appendingPathComponent(name).path
        func path(_ file: String) -> String { URL(fileURLWithPath: folder).appendingPathComponent(file).path }
        let labels = try scenario.indicators.map {
            try ScenarioFiles.safeName($0.label, file: $0.file, key: "indicators") + ".csv"
        }
        let written =
            labels + ["summary.json", "provenance.json"] + SimulationOutput.fileNames.map { "simulation/" + $0 }
        try OutputGuard.check(outputs: written.map(path), role: "the scenario's results", against: scenario.inputs)
        let database = try TerritoryDatabase.open(at: scenario.territoryPath)
        let territory = try database.loadTerritory()
        database.closeReaders()
        let results = try ScenarioRunner.run(scenario, on: territory)
        for result in results {
            let column = ZoneTable.Column(name: result.spec.method.rawValue, values: .numbers(result.values))
            let name = try ScenarioFiles.safeName(result.spec.label, file: result.spec.file, key: "indicators")
            try ZoneTableWriter.writeCSV(ZoneTable(zoneIDs: result.zoneIDs, columns: [column]), to: path(name + ".csv"))
        }
        var simulated: (SimulationResult, SimulationRequest)?
        if scenario.simulation.enabled {
            let request = try scenario.simulationRequest(on: territory, threads: threads)
            let result = try scenario.simulate(request, progress: progress)
            try SimulationOutput.write(result, request: request, to: folder + "/simulation")
            simulated = (result, request)
        }
        let runID = try database.save(
            ScenarioRecord.run(scenario, territory: territory, access: results, simulation: simulated),
            simulation: simulated.map { result, request in
                SimulationRecord.run(result, request: request, eventsJSON: ScenarioFiles.eventsJSON(request.events))
            }
        )
        let summary = ScenarioSummary(scenario, results, simulation: simulated?.0)
        try RunJSON.write(summary, to: path("summary.json"))
        try RunJSON.write(ScenarioFiles.provenance(scenario, runID: runID), to: path("provenance.json"))
        return Outcome(
            summary: summary, folder: folder, runID: runID, indicators: results.count,
            simulated: simulated != nil)
    }
}
