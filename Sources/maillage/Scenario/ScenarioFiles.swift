import Foundation
import MaillageCore
import MaillageIO
import MaillageScenario

/// What scenario commands write: summaries, provenance kept apart from results, JSON text.
enum ScenarioFiles {
    /// A folder or file name from a scenario name (`more[x=1]` → `more_x=1_`).
    static func safeName(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber || "-_=.".contains($0) ? $0 : "_" })
    }

    static func summary(_ scenario: Scenario, _ results: [ScenarioRunner.IndicatorResult]) -> [String: Any] {
        var indicators: [String: Any] = [:]
        for result in results where !result.territoryValue.isNaN { indicators[result.spec.label] = result.territoryValue }
        return ["scenario": scenario.name, "access_day": scenario.accessDay, "changes": scenario.changes.count, "indicators": indicators]
    }

    /// Who made the results and from what; not part of the byte-identical promise.
    static func provenance(_ scenario: Scenario) -> [String: Any] {
        ["scenario_file": scenario.file, "scenario_hash": scenario.contentHash, "territory": scenario.territoryPath,
         "seed": scenario.seed, "replications": scenario.replications, "maillage_version": MaillageVersion.current,
         "created_at": ISO8601DateFormatter().string(from: Date())]
    }

    static func writeJSON(_ object: Any, to path: String) throws {
        try TextFile.write(jsonText(object) + "\n", to: path)
    }

    static func jsonText(_ object: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
