import Foundation
import MaillageCore

/// What to simulate: a territory, parameters, events, horizon, seed and replications.
public struct SimulationRequest: Sendable {
    public var territory: Territory
    public var parameters: SimulationParameters
    public var events: [SimulationEvent]
    public var days: Int
    public var seed: UInt64
    public var replications: Int
    public var threads: Int
    /// Keep the first replication's trajectory events.
    public var eventLog: Bool
    /// The fraction of inhabitants simulated, in (0, 1]: capacities shrink by it and counts
    /// are weighted back by its inverse, so rates and shares keep their meaning.
    public var sample: Double

    public init(territory: Territory, parameters: SimulationParameters = .defaults, events: [SimulationEvent] = [],
                days: Int = 365, seed: UInt64 = 1, replications: Int = 1,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount, eventLog: Bool = false,
                sample: Double = 1) throws {
        guard sample.isFinite, sample > 0, sample <= 1 else {
            throw SimulationError.invalidParameter(name: "sample", reason: "\(sample) is not a fraction in (0, 1]")
        }
        guard (1...36_500).contains(days) else {
            throw SimulationError.invalidParameter(name: "days", reason: "\(days) is outside 1...36500")
        }
        guard (1...10_000).contains(replications) else {
            throw SimulationError.invalidParameter(name: "replications", reason: "\(replications) is outside 1...10000")
        }
        guard (1...1_024).contains(threads) else {
            throw SimulationError.invalidParameter(name: "threads", reason: "\(threads) is outside 1...1024")
        }
        try parameters.validate()
        try SimulationEvent.checkLimits(events)
        try MemoryBudget.check(territory: territory, sample: sample, concurrent: min(threads, replications))
        self.territory = territory
        self.parameters = parameters
        self.events = events
        self.days = days
        self.seed = seed
        self.replications = replications
        self.threads = threads
        self.eventLog = eventLog
        self.sample = sample
    }
}
