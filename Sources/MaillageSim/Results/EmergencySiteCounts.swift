/// One emergency department's year as SAE counts it: visits, visits of the oldest age band,
/// visits followed by an admission, per year and for the whole population (a sampled run's
/// counts weighted back by 1/sample, as a run's actor counts are).
///
/// Calibration and validation compare these with SAE's `PASSU`, `dt80` and `dtMCO` per site.
public struct EmergencySiteCounts: Sendable, Equatable, Codable {
    /// The department's actor id (its FINESS number for an imported territory).
    public var actorID: String
    /// Visits a year (every arrival, the ones who left without being seen included, as SAE's `PASSU`).
    public var visits: Double
    /// Visits a year of patients in the territory's oldest age band (`75+` with INSEE's bands).
    public var visitsOldestBand: Double
    /// Visits a year followed by an admission (SAE's `dtMCO`).
    public var admissions: Double

    /// A department's yearly counts.
    public init(actorID: String, visits: Double, visitsOldestBand: Double, admissions: Double) {
        self.actorID = actorID
        self.visits = visits
        self.visitsOldestBand = visitsOldestBand
        self.admissions = admissions
    }

    /// The mean of each department's counts over replications (departments in the order of the first).
    public static func mean(_ replications: [[EmergencySiteCounts]]) -> [EmergencySiteCounts] {
        guard let first = replications.first else { return [] }
        let n = Double(replications.count)
        return first.indices.map { index in
            EmergencySiteCounts(
                actorID: first[index].actorID,
                visits: replications.reduce(0) { $0 + $1[index].visits } / n,
                visitsOldestBand: replications.reduce(0) { $0 + $1[index].visitsOldestBand } / n,
                admissions: replications.reduce(0) { $0 + $1[index].admissions } / n)
        }
    }
}

extension EmergencySiteCounts {
    /// Each emergency department's counts in one replication, scaled to a year and to everyone.
    static func sites(_ result: ReplicationResult, network: CareNetwork, days: Int) -> [EmergencySiteCounts] {
        // The counters were weighted back by 1/sample when the replication finished.
        let scale = 365 / Double(days)
        var seen = Set<Int>()
        return network.emergency.actors.compactMap { actor in
            guard seen.insert(actor).inserted else { return nil }
            func value(_ what: ActorPressure) -> Double {
                result.actorPressure[actor * ActorPressure.count + what.rawValue] * scale
            }
            return EmergencySiteCounts(
                actorID: network.territory.actors[actor].id, visits: value(.arrivals),
                visitsOldestBand: value(.arrivalsOldestBand), admissions: value(.admissionsAfterArrival))
        }
    }
}

extension CareNetwork {
    /// The index of the territory's oldest age band (its bands run from age 0 upwards).
    var oldestBand: Int { bandIDs.count - 1 }
}
