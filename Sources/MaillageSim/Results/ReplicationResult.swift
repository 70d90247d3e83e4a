/// What one replication produced: raw tallies by zone and by actor.
struct ReplicationResult: Sendable {
    /// Every zone's tallies.
    var zoneTally: ZoneTallies
    /// Per territory actor: contacts (visits, admissions, starts), capacity-days offered, used.
    var actorContacts: [Double]
    var actorCapacityDays: [Double]
    var actorUsedDays: [Double]
    /// actor × ``ActorPressure``: crowding, boarding, transfers, losses, delayed discharges.
    var actorPressure: [Double]
    /// Territory totals per counted day: day × ``OccupancyRole`` × (used, offered).
    var series: [Double]
    var agents: Int
    var events: Int
    var log: [EventLog.Row]?
}
