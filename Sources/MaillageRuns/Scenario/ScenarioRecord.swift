import Foundation
import MaillageCore
import MaillageScenario
import MaillageSim
import MaillageStore

/// How a scenario run is stored: its provenance, accessibility values per zone, simulated territory values.
public enum ScenarioRecord {
    /// The scenario run stored in its territory's database (its simulation is stored beside it).
    public static func run(
        _ scenario: Scenario, territory: Territory, access: [ScenarioRunner.IndicatorResult],
        simulation: (SimulationResult, SimulationRequest)?
    ) -> ScenarioRun {
        var values: [ScenarioRun.Value] = []
        for result in access {
            let label = result.spec.label
            values.append(.init(source: "access", indicator: label, zoneID: "*", value: result.territoryValue))
            for (zone, value) in zip(result.zoneIDs, result.values) {
                values.append(.init(source: "access", indicator: result.spec.label, zoneID: zone, value: value))
            }
        }
        var parameters = "{}"
        if let (result, request) = simulation {
            parameters = ParameterFile.canonicalJSON(request.parameters)
            for indicator in result.territory {
                values.append(
                    .init(
                        source: "simulation", indicator: indicator.name, zoneID: "*", value: indicator.mean,
                        low: indicator.low, high: indicator.high))
            }
        }
        return ScenarioRun(
            name: scenario.name, scenarioFile: URL(fileURLWithPath: scenario.file).standardizedFileURL.path,
            scenarioHash: scenario.contentHash, territoryFingerprint: InputsFingerprint.territory(territory),
            parameters: parameters, seed: String(scenario.seed), replications: scenario.replications,
            days: scenario.days,
            simulationRunID: nil, values: values
        )
    }
}
