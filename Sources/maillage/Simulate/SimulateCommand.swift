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
    @Option(help: "A JSON file of events: closures, capacity changes, demand surges, slowed travel.") var events:
        String?
    @Option(
        name: .customLong("event-log"),
        help:
            "Write the first replication's trajectories as a CSV event log (case_id, activity, timestamp, resource, zone)."
    )
    var eventLog: String?
    @Option(
        help: "Simulate this fraction of the inhabitants, in (0, 1]: capacities shrink by it, counts are weighted back."
    )
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
        try simulate()
    }

    private func simulate() throws {
        var settings = SimulationRunner.Settings(database: db, out: out)
        (settings.parametersFile, settings.eventsFile, settings.eventLog) = (params, events, eventLog)
        (settings.days, settings.seed, settings.replications, settings.threads) = (days, seed, replications, threads)
        settings.sample = sample
        let progress = ProgressBar(estimatedTotal: replications, unit: "replications", global: global, minimum: 2)
        let outcome = try SimulationRunner.run(settings, log: global.log) { _ in progress.step() }
        progress.finish()
        if json {
            print(RunJSON.pretty(outcome.summary))
        } else {
            global.status(
                "simulated \(outcome.result.agents) inhabitants for \(days) days × \(replications) replication(s) → \(out) (run \(outcome.runID))"
            )
            print(outcome.text)
        }
    }
}
