import Foundation
import MaillageSim

/// The events of a run and their text as given, which the run records.
public struct SimulationEventFile {
    /// The events, with their days counted from the start date.
    public var events: [SimulationEvent]
    /// The file's JSON, re-serialised with sorted keys.
    public var json: String

    /// An event list and the JSON it records.
    public init(events: [SimulationEvent], json: String) {
        (self.events, self.json) = (events, json)
    }

    /// A run without events.
    public static var none: SimulationEventFile { SimulationEventFile(events: [], json: "[]") }

    /// Reads the events file for a run of `days` days starting on `startDay`.
    public static func load(_ path: String, startDay: Int, days: Int) throws -> SimulationEventFile {
        let events = try EventFile.load(path, startDay: startDay, days: days)
        let data = FileManager.default.contents(atPath: path) ?? Data()
        let object = (try? JSONSerialization.jsonObject(with: data)) ?? []
        let canonical =
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("[]".utf8)
        return SimulationEventFile(events: events, json: String(decoding: canonical, as: UTF8.self))
    }
}
