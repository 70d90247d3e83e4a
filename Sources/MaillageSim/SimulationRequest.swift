import Foundation
import MaillageCore

/// What to simulate: a territory, parameters, events, horizon, seed and replications.
public struct SimulationRequest: Sendable {
    /// The territory whose people and care network are simulated.
    public var territory: Territory
    /// Every rate, probability and distribution the model uses.
    public var parameters: SimulationParameters
    /// What happens to the territory during the run (closures, surges, epidemics).
    public var events: [SimulationEvent]
    /// The counted days, from the start date (the warm-up comes before them).
    public var days: Int
    /// The seed: with the replication index it fixes every draw.
    public var seed: UInt64
    /// Independent replications, averaged into the result with their intervals.
    public var replications: Int
    /// Replications run at once; the result does not depend on it.
    public var threads: Int
    /// Keep the first replication's trajectory events.
    public var eventLog: Bool
    /// The fraction of inhabitants simulated, in (0, 1]: capacities shrink by it and counts
    /// are weighted back by its inverse, so rates and shares keep their meaning.
    public var sample: Double

    /// A request whose numbers are in range.
    ///
    /// - Throws: ``SimulationError/invalidParameter(name:reason:)`` for a sample outside (0, 1], days outside
    ///   1...36,500, replications outside 1...10,000 or threads outside 1...1,024, invalid parameters or events, or a
    ///   territory too large for memory.
    public init(
        territory: Territory, parameters: SimulationParameters = .defaults, events: [SimulationEvent] = [],
        days: Int = 365, seed: UInt64 = 1, replications: Int = 1,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount, eventLog: Bool = false,
        sample: Double = 1
    ) throws {
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
