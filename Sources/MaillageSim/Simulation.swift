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
    /// Runs every replication of `request`, on its threads, and averages them.
    ///
    /// `progress` is called with the number of replications done, as each finishes.
    ///
    /// - Throws: ``SimulationError`` for parameters, events or a territory the model cannot use.
    public static func run(_ request: SimulationRequest, progress: (@Sendable (Int) -> Void)? = nil) throws
        -> SimulationResult
    {
        let network = try CareNetwork(
            territory: request.territory, parameters: request.parameters, sample: request.sample)
        let schedule = try EventSchedule(request.events, network: network, parameters: request.parameters)
        let compiled = CompiledParameters(request.parameters, bands: network.bandIDs)
        let count = request.replications
        let results = UnsafeMutableBufferPointer<ReplicationResult?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deinitialize().deallocate() }
        nonisolated(unsafe) let slots = results
        let work: @Sendable (Int) -> Void = { index in
            var replication = Replication(
                network: network, schedule: schedule, parameters: compiled, days: request.days,
                seed: request.seed, replication: index, logEvents: request.eventLog && index == 0)
            slots[index] = replication.run()
            progress?(index)
        }
        let threads = max(1, request.threads)
        // Replications are independent; each writes its own slot, so the result is the same for any thread count.
        var start = 0
        while start < count {
            let batch = min(threads, count - start)
            if batch == 1 {
                work(start)
            } else {
                let offset = start
                DispatchQueue.concurrentPerform(iterations: batch) { work(offset + $0) }
            }
            start += batch
        }
        // Moved out, not copied: the result hands a lone replication's tallies back to the system as
        // it reads them, which it may do only as their one owner. So too the network, which the
        // workers' closure no longer holds.
        let taken = results.indices.map { index in
            defer { results[index] = nil }
            return results[index]!
        }
        _ = consume work
        return SimulationResult(network: consume network, request: request, replications: taken)
    }
}
