import CMaillagePrefetch

extension Replication {
    /// How many events ahead of the one running the engine fetches its agent's state.
    ///
    /// A day's events reach agents in random order, so at the scale of France each one starts
    /// with cache misses on the agent's fields (zone, band, state, draw counter, place, GP,
    /// discharge), one array each: most of `need`'s time went waiting for them. Fetched this far
    /// ahead, they arrive while the events before run.
    static let lookahead = 16

    /// Fetches into the cache what the event will read of its agent (a hint: no value changes;
    /// mutating only so that the replication is not copied to call it).
    @inline(__always)
    mutating func prefetch(_ entry: CalendarEntry) {
        let agent = entry.agent
        if entry.kind == .gpVisit {
            visits.prefetch(agent)
            return
        }
        agents.zone.withUnsafeBufferPointer { maillage_prefetch($0.baseAddress! + agent) }
        agents.band.withUnsafeBufferPointer { maillage_prefetch($0.baseAddress! + agent) }
        agents.state.withUnsafeBufferPointer { maillage_prefetch($0.baseAddress! + agent) }
        agents.drawCounter.withUnsafeBufferPointer { maillage_prefetch($0.baseAddress! + agent) }
        agents.place.withUnsafeBufferPointer { maillage_prefetch($0.baseAddress! + agent) }
        agents.declaredRank.withUnsafeBufferPointer { maillage_prefetch($0.baseAddress! + agent) }
        agents.lastDischarge.withUnsafeBufferPointer { maillage_prefetch($0.baseAddress! + agent) }
    }
}

extension VisitHistory {
    /// Fetches an agent's visit counts into the cache (a hint: no value changes; mutating so as not to be copied).
    @inline(__always)
    mutating func prefetch(_ agent: Int) {
        bins.withUnsafeBufferPointer { maillage_prefetch($0.baseAddress! + agent) }
        summary.withUnsafeBufferPointer { maillage_prefetch($0.baseAddress! + agent) }
    }
}
