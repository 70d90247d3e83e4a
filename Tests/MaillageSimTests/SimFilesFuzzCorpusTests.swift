import Foundation
import MaillageFuzzFormats
import MaillageSim
import MaillageTestSupport
import Testing

/// Replays the fuzzing corpora of the simulation's JSON files (`Tests/FuzzCorpus/sim-parameters`
/// and `sim-events`) through ``FuzzFormat/feed(_:file:database:)``, the call the fuzz targets
/// `MaillageFuzzSimParameters` and `MaillageFuzzSimEvents` make: each must parse or be refused
/// with a ``SimulationError``, never crash.
@Suite struct SimFilesFuzzCorpusTests {
    let folder = try! TemporaryFolder()

    @Test(arguments: FuzzCorpus.entries([FuzzFormat.simParameters.rawValue, FuzzFormat.simEvents.rawValue]))
    func parsesOrIsRefused(_ entry: String) throws {
        let (folderName, name) = FuzzCorpus.split(entry)
        let format = try #require(FuzzFormat(rawValue: folderName))
        let data = try Data(contentsOf: URL(fileURLWithPath: FuzzCorpus.path(entry)))
        do {
            switch try format.feed(data, file: URL(fileURLWithPath: folder.path("\(UUID()).json")), database: nil) {
            case .parameters: break
            case .events(let events):
                // Every event within the year read: 0 ≤ from ≤ to < 365.
                #expect(events.allSatisfy { 0 <= $0.fromDay && $0.fromDay <= $0.toDay && $0.toDay < 365 }, "\(entry)")
            case let other: Issue.record("\(entry): \(other)")
            }
        } catch let error as SimulationError {
            #expect(!name.hasPrefix("seed-"), "the seed \(entry) must parse: \(error)")
        }
    }

    @Test func everyInputIsReplayed() {
        // ls Tests/FuzzCorpus/sim-parameters Tests/FuzzCorpus/sim-events | grep -c '\.' = 8.
        #expect(FuzzCorpus.entries([FuzzFormat.simParameters.rawValue, FuzzFormat.simEvents.rawValue]).count == 8)
    }
}
