import Foundation
import MaillageSim
import MaillageTestSupport
import Testing

/// Replays the fuzzing corpora of the simulation's JSON files (`Tests/FuzzCorpus/sim-parameters`
/// and `sim-events`): each must parse or be refused with a ``SimulationError``, never crash (the
/// fuzz targets are `MaillageFuzzSimParameters` and `MaillageFuzzSimEvents`).
@Suite struct SimFilesFuzzCorpusTests {
    /// 2026-01-01 as days since 1970-01-01, as in the fuzz target
    /// (python3: (date(2026,1,1)-date(1970,1,1)).days = 20454).
    static let startDay = 20454

    func bytes(_ format: String, _ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: FuzzCorpus.path(format, name)))
    }

    @Test(arguments: FuzzCorpus.inputs("sim-parameters"))
    func parametersParseOrAreRefused(_ name: String) throws {
        do {
            _ = try ParameterFile.parse(try bytes("sim-parameters", name))
        } catch let error as SimulationError {
            #expect(!name.hasPrefix("seed-"), "the seed \(name) must parse: \(error)")
        }
    }

    @Test(arguments: FuzzCorpus.inputs("sim-events"))
    func eventsParseOrAreRefused(_ name: String) throws {
        do {
            let events = try EventFile.parse(try bytes("sim-events", name), startDay: Self.startDay, days: 365)
            #expect(events.allSatisfy { 0 <= $0.fromDay && $0.fromDay <= $0.toDay && $0.toDay < 365 })
        } catch let error as SimulationError {
            #expect(!name.hasPrefix("seed-"), "the seed \(name) must parse: \(error)")
        }
    }
}
