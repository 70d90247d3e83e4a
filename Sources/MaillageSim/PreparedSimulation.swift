import MaillageCore

/// A simulation request compiled once (care network, event schedule, parameters), ready to run
/// any replication on any thread.
///
/// A streaming comparison runs replication 0 of every scenario, then replication 1, and so on:
/// it keeps one of these per scenario instead of compiling the request again for every job.
public struct PreparedSimulation: Sendable {
    let network: CareNetwork
    let schedule: EventSchedule
    let parameters: CompiledParameters
    let days: Int
    let seed: UInt64

    /// Compiles `request` once: its care network, event schedule and parameters.
    ///
    /// - Throws: ``SimulationError`` when the territory, parameters or events are refused.
    public init(_ request: SimulationRequest) throws {
        network = try CareNetwork(territory: request.territory, parameters: request.parameters, sample: request.sample)
        schedule = try EventSchedule(request.events, network: network, parameters: request.parameters)
        parameters = CompiledParameters(request.parameters, bands: network.bandIDs)
        days = request.days
        seed = request.seed
    }

    /// Runs replication `index` (its random stream, 0-based) and derives its indicators.
    public func indicators(replication index: Int) throws -> ReplicationIndicators {
        guard index >= 0 else {
            throw SimulationError.invalidParameter(name: "replication", reason: "replication indices start at 0")
        }
        var replication = Replication(
            network: network, schedule: schedule, parameters: parameters, days: days,
            seed: seed, replication: index, logEvents: false)
        return ReplicationIndicators(replication.run(), replication: index, network: network, days: days)
    }
}
