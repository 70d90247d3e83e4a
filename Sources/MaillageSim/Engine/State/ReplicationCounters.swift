/// What a replication counts: tallies by zone and by actor, and the daily occupancy series.
struct ReplicationCounters: Sendable {
    /// Every zone's tallies.
    var tally: ZoneTallies
    /// Per actor: contacts, capacity-days offered, capacity-days used.
    var actorContacts: [Double]
    var actorCapacityDays: [Double]
    var actorUsedDays: [Double]
    /// actor × ``ActorPressure``.
    var actorPressure: [Double]
    /// Territory totals per counted day: day × ``OccupancyRole`` × (used, offered).
    var series: [Double]
    /// GP slots in the books per counted day, before any booking.
    var gpSlotsOffered: [Double] = []
    /// Calendar events run.
    var events = 0

    /// Every count at zero.
    init(zones: Int, actors: Int, countedDays: Int) {
        tally = ZoneTallies(zones: zones)
        actorContacts = Array(repeating: 0, count: actors)
        actorCapacityDays = actorContacts
        actorUsedDays = actorContacts
        actorPressure = Array(repeating: 0, count: actors * ActorPressure.count)
        series = Array(repeating: 0, count: countedDays * OccupancyRole.count * 2)
    }

    /// Multiplies every count by `weight` (a sampled run stands for 1 / sample people each).
    ///
    /// In place: a new array per list held the tallies twice (114 MB more at 200,000 zones).
    mutating func scale(by weight: Double) {
        tally.scale(by: weight)
        for index in actorContacts.indices {
            actorContacts[index] *= weight
            actorCapacityDays[index] *= weight
            actorUsedDays[index] *= weight
        }
        for index in actorPressure.indices { actorPressure[index] *= weight }
        for index in series.indices { series[index] *= weight }
    }
}
