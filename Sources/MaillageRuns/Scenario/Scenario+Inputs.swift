import MaillageIO
import MaillageScenario

extension Scenario {
    /// The files a scenario reads (its territory, its parameter file, the scenario file itself):
    /// none of them may be written over.
    public var inputs: [OutputGuard.Input] {
        OutputGuard.Input.database(territoryPath, role: "territory") + [OutputGuard.Input(file, role: "scenario file")]
            + [parametersPath.map { OutputGuard.Input($0, role: "params file") }].compactMap { $0 }
    }
}
