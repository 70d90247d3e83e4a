import Foundation
import MaillageCore
import MaillageIO
import MaillageScenario
import MaillageSim

/// What scenario commands write: summaries, provenance kept apart from results, JSON text.
public enum ScenarioFiles {
    /// A folder or file name from a scenario name (`more[x=1]` → `more_x=1_`), through the one
    /// sanitiser (`FileNameComponent`): `..`, separators and invisible characters are refused.
    public static func safeName(_ name: String, file: String, key: String = "name") throws -> String {
        do {
            return try FileNameComponent.make(name, field: key)
        } catch let error as MaillageCore.ValidationError {
            throw ScenarioError(file: file, key: key, reason: error.reason)
        }
    }

    /// The file name `compare` gives a scenario's zone differences (`<name>.geojson`), read back by the
    /// report: the substitution of ``safeName(_:file:key:)`` without its refusals, so that a folder written
    /// before names such as `a</b>` were refused still reads (`a__b_`).
    public static func fileName(ofScenario name: String) -> String {
        FileNameComponent.sanitized(name)
    }

    /// The simulation events a scenario turned into, as canonical JSON (what a run records).
    public static func eventsJSON(_ events: [SimulationEvent]) -> String {
        RunJSON.line(events.map(RecordedEvent.init))
    }

    /// Who made a scenario run's results and from what; not part of the byte-identical promise.
    public static func provenance(_ scenario: Scenario, runID: Int64) -> RunProvenance {
        RunProvenance(
            [
                "scenario_file": .text(scenario.file), "scenario_hash": .text(scenario.contentHash),
                "territory": .text(scenario.territoryPath), "seed": .unsigned(scenario.seed),
                "replications": .integer(Int64(scenario.replications)), "scenario_run_id": .integer(runID),
            ], withHost: false)
    }

    /// Who compared what: not part of the byte-identical promise.
    public static func comparisonProvenance(_ plan: ComparisonPlan) -> RunProvenance {
        let scenarios = plan.scenarios.map {
            ["name": $0.name, "file": $0.file, "scenario_hash": $0.contentHash, "territory": $0.territoryPath]
        }
        return RunProvenance(
            [
                "scenarios": .objects(scenarios), "plan_fingerprint": .text(plan.fingerprint),
                "seed": .text(String(plan.seed)),
                "replications": .integer(Int64(plan.replications)), "jobs": .integer(Int64(plan.jobs.count)),
            ], withHost: true)
    }
}
