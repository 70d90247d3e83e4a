import Foundation

extension CareNetwork {
    /// A department's pull in the emergency choice (0 when the patient may not go there).
    ///
    /// `extraMinutes` is the trip's time beyond the zone's nearest department, so that the
    /// nearest has a distance term of 1 and a small scale cannot make every pull underflow.
    @inline(__always)
    func emergencyPull(_ department: Int, child: Bool, extraMinutes: Double, choice: EmergencyChoice) -> Double {
        let paediatric = child && emergencyPaediatric[department] && choice.paediatricWeight > 0
        guard emergencyGeneral[department] || paediatric else { return 0 }
        var pull = emergencySize[department]
        if choice.minutesScale > 0 { pull *= exp(-extraMinutes / choice.minutesScale) }
        if paediatric { pull *= choice.paediatricWeight }
        return pull
    }

    /// Inhabitants each department can expect, children and adults apart, every department open:
    /// what its staffed capacity is sized on when the choice is not the nearest department.
    func expectedServed(parameters p: SimulationParameters) -> [Double] {
        var served = [Double](repeating: 0, count: emergency.count)
        let choice = p.emergency.choice
        let limit = p.travel.emergencyLimitMinutes
        let bands = bandIDs.count
        for (zone, place) in territory.zones.enumerated() {
            let range = emergencyLists.range(zone)
            guard let first = range.first else { continue }
            let agents = agentsPerZoneBand[(zone * bands)..<((zone + 1) * bands)]
            let children = zip(agents, emergencyChildBand).reduce(0) { $0 + ($1.1 ? $1.0 : 0) }
            let total = agents.reduce(0, +)
            let childShare = total > 0 ? Double(children) / Double(total) : 0
            for (child, share) in [(true, childShare), (false, 1 - childShare)] where share > 0 {
                var pulls: [(department: Int, pull: Double)] = []
                for slot in range where Double(emergencyLists.minutes[slot]) <= limit {
                    let department = Int(emergencyLists.providers[slot])
                    let extra = Double(emergencyLists.minutes[slot] - emergencyLists.minutes[first])
                    let pull = emergencyPull(department, child: child, extraMinutes: extra, choice: choice)
                    if pull > 0 { pulls.append((department, pull)) }
                    // With no distance term the patient goes to the nearest they may use.
                    if pull > 0, choice.minutesScale == 0 { break }
                }
                let sum = pulls.reduce(0) { $0 + $1.pull }
                guard sum > 0 else { continue }
                for (department, pull) in pulls {
                    served[department] += place.population.total * share * pull / sum
                }
            }
        }
        return served
    }
}
