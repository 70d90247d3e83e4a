extension Replication {
    /// Starts long-stay resources near their steady state instead of empty.
    ///
    /// Each EHPAD, hospital, SSIAD and HAD is filled up to `steady_state.*_occupancy` of its
    /// capacity (or to the share the territory's demand sustains, when lower) by agents drawn in the replication's random order, with a probability by age
    /// band proportional to the band's entry rate into that resource (so that residents are as
    /// old as entrants), each taking the nearest (or covering) one with room below its target.
    /// Their time left is drawn from the equilibrium (length-biased) distribution of the
    /// resource's length of stay, so that ends are spread as they are in a steady state.
    mutating func fillSteadyState(_ order: [UInt32]) {
        let s = c.p.steadyState
        let bands = net.bandIDs.count
        var people = [Double](repeating: 0, count: bands)
        for (index, count) in net.agentsPerZoneBand.enumerated() { people[index % bands] += Double(count) }
        let weights: [[Double]] = [
            // SSIAD and HAD: requests from home plus discharges with home care.
            (0..<bands).map { c.homeEntryRate[0][$0] + c.homeCare[$0] * (1 - c.p.discharge.hadShare) * c.admissionRate[$0] },
            (0..<bands).map { c.homeEntryRate[1][$0] + c.homeCare[$0] * c.p.discharge.hadShare * c.admissionRate[$0] },
            (0..<bands).map { c.homeEntryRate[2][$0] + c.ehpad[$0] * c.admissionRate[$0] },
            c.admissionRate,
        ]
        // The documented occupancy, unless the territory's own demand (entry rate × mean stay,
        // summed over its people) cannot keep that many places filled: a start above the model's
        // equilibrium would only drain during the run (a territory with more EHPAD places than demand).
        let means = [c.ssiadStay.mean, c.hadStay.mean, c.ehpadStay.mean]
        var sustained = (0..<3).map { resource in zip(weights[resource], people).reduce(0) { $0 + $1.0 * $1.1 } * means[resource] }
        sustained.append(zip(c.bedDayRate, people).reduce(0) { $0 + $1.0 * $1.1 })
        let capacities = (0..<3).map { Double(placeCap[$0].reduce(0) { $0 + Int($1) }) } + [Double(bedsCap.reduce(0) { $0 + Int($1) })]
        let documented = [s.ssiadOccupancy, s.hadOccupancy, s.ehpadOccupancy, s.bedOccupancy]
        let occupancy = (0..<4).map { capacities[$0] > 0 ? min(documented[$0], sustained[$0] / capacities[$0]) : 0 }
        var targets: [[Int32]] = (0..<3).map { role in placeCap[role].map { Int32((Double($0) * occupancy[role]).rounded()) } }
        targets.append(bedsCap.map { Int32((Double($0) * occupancy[3]).rounded()) })
        // Probability by band: the targets' total shared in proportion to entry rate × people,
        // with 20 % more draws so that resources whose zones run out of candidates still fill.
        let probability: [[Double]] = (0..<4).map { resource in
            let total = Double(targets[resource].reduce(0) { $0 + Int($1) })
            let mass = zip(weights[resource], people).reduce(0) { $0 + $1.0 * $1.1 }
            return weights[resource].map { mass > 0 ? min(1, 1.2 * total * $0 / mass) : 0 }
        }
        // Planned stays already booked (rate × mean delay of them at equilibrium), each admitted
        // after the residual of the admission delay; without them beds dip for two months.
        let pipeline = c.electiveDelay.mean
        // EHPAD first (residents), then hospital beds, then home care.
        let sequence = [2, 3, 0, 1]
        for agent32 in order {
            let agent = Int(agent32), bandIndex = Int(band[agent]), zoneIndex = Int(zone[agent])
            if draw(agent) < c.plannedRate[bandIndex] * pipeline {
                let left = c.electiveDelay.residual(draw(agent), draw(agent), draw(agent))
                schedule(day: max(1, Int(left.rounded())), agent: agent, kind: CalendarEntry.electiveAdmission, payload: 0)
            }
            for resource in sequence where probability[resource][bandIndex] > 0 {
                guard draw(agent) < probability[resource][bandIndex] else { continue }
                if resource == 3 {
                    let lists = net.hospitalLists
                    guard let slot = lists.range(zoneIndex).first(where: {
                        Double(lists.minutes[$0]) <= c.p.travel.hospitalLimitMinutes && bedsUsed[Int(lists.providers[$0])] < targets[3][Int(lists.providers[$0])]
                    }) else { continue }
                    let hospital = Int(lists.providers[slot])
                    bedsUsed[hospital] += 1
                    chronic[agent] |= 2
                    let left = max(1, Int(c.lengthOfStay.residual(draw(agent), draw(agent), draw(agent)).rounded(.up)))
                    schedule(day: left, agent: agent, kind: CalendarEntry.discharge, payload: hospital)
                } else {
                    guard let position = serviceCandidates(role: resource, zone: zoneIndex).first(where: {
                        placeUsed[resource][$0] < targets[resource][$0]
                    }) else { continue }
                    let left = max(1, Int(c.stay(resource).residual(draw(agent), draw(agent), draw(agent)).rounded(.up)))
                    occupy(agent, role: resource, position: position, day: 0, endDay: left)
                }
                break
            }
        }
    }
}
