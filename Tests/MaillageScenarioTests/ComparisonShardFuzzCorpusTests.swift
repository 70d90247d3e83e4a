import Foundation
import MaillageFuzzFormats
import MaillageTestSupport
import Testing

@testable import MaillageScenario

/// Replays `Tests/FuzzCorpus/comparison-shard` through ``FuzzFormat/feed(_:file:database:)``,
/// the call the fuzz target `MaillageFuzzComparisonShard` makes: the reader `merge` keeps open
/// per shard reads the header and every job, or refuses the file with a ``ScenarioError``
/// naming it, never crashes.
extension Result {
    fileprivate var failure: Failure? { if case .failure(let error) = self { error } else { nil } }
}

@Suite struct ComparisonShardFuzzCorpusTests {
    let folder = try! TemporaryFolder()

    func read(_ name: String) throws -> (
        file: String, outcome: Result<(ComparisonShardHeader, [ComparisonJob]), ScenarioError>
    ) {
        // Written to a `.json` file in an empty folder, as the fuzz target does.
        let file = URL(fileURLWithPath: folder.path("\(UUID()).\(FuzzFormat.comparisonShard.fileExtension)"))
        let data = try Data(
            contentsOf: URL(fileURLWithPath: FuzzCorpus.path(FuzzFormat.comparisonShard.rawValue, name)))
        do {
            let outcome = try FuzzFormat.comparisonShard.feed(data, file: file, database: nil)
            guard case .shard(let header, let jobs) = outcome else { throw CocoaError(.coderInvalidValue) }
            return (file.path, .success((header, jobs)))
        } catch let error as ScenarioError {
            return (file.path, .failure(error))
        }
    }

    @Test func theAccessibilitySeedHoldsItsThreeJobs() throws {
        // `compare access.yaml same.yaml again.yaml --shard 1/1` with the simulation off: one job per
        // scenario, replication 0 only (ComparisonPlan), so 3 jobs in plan order.
        let (header, jobs) = try read("seed-access-1-of-1.json").outcome.get()
        #expect(header.shard == ComparisonShard(index: 1, count: 1) && header.jobs == 3 && header.files.count == 3)
        #expect(
            jobs == [
                ComparisonJob(scenario: 0, replication: 0), ComparisonJob(scenario: 1, replication: 0),
                ComparisonJob(scenario: 2, replication: 0),
            ])
    }

    @Test func theSimulatedSeedHoldsTheSecondOfFourJobs() throws {
        // `compare base.yaml surge.yaml --shard 2/3`, 2 replications, both simulated: 4 jobs
        // (r0 s0, r0 s1, r1 s0, r1 s1); share 2 of 3 takes position 1 only (round robin).
        let (header, jobs) = try read("seed-simulated-2-of-3.json").outcome.get()
        #expect(header.shard == ComparisonShard(index: 2, count: 3) && header.jobs == 1 && header.replications == 2)
        #expect(jobs == [ComparisonJob(scenario: 1, replication: 0)])
    }

    @Test func theBrokenInputsAreRefusedForWhatIsWrong() throws {
        // Cut after 2000 bytes, inside the first (only) job line.
        #expect(try read("broken-cut-mid-job.json").outcome.failure?.reason.contains("job line 1 is damaged") == true)
        // The seed's second job with 11 bytes of zone values (not a whole number of doubles).
        #expect(
            try read("broken-packed-doubles.json").outcome.failure?.reason.contains("job line 2 is damaged") == true)
        // Share 0 of 0: merge built the range 1...0 of shares and trapped (`maillage merge` died with
        // "Range requires lowerBound <= upperBound" before the header check); now the header is refused.
        #expect(try read("crash-merge-shard-0-of-0.json").outcome.failure?.reason.contains("shard 0/0") == true)
        let path = FuzzCorpus.path(FuzzFormat.comparisonShard.rawValue, "crash-merge-shard-0-of-0.json")
        #expect(throws: ScenarioError.self) { try ComparisonShardFile.merge([path]) }
    }

    @Test(arguments: FuzzCorpus.inputs(FuzzFormat.comparisonShard.rawValue))
    func readsOrRefusesNamingTheFile(_ name: String) throws {
        // A file shorter than its header says reads here; merge counts the jobs (ComparisonShardFile).
        let (file, outcome) = try read(name)
        expectShardCorpusRule(name, file: file, outcome)
    }
}
