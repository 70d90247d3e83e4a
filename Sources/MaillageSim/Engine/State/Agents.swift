/// The agents, one per simulated inhabitant, as a struct of arrays indexed by agent (32-bit ids).
///
/// Agents are created zone by zone, so an agent's home zone is found from `zoneStart` alone.
struct Agents: Sendable {
    /// Position in the declared GP's zone list meaning "no declared GP".
    static let noDeclaredGP: UInt8 = 255

    /// The zone the agent lives in (their EHPAD's zone while a resident).
    var zone: [UInt32] = []
    /// The agent's age band (position in the territory's bands).
    var band: [UInt8] = []
    /// Chronic condition and hospital stay.
    var state: [AgentState] = []
    /// Position of the declared GP in the zone's GP list, ``noDeclaredGP`` = none.
    var declaredRank: [UInt8] = []
    /// Draws made so far: the next draw's position in the agent's random stream.
    var drawCounter: [UInt32] = []
    /// The agent's latest discharge record, -1 = none.
    var lastDischarge: [Int32] = []
    /// The long-stay place held or waited for.
    var place: [PlaceHold] = []
    /// First agent of each zone, zones + 1 entries.
    var zoneStart: [Int] = []

    /// Agents in the replication.
    var count: Int { zone.count }

    /// The zone an agent was created in (where they live unless in an EHPAD).
    func homeZone(_ agent: Int) -> Int {
        var low = 0
        var high = zoneStart.count - 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if zoneStart[middle] <= agent { low = middle } else { high = middle }
        }
        return low
    }

    /// Whether the agent lives in an EHPAD.
    @inline(__always)
    func isResident(_ agent: Int) -> Bool { place[agent].holds(.ehpad) }

    /// Whether the agent has declared a GP.
    @inline(__always)
    func hasDeclaredGP(_ agent: Int) -> Bool { declaredRank[agent] != Self.noDeclaredGP }
}
