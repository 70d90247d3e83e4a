import Foundation
import MaillageFuzzFormats
import MaillageTestSupport
import Testing

@testable import MaillageScenario

/// Replays `Tests/FuzzCorpus/calibration-shard` through ``FuzzFormat/feed(_:file:database:)``,
/// the call the fuzz target `MaillageFuzzCalibrationShard` makes: `merge` reads a shard and its
/// numbers, or refuses it with a ``ScenarioError`` naming the file, never crashes.
@Suite struct CalibrationShardFuzzCorpusTests {
    let folder = try! TemporaryFolder()

    func read(_ name: String) throws -> (file: String, outcome: Result<(CalibrationShard, Int), ScenarioError>) {
        let file = URL(fileURLWithPath: folder.path("\(UUID()).\(FuzzFormat.calibrationShard.fileExtension)"))
        let data = try Data(
            contentsOf: URL(fileURLWithPath: FuzzCorpus.path(FuzzFormat.calibrationShard.rawValue, name)))
        do {
            let outcome = try FuzzFormat.calibrationShard.feed(data, file: file, database: nil)
            guard case .calibrationShard(let shard, let evaluations) = outcome else {
                throw CocoaError(.coderInvalidValue)
            }
            return (file.path, .success((shard, evaluations)))
        } catch let error as ScenarioError {
            return (file.path, .failure(error))
        }
    }

    @Test func theSeedHoldsItsThreeStartsAndNineEvaluations() throws {
        // `calibrate --shard 1/1` of a spec with starts: 3 and max_evaluations: 6 (history.csv of
        // the same run: 9 lines, starts 0, 1 and 2).
        let (shard, evaluations) = try read("seed-three-starts-1-of-1.json").outcome.get()
        #expect(shard.shard == ComparisonShard(index: 1, count: 1) && shard.starts == [0, 1, 2])
        #expect(shard.evaluations.count == 9 && evaluations == 9)
    }

    func refusal(_ name: String) throws -> String? {
        if case .failure(let error) = try read(name).outcome { error.reason } else { nil }
    }

    @Test func theBrokenInputsAreRefusedForWhatIsWrong() throws {
        // Share 0 of 0 trapped on the range of shares 1…0 (sensitivity shards too); now the file is refused.
        #expect(try refusal("crash-merge-shard-0-of-0.json")?.contains("shard 0/0 is not I/N") == true)
        #expect(try refusal("broken-objective-not-a-number.json")?.contains("'abc', not a number") == true)
        // Found by the fuzzer: share 1 of 94,444,444,444,444,444 listed every missing share, out of
        // memory (comparison and sensitivity merges did the same); now the first ten are named.
        #expect(
            try refusal("crash-merge-shard-count-1e17.json")?.contains(
                "shares 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, … (94444444444444443 in all) of 94444444444444444 are missing")
                == true)
    }

    @Test(arguments: FuzzCorpus.inputs(FuzzFormat.calibrationShard.rawValue))
    func readsOrRefusesNamingTheFile(_ name: String) throws {
        let (file, outcome) = try read(name)
        expectShardCorpusRule(name, file: file, outcome)
    }

    @Test func aSensitivityShardOfShareZeroIsRefusedNotTrapped() throws {
        // The same trap in SensitivityShard.merge, reached by a hand-edited file.
        let path = folder.path("sensitivity-shard-1-of-1.json")
        try Data(#"{"indicators":[],"points":{},"shard":{"count":0,"index":0}}"#.utf8).write(
            to: URL(fileURLWithPath: path))
        #expect(throws: ScenarioError.self) { try SensitivityShard.merge([path]) }
    }

    @Test func missingSharesAreSearchedLazily() {
        #expect(ComparisonShard.missing(of: Int.max) { $0 == 1 } == Array(2...11))
        #expect(ComparisonShard.missing(of: 3) { $0 != 2 } == [2])
        #expect(ComparisonShard.missing(of: 0) { _ in false } == [])
    }
}
