import Foundation
import MaillageTestSupport
import Testing

@testable import MaillageScenario

/// Replays the scenario fuzzing corpus (`Tests/FuzzCorpus/scenario`): every file must load or
/// be refused with a ``ScenarioError``, never crash (the fuzz target is `MaillageFuzzScenario`).
@Suite struct ScenarioFuzzCorpusTests {
    let folder = try! TemporaryFolder()

    @Test(arguments: FuzzCorpus.inputs("scenario"))
    func loadsOrRefuses(_ name: String) throws {
        // The fuzz target writes each input to a `.yaml` file in an empty folder, as here.
        let path = folder.path("\(UUID()).yaml")
        try FileManager.default.copyItem(atPath: FuzzCorpus.path("scenario", name), toPath: path)
        do {
            let scenarios = try ScenarioLoader.load(path)
            #expect(!scenarios.isEmpty)
        } catch let error as ScenarioError {
            #expect(!name.hasPrefix("seed-"), "the seed \(name) must load: \(error)")
            #expect(error.file == path, "\(name): \(error)")
        }
    }
}
