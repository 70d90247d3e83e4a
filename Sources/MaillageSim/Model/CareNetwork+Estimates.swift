import MaillageCore

extension CareNetwork {
    /// Beds for hospitals without a `beds` capacity, and each emergency department's staffed
    /// capacity, from the population they serve.
    ///
    /// Each zone is served by its nearest hospital; a hospital without beds gets the national
    /// short-stay ratio (`default_beds_per_1000`) times the inhabitants it serves, at least
    /// `minimum_default_beds`, and is marked as an estimate. Staffed emergency capacity is a
    /// figure sized on the inhabitants of the zones it is the nearest department to, or with
    /// a choice model the inhabitants it can expect (`staffed_visits_per_1000_served`, at least the minimum): it never
    /// comes from the observed visits that validation compares against (a scenario may set it with
    /// an `ed_visits_per_day` capacity change).
    mutating func estimateBeds(_ territory: Territory, parameters p: SimulationParameters) {
        var served = [Double](repeating: 0, count: hospital.count)
        for (zone, place) in territory.zones.enumerated() {
            let range = hospitalLists.range(zone)
            guard let first = range.first else { continue }
            served[Int(hospitalLists.providers[first])] += place.population.total
        }
        bedsEstimated = hospital.capacity.map(\.isNaN)
        for position in 0..<hospital.count where bedsEstimated[position] {
            hospital.capacity[position] = max(
                p.hospital.minimumDefaultBeds, (p.hospital.defaultBedsPer1000 * served[position] / 1_000).rounded())
        }
        var servedByDepartment = [Double](repeating: 0, count: emergency.count)
        if p.emergency.choice.isNearest {
            for (zone, place) in territory.zones.enumerated() {
                guard let first = emergencyLists.range(zone).first else { continue }
                servedByDepartment[Int(emergencyLists.providers[first])] += place.population.total
            }
        } else {
            servedByDepartment = expectedServed(parameters: p)
        }
        for department in 0..<emergency.count {
            emergency.capacity[department] = max(
                p.emergency.minimumStaffedVisitsPerDay,
                p.emergency.staffedVisitsPer1000Served * servedByDepartment[department] / 1_000)
        }
    }

    /// For each site, the zone that has it nearest in its candidate list (the first zone on ties); 0 when none reaches it.
    static func zoneOfEachSite(_ lists: CandidateLists, sites: Int) -> [Int32] {
        var zoneOf = [Int32](repeating: 0, count: sites)
        var best = [Float](repeating: .infinity, count: sites)
        for zone in 0..<(lists.offsets.count - 1) {
            for slot in lists.range(zone) {
                let site = Int(lists.providers[slot])
                if lists.minutes[slot] < best[site] {
                    best[site] = lists.minutes[slot]
                    zoneOf[site] = Int32(zone)
                }
            }
        }
        return zoneOf
    }
}
