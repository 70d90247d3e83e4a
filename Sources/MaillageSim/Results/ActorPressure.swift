/// What one replication counts per actor about saturation, in a flat array (actor × case).
enum ActorPressure: Int, CaseIterable {
    /// Emergency departments: arrivals, minutes waited, left without being seen.
    case arrivals, waitMinutes, leftWithoutBeingSeen
    /// Hospitals: patients boarding in its department, their hours, sent elsewhere for want of a bed, received, lost.
    case boardingPatients, boardingHours, transfersOut, transfersIn, patientsLost
    /// Hospitals: discharges delayed by full downstream care and the days they waited.
    case dischargesDelayed, dischargeDelayDays
    /// Emergency departments: arrivals of agents in the territory's oldest age band, and
    /// arrivals followed by an admission (SAE's `dt80` and `dtMCO` are per site too).
    case arrivalsOldestBand, admissionsAfterArrival

    static let count = allCases.count
}
