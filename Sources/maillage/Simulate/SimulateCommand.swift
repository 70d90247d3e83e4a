import ArgumentParser
import Foundation
import MaillageCore
import MaillageIO
import MaillageRuns
import MaillageSim
import MaillageStore

/// `maillage simulate`: patient trajectories over the territory's care network.
struct SimulateCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate patient trajectories (agents, GP attachment, capacities, hospital and back home).",
        discussion: """
            Writes territory.json, zones.csv, zones.geojson, actors.csv, occupancy.csv (capacity used and offered
            per day and role), parameters.json and provenance.json into --out, and stores the run (parameters,
            events, seed, replications, values, daily series) in the database.
            Parameters: a JSON file overriding any default (data/simulation-parameters.json documents them all).
            Example: maillage simulate --db out/demo.db --days 365 --seed 1 --replications 4 --out sim --json
            """
    )

    @Option(help: "The territory database.") var db: String
    @Option(help: "A JSON file of parameters overriding the defaults.") var params: String?
    @Option(help: "Days simulated and counted, after the warm-up.") var days: Int = 365
    @Option(help: "The random seed: the same seed gives the same results.") var seed: UInt64 = 1
    @Option(help: "Independent replications (means and 95 % Student-t intervals over them).") var replications: Int = 1
    @Option(help: "Replications run at once (default: all cores); results do not depend on it.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "A JSON file of events: closures, capacity changes, demand surges, slowed travel.") var events: String?
    @Option(name: .customLong("event-log"), help: "Write the first replication's trajectories as a CSV event log (case_id, activity, timestamp, resource, zone).")
    var eventLog: String?
    @Option(help: "Simulate this fraction of the inhabitants, in (0, 1]: capacities shrink by it, counts are weighted back.")
    var sample: Double = 1
    @Option(help: "The results folder.") var out: String
    @Flag(help: "Print the territory-wide indicators as JSON on stdout.") var json = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard days >= 1 else { throw ValidationError("--days must be at least 1.") }
        guard replications >= 1 else { throw ValidationError("--replications must be at least 1.") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1.") }
        guard sample > 0, sample <= 1 else { throw ValidationError("--sample must be a fraction in (0, 1].") }
    }

    func execute() throws {
        do {
            try simulate()
        } catch let error as SimulationError {
            if case let .unreadableFile(path, _) = error, !FileManager.default.fileExists(atPath: path) {
                throw CommandError(message: error.description, status: .noInput)
            }
            throw CommandError(message: error.description, status: .dataError)
        }
    }

    /// Every file this run reads, none of which it may write over.
    private var inputs: [OutputGuard.Input] {
        OutputGuard.Input.database(db) + [params.map { .init($0, role: "--params file") }, events.map { .init($0, role: "--events file") }].compactMap { $0 }
    }

    private func simulate() throws {
        if let eventLog { try OutputGuard.check(output: eventLog, role: "--event-log", against: inputs) }
        for name in SimulationOutput.fileNames {
            try OutputGuard.check(output: URL(fileURLWithPath: out).appendingPathComponent(name).path, role: "--out folder's \(name)", against: inputs)
        }
        let clock = ContinuousClock(), started = clock.now
        let database = try TerritoryDatabase.open(at: db)
        let territory = try database.loadTerritory()
        let parameters = try params.map(ParameterFile.load) ?? .defaults
        let startDay = try SimulationRecord.startDay(parameters)
        let eventList = try events.map { try SimulationEventFile.load($0, startDay: startDay, days: days) } ?? .none
        let request = try SimulationRequest(
            territory: territory, parameters: parameters, events: eventList.events, days: days, seed: seed,
            replications: replications, threads: threads, eventLog: eventLog != nil, sample: sample
        )
        let progress = ProgressBar(estimatedTotal: replications, unit: "replications", global: global, minimum: 2)
        let result = try Simulation.run(request) { _ in progress.step() }
        progress.finish()
        let elapsed = clock.now - started
        global.detail("simulated \(result.agents) agents × \(replications) replication(s), \(result.events) events in \(elapsed)")

        try SimulationOutput.write(result, request: request, to: out)
        if let eventLog, let rows = result.eventLog {
            try SimulationOutput.writeEventLog(rows, startDate: parameters.startDate, to: eventLog)
        }
        let run = SimulationRecord.run(result, request: request, eventsJSON: eventList.json)
        let runID = try database.save(run)
        try SimulationOutput.writeProvenance(to: out, runID: runID, database: db, seconds: SimulationRecord.seconds(elapsed),
                                             threads: threads, agents: result.agents)
        if json {
            print(SimulationOutput.territoryJSON(result, request: request, runID: runID))
        } else {
            global.status("simulated \(result.agents) inhabitants for \(days) days × \(replications) replication(s) → \(out) (run \(runID))")
            print(SimulationOutput.summaryText(result))
        }
    }
}
