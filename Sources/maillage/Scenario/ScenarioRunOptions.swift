import ArgumentParser
import Foundation

/// How scenario files are run, shared by `scenario run` and `compare`: how many replications,
/// how many at once, and the folder the results go to.
struct ScenarioRunOptions: ParsableArguments {
    @Option(
        help: """
            Replications of every scenario (default: the scenario file's 'replications'; the baseline's for compare).
            """)
    var replications: Int?

    @Option(help: "Replications run at once (default: all cores); results do not depend on it.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "The folder to write into.")
    var out: String

    func validate() throws {
        if let replications, replications < 1 { throw ValidationError("--replications must be at least 1.") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1.") }
    }
}
