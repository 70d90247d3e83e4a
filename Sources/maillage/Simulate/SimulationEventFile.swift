import Foundation
import MaillageSim

/// The events of a run and their text as given, which the run records.
struct SimulationEventFile {
    var events: [SimulationEvent]
    /// The file's JSON, re-serialised with sorted keys.
    var json: String

    static func load(_ path: String, startDay: Int, days: Int) throws -> SimulationEventFile {
        let events = try EventFile.load(path, startDay: startDay, days: days)
        let data = FileManager.default.contents(atPath: path) ?? Data()
        let object = (try? JSONSerialization.jsonObject(with: data)) ?? []
        let canonical = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("[]".utf8)
        return SimulationEventFile(events: events, json: String(decoding: canonical, as: UTF8.self))
    }
}
