import Dispatch
import Foundation
import MaillageCore

/// Runs the agent-based simulation of patient trajectories on a territory.
///
/// ```swift
/// let request = try SimulationRequest(territory: territory, days: 365, seed: 1, replications: 4)
/// let result = try Simulation.run(request)
/// print(result.territory.first { $0.name == "gp_contacts_per_inhabitant" }!.mean)
/// ```
public enum Simulation {
    public static func run(_ request: SimulationRequest, progress: (@Sendable (Int) -> Void)? = nil) throws -> SimulationResult {
        let network = try CareNetwork(territory: request.territory, parameters: request.parameters)
        let schedule = try EventSchedule(request.events, network: network, parameters: request.parameters)
        let compiled = CompiledParameters(request.parameters, bands: network.bandIDs)
        let count = request.replications
        let results = UnsafeMutableBufferPointer<ReplicationResult?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deinitialize().deallocate() }
        nonisolated(unsafe) let slots = results
        let work: @Sendable (Int) -> Void = { index in
            var replication = Replication(network: network, schedule: schedule, parameters: compiled, days: request.days,
                                          seed: request.seed, replication: index, logEvents: request.eventLog && index == 0)
            slots[index] = replication.run()
            progress?(index)
        }
        let threads = max(1, request.threads)
        // Replications are independent; each writes its own slot, so the result is the same for any thread count.
        var start = 0
        while start < count {
            let batch = min(threads, count - start)
            if batch == 1 { work(start) } else {
                let offset = start
                DispatchQueue.concurrentPerform(iterations: batch) { work(offset + $0) }
            }
            start += batch
        }
        return SimulationResult(network: network, request: request, replications: results.map { $0! })
    }
}

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

    public init(territory: Territory, parameters: SimulationParameters = .defaults, events: [SimulationEvent] = [],
                days: Int = 365, seed: UInt64 = 1, replications: Int = 1,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount, eventLog: Bool = false) throws {
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
        self.territory = territory
        self.parameters = parameters
        self.events = events
        self.days = days
        self.seed = seed
        self.replications = replications
        self.threads = threads
        self.eventLog = eventLog
    }
}
