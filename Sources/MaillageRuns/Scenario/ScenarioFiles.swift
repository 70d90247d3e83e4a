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

    /// The simulation events a scenario turned into, as canonical JSON (what a run records).
    public static func eventsJSON(_ events: [SimulationEvent]) -> String {
        let objects: [[String: Any]] = events.map { event in
            var object: [String: Any] = ["from": event.fromDay, "to": event.toDay]
            switch event.change {
            case let .close(actor, nightOnly): object["type"] = "close"; object["actor"] = actor; object["night_only"] = nightOnly
            case let .capacity(actor, measure, value): object["type"] = "capacity"; object["actor"] = actor; object["measure"] = measure.rawValue; object["value"] = value
            case let .surge(zones, factor, needs): object["type"] = "surge"; object["zones"] = zones; object["factor"] = factor; object["needs"] = needs.map(\.rawValue)
            case let .slowTravel(zones, factor): object["type"] = "slow_travel"; object["zones"] = zones; object["factor"] = factor
            case let .epidemic(zones, peak, intensity, needs):
                object["type"] = "epidemic"; object["zones"] = zones; object["peak"] = peak; object["intensity"] = intensity
                object["needs"] = needs.map(\.rawValue)
            }
            return object
        }
        let data = (try? JSONSerialization.data(withJSONObject: objects, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// Who made the results and from what; not part of the byte-identical promise.
    public static func provenance(_ scenario: Scenario) -> [String: Any] {
        ["scenario_file": scenario.file, "scenario_hash": scenario.contentHash, "territory": scenario.territoryPath,
         "seed": scenario.seed, "replications": scenario.replications, "maillage_version": MaillageVersion.current,
         "created_at": ISO8601DateFormatter().string(from: Date())]
    }

    /// Who compared what: not part of the byte-identical promise.
    public static func comparisonProvenance(_ plan: ComparisonPlan) -> [String: Any] {
        ["scenarios": plan.scenarios.map { ["name": $0.name, "file": $0.file, "scenario_hash": $0.contentHash, "territory": $0.territoryPath] },
         "plan_fingerprint": plan.fingerprint, "seed": String(plan.seed), "replications": plan.replications, "jobs": plan.jobs.count,
         "maillage_version": MaillageVersion.current, "created_at": ISO8601DateFormatter().string(from: Date()),
         "host": ProcessInfo.processInfo.hostName, "command": CommandLine.arguments.joined(separator: " ")]
    }

    public static func writeJSON(_ object: Any, to path: String) throws {
        try TextFile.write(jsonText(object) + "\n", to: path)
    }

    public static func jsonText(_ object: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
