import Foundation
import MaillageCore
import MaillageIO
import MaillageSim
import MaillageStore

/// Runs a simulation of a stored territory: simulate, write the results folder, store the run.
public enum SimulationRunner {
    /// What to simulate and where to write it: the options of `maillage simulate`.
    public struct Settings: Sendable {
        /// The territory database, where the run is stored.
        public var database: String
        /// A JSON file of parameters overriding the defaults.
        public var parametersFile: String?
        /// A JSON file of events.
        public var eventsFile: String?
        /// Days simulated and counted, after the warm-up.
        public var days = 365
        /// The random seed: the same seed gives the same results.
        public var seed: UInt64 = 1
        /// Independent replications.
        public var replications = 1
        /// Replications run at once; results do not depend on it.
        public var threads = ProcessInfo.processInfo.activeProcessorCount
        /// Where to write the first replication's event log, if anywhere.
        public var eventLog: String?
        /// The fraction of the inhabitants simulated, in (0, 1].
        public var sample = 1.0
        /// The results folder.
        public var out: String

        /// Settings with the defaults of `maillage simulate`.
        public init(database: String, out: String) {
            (self.database, self.out) = (database, out)
        }

        /// Every file this run reads, none of which it may write over.
        var inputs: [OutputGuard.Input] {
            OutputGuard.Input.database(database)
                + [
                    parametersFile.map { .init($0, role: "parameter file") },
                    eventsFile.map { .init($0, role: "events file") },
                ].compactMap { $0 }
        }
    }

    /// What a simulation produced: the result, the stored run, and what the command prints.
    public struct Outcome {
        /// The simulation's result.
        public var result: SimulationResult
        /// The stored run.
        public var runID: Int64
        /// What `--json` prints (territory.json with the run's id).
        public var summary: SimulationSummary
        /// The main indicators, one per line.
        public var text: String
    }

    /// Simulates, writes the results folder (and the event log), stores the run, writes provenance.json.
    ///
    /// - Parameter settings: the database, parameter and event files, run settings and output folder.
    /// - Parameter log: where details and status lines go (nowhere by default).
    /// - Parameter progress: called with each replication's index as it finishes.
    public static func run(
        _ settings: Settings, log: RunLog = .silent, progress: (@Sendable (Int) -> Void)? = nil
    ) throws -> Outcome {
        if let eventLog = settings.eventLog {
            try OutputGuard.check(output: eventLog, role: "event log", against: settings.inputs)
        }
        for name in SimulationOutput.fileNames {
            try OutputGuard.check(
                output: URL(fileURLWithPath: settings.out).appendingPathComponent(name).path,
                role: "output folder's \(name)", against: settings.inputs)
        }
        let clock = ContinuousClock()
        let started = clock.now
        let database = try TerritoryDatabase.open(at: settings.database)
        let territory = try database.loadTerritory()
        database.closeReaders()
        let parameters = try settings.parametersFile.map(ParameterFile.load) ?? .defaults
        let startDay = try parameters.startDay()
        let events =
            try settings.eventsFile.map {
                try SimulationEventFile.load($0, startDay: startDay, days: settings.days)
            } ?? .none
        let request = try SimulationRequest(
            territory: territory, parameters: parameters, events: events.events, days: settings.days,
            seed: settings.seed,
            replications: settings.replications, threads: settings.threads, eventLog: settings.eventLog != nil,
            sample: settings.sample
        )
        let result = try Simulation.run(request, progress: progress)
        let elapsed = clock.now - started
        log.detail(
            "simulated \(result.agents) agents × \(settings.replications) replication(s), "
                + "\(result.events) events in \(elapsed)")

        // The record (the territory's fingerprint, every zone column packed) is made while the
        // files are written; it is stored only once they are.
        let record = try SimulationOutput.write(result, request: request, to: settings.out) {
            try SimulationRecord.run(result, request: request, eventsJSON: events.json)
        }
        if let eventLog = settings.eventLog, let rows = result.eventLog {
            try SimulationOutput.writeEventLog(rows, startDate: parameters.startDate, to: eventLog)
        }
        let runID = try database.save(record)
        try SimulationOutput.writeProvenance(
            to: settings.out, runID: runID, database: settings.database, seconds: SimulationRecord.seconds(elapsed),
            threads: settings.threads, agents: result.agents
        )
        return Outcome(
            result: result, runID: runID, summary: SimulationSummary(result, request: request, runID: runID),
            text: SimulationOutput.summaryText(result))
    }
}
