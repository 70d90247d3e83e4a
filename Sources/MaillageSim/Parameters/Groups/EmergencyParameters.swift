/// How emergency departments receive, see and admit patients, and how they crowd.
public struct EmergencyParameters: Sendable, Hashable, Codable {
    /// Probability that an urgent emergency visit ends in an admission, by age band.
    public var admissionProbability: BandValues
    /// Share of visits arriving at night, sent on when a department closes at night.
    public var nightShare: Double
    /// Visits a department's staff can see in a day without crowding, per 1,000 inhabitants of
    /// the zones it is the nearest department to (sized on the population: never the observed
    /// visit counts the model is validated on).
    public var staffedVisitsPer1000Served: Double
    /// The least staffed capacity of a department, visits a day.
    public var minimumStaffedVisitsPerDay: Double
    /// Mean wait before being seen when the department is nearly empty, minutes.
    public var baseWaitMinutes: Double
    /// The load (visits of the last 24 hours ÷ staffed capacity) at which the wait stops growing.
    public var maximumLoad: Double
    /// Probability of leaving without being seen per hour of expected wait.
    public var leftWithoutBeingSeenPerWaitingHour: Double
    /// Visits' worth of load that one patient boarding in the department adds (a box taken).
    public var boardingLoadWeight: Double
    /// Hours a patient waits in the department for a bed before being lost to the territory.
    public var boardingCapHours: Double
    /// Share of unmet urgent needs (no department within reach, left without being seen) that return as an emergency visit.
    public var unmetReturnShare: Double
    /// Days from the unmet need to its return.
    public var unmetReturnDelay: Distribution
    /// How a patient chooses among the departments within reach (the nearest by default).
    public var choice: EmergencyChoice

    enum CodingKeys: String, CodingKey {
        case admissionProbability = "admission_probability"
        case nightShare = "night_share"
        case
            staffedVisitsPer1000Served = "staffed_visits_per_1000_served"
        case minimumStaffedVisitsPerDay = "minimum_staffed_visits_per_day"
        case
            baseWaitMinutes = "base_wait_minutes"
        case maximumLoad = "maximum_load"
        case
            leftWithoutBeingSeenPerWaitingHour = "left_without_being_seen_per_waiting_hour"
        case
            boardingLoadWeight = "boarding_load_weight"
        case boardingCapHours = "boarding_cap_hours"
        case
            unmetReturnShare = "unmet_return_share"
        case unmetReturnDelay = "unmet_return_delay"
        case choice
    }
}
