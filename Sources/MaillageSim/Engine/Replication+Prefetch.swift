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

extension Replication {
    /// Fetches what a need will read of its agent's zone: the zone's first tallies and its surge
    /// bound (a hint, as ``prefetch(_:)``).
    ///
    /// On a 200,000-zone grid the zones' tallies were 114 MB (68 MB now), and counting a need waited on them
    /// for half of `need`'s time, the surge bound for a fifth (perf annotate). The zone is known
    /// only once the agent's state is in the cache, so this runs half as far ahead as
    /// ``prefetch(_:)``, on the zone it fetched.
    @inline(__always)
    mutating func prefetchZone(_ entry: CalendarEntry) {
        guard entry.kind == .need else { return }
        let zone = Int(agents.zone[entry.agent])
        counters.tally.prefetchNeeds(zone: zone)
        schedule.surgeMax.withUnsafeBufferPointer { maillage_prefetch($0.baseAddress! + zone) }
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
