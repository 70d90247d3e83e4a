import Foundation
import MaillageFuzzFormats
import MaillageTestSupport
import Testing

@testable import MaillageScenario

/// Replays `Tests/FuzzCorpus/sensitivity-shard` through ``FuzzFormat/feed(_:file:database:)``,
/// the call the fuzz target `MaillageFuzzSensitivityShard` makes: `merge` reads a shard and
/// computes its indices, or refuses it with a ``ScenarioError`` naming the file, never crashes.
@Suite struct SensitivityShardFuzzCorpusTests {
    let folder = try! TemporaryFolder()

    func read(_ name: String) throws -> (file: String, outcome: Result<SensitivityAnalysis, ScenarioError>) {
        let file = URL(fileURLWithPath: folder.path("\(UUID()).\(FuzzFormat.sensitivityShard.fileExtension)"))
        let data = try Data(
            contentsOf: URL(fileURLWithPath: FuzzCorpus.path(FuzzFormat.sensitivityShard.rawValue, name)))
        do {
            guard
                case .sensitivityShard(let analysis) = try FuzzFormat.sensitivityShard.feed(
                    data, file: file, database: nil)
            else { throw CocoaError(.coderInvalidValue) }
            return (file.path, .success(analysis))
        } catch let error as ScenarioError {
            return (file.path, .failure(error))
        }
    }

    func refusal(_ name: String) throws -> String? {
        if case .failure(let error) = try read(name).outcome { error.reason } else { nil }
    }

    @Test func theSeedIsAMorrisScreeningOfTwoParameters() throws {
        // `sensitivity --method morris --trajectories 2 --days 10 --shard 1/1`: 2 × (2 + 1) points,
        // 84 territory indicators.
        let analysis = try read("seed-morris-1-of-1.json").outcome.get()
        #expect(analysis.plan.pointCount == 6 && analysis.plan.parameters.count == 2)
        #expect(analysis.indicators.count == 84)
    }

    @Test func theBrokenInputsAreRefusedForWhatIsWrong() throws {
        // A point with 3 values for 84 indicators trapped `maillage merge` (index out of range).
        #expect(try refusal("crash-merge-short-row.json")?.contains("point 0 has 3 values for 84 indicators") == true)
        #expect(try refusal("crash-merge-shard-0-of-0.json")?.contains("shard 0/0 is not I/N") == true)
        #expect(try refusal("crash-merge-shard-count-1e17.json")?.contains("shares 2, 3,") == true)
        #expect(try refusal("broken-levels-zero.json")?.contains("levels (0) are not even") == true)
        #expect(try refusal("broken-value-not-a-number.json")?.contains("'abc', not a number") == true)
        #expect(try refusal("broken-point-out-of-design.json")?.contains("out of the design") == true)
    }

    @Test(arguments: FuzzCorpus.inputs(FuzzFormat.sensitivityShard.rawValue))
    func readsOrRefusesNamingTheFile(_ name: String) throws {
        let (file, outcome) = try read(name)
        expectShardCorpusRule(name, file: file, outcome)
    }
}
