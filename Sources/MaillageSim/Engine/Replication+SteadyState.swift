extension Replication {
    /// What the steady-state start fills: occupancy targets and who is drawn to fill them.
    ///
    /// Resources are indexed SSIAD, HAD, EHPAD (``PlaceRole`` raw values), then hospital beds.
    struct SteadyStatePlan {
        /// The index of hospital beds among the resources.
        static let beds = 3
        /// Per resource and provider, the number of places or beds to fill.
        var targets: [[Int32]]
        /// Per resource and age band, the probability that an agent is drawn into it.
        var probability: [[Double]]
    }

    /// Starts long-stay resources near their steady state instead of empty.
    ///
    /// Each EHPAD, hospital, SSIAD and HAD is filled up to `steady_state.*_occupancy` of its
    /// capacity (or to the share the territory's demand sustains, when lower) by agents drawn in
    /// the replication's random order, with a probability by age band proportional to the band's
    /// entry rate into that resource (so that residents are as old as entrants), each taking the
    /// nearest (or covering) one with room below its target. Their time left is drawn from the
    /// equilibrium (length-biased) distribution of the resource's length of stay, so that ends
    /// are spread as they are in a steady state.
    mutating func fillSteadyState(_ order: [UInt32]) {
        let plan = steadyStatePlan()
        // Planned stays already booked (rate × mean delay of them at equilibrium), each admitted
        // after the residual of the admission delay; without them beds dip for two months.
        let pipeline = model.electiveDelay.mean
        // EHPAD first (residents), then hospital beds, then home care.
        let sequence = [
            PlaceRole.ehpad.rawValue, SteadyStatePlan.beds,
            PlaceRole.ssiad.rawValue, PlaceRole.had.rawValue,
        ]
        for agent32 in order {
            let agent = Int(agent32)
            let bandIndex = Int(agents.band[agent])
            let zoneIndex = Int(agents.zone[agent])
            if draw(agent) < model.plannedRate[bandIndex] * pipeline {
                let left = model.electiveDelay.residual(draw(agent), draw(agent), draw(agent))
                schedule(day: max(1, Int(left.rounded())), agent: agent, kind: .electiveAdmission, payload: 0)
            }
            for resource in sequence where plan.probability[resource][bandIndex] > 0 {
                guard draw(agent) < plan.probability[resource][bandIndex] else { continue }
                let placed =
                    if let role = PlaceRole(rawValue: resource) {
                        startsInPlace(agent, role: role, zone: zoneIndex, targets: plan.targets[resource])
                    } else {
                        startsInBed(agent, zone: zoneIndex, targets: plan.targets[SteadyStatePlan.beds])
                    }
                if placed { break }
            }
        }
    }

    /// Occupancy targets and entry probabilities from the parameters, the population and the capacities.
    private func steadyStatePlan() -> SteadyStatePlan {
        let steady = settings.steadyState
        let bands = network.bandIDs.count
        var people = [Double](repeating: 0, count: bands)
        for (index, count) in network.agentsPerZoneBand.enumerated() { people[index % bands] += Double(count) }
        let hadShare = settings.discharge.hadShare
        let weights: [[Double]] = [
            // SSIAD and HAD: requests from home plus discharges with home care.
            (0..<bands).map {
                model.homeEntryRate[0][$0] + model.homeCare[$0] * (1 - hadShare) * model.admissionRate[$0]
            },
            (0..<bands).map { model.homeEntryRate[1][$0] + model.homeCare[$0] * hadShare * model.admissionRate[$0] },
            (0..<bands).map { model.homeEntryRate[2][$0] + model.ehpad[$0] * model.admissionRate[$0] },
            model.admissionRate,
        ]
        // The documented occupancy, unless the territory's own demand (entry rate × mean stay,
        // summed over its people) cannot keep that many places filled: a start above the model's
        // equilibrium would only drain during the run (a territory with more EHPAD places than demand).
        let means = [model.ssiadStay.mean, model.hadStay.mean, model.ehpadStay.mean]
        var sustained = (0..<3).map { resource in
            zip(weights[resource], people).reduce(0) { $0 + $1.0 * $1.1 } * means[resource]
        }
        sustained.append(zip(model.bedDayRate, people).reduce(0) { $0 + $1.0 * $1.1 })
        let capacities = (places.capacity + [beds.capacity]).map { Double($0.reduce(0) { $0 + Int($1) }) }
        let documented = [steady.ssiadOccupancy, steady.hadOccupancy, steady.ehpadOccupancy, steady.bedOccupancy]
        let occupancy = (0..<4).map {
            capacities[$0] > 0 ? min(documented[$0], sustained[$0] / capacities[$0]) : 0
        }
        let targets: [[Int32]] = (places.capacity + [beds.capacity]).enumerated().map { resource, capacity in
            capacity.map { Int32((Double($0) * occupancy[resource]).rounded()) }
        }
        // Probability by band: the targets' total shared in proportion to entry rate × people,
        // with 20 % more draws so that resources whose zones run out of candidates still fill.
        let probability: [[Double]] = (0..<4).map { resource in
            let total = Double(targets[resource].reduce(0) { $0 + Int($1) })
            let mass = zip(weights[resource], people).reduce(0) { $0 + $1.0 * $1.1 }
            return weights[resource].map { mass > 0 ? min(1, 1.2 * total * $0 / mass) : 0 }
        }
        return SteadyStatePlan(targets: targets, probability: probability)
    }

    /// The nearest hospital in reach below its target takes the agent for the rest of a stay.
    private mutating func startsInBed(_ agent: Int, zone zoneIndex: Int, targets: [Int32]) -> Bool {
        let lists = network.hospitalLists
        guard
            let slot = lists.range(zoneIndex).first(where: {
                let hospital = Int(lists.providers[$0])
                return Double(lists.minutes[$0]) <= settings.travel.hospitalLimitMinutes
                    && beds.used[hospital] < targets[hospital]
            })
        else { return false }
        let hospital = Int(lists.providers[slot])
        beds.used[hospital] += 1
        agents.state[agent].insert(.inHospital)
        let left = max(1, Int(model.lengthOfStay.residual(draw(agent), draw(agent), draw(agent)).rounded(.up)))
        schedule(day: left, agent: agent, kind: .discharge, payload: hospital)
        return true
    }

    /// The nearest (or covering) provider of the role below its target takes the agent for the rest of a stay.
    private mutating func startsInPlace(_ agent: Int, role: PlaceRole, zone zoneIndex: Int, targets: [Int32]) -> Bool {
        guard
            let position = serviceCandidates(role: role, zone: zoneIndex).first(where: {
                places.used[role.rawValue][$0] < targets[$0]
            })
        else { return false }
        let left = max(1, Int(model.stay(role).residual(draw(agent), draw(agent), draw(agent)).rounded(.up)))
        occupy(agent, role: role, position: position, day: 0, endDay: left)
        return true
    }
}
