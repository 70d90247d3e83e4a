import Foundation
import MaillageFuzzFormats
import MaillageTestSupport
import Testing

@testable import MaillageScenario

/// Replays the scenario fuzzing corpus (`Tests/FuzzCorpus/scenario`) through
/// ``FuzzFormat/feed(_:file:database:)``, the call the fuzz target `MaillageFuzzScenario` makes:
/// every file must load or be refused with a ``ScenarioError`` naming it, never crash.
@Suite struct ScenarioFuzzCorpusTests {
    let folder = try! TemporaryFolder()

    @Test(arguments: FuzzCorpus.inputs(FuzzFormat.scenario.rawValue))
    func loadsOrRefuses(_ name: String) throws {
        // Written to a `.yaml` file in an empty folder, as the fuzz target does.
        let file = URL(fileURLWithPath: folder.path("\(UUID()).\(FuzzFormat.scenario.fileExtension)"))
        let data = try Data(contentsOf: URL(fileURLWithPath: FuzzCorpus.path(FuzzFormat.scenario.rawValue, name)))
        do {
            let outcome = try FuzzFormat.scenario.feed(data, file: file, database: nil)
            guard case .scenarios(let scenarios) = outcome else {
                Issue.record("\(name): \(outcome)")
                return
            }
            #expect(!scenarios.isEmpty)
        } catch let error as ScenarioError {
            #expect(!name.hasPrefix("seed-"), "the seed \(name) must load: \(error)")
            #expect(error.file == file.path, "\(name): \(error)")
        }
    }
}
