extension Replication {
    /// What the steady-state start fills: occupancy targets and who is drawn to fill them.
    ///
    /// Resources are indexed SSIAD, HAD, EHPAD (``PlaceRole`` raw values), then hospital beds.
    struct SteadyStatePlan {
        /// The index of hospital beds among the resources.
        static let beds = 3
        /// Per resource and provider, the most places or beds the start may fill there.
        var targets: [[Int32]]
        /// Per resource, the places or beds to fill in all (the territory's occupancy at the start).
        var totals: [Int]
        /// Per resource and age band, the probability that an agent is drawn into it.
        var probability: [[Double]]
    }

    /// Starts long-stay resources near their steady state instead of empty.
    ///
    /// Each role (EHPAD, hospital beds, SSIAD, HAD) is filled to `steady_state.*_occupancy` of
    /// its capacity (or to the share the territory's demand sustains, when lower) by agents drawn
    /// in the replication's random order, with a probability by age band proportional to the
    /// band's entry rate into that resource (so that residents are as old as entrants). Their
    /// time left is drawn from the equilibrium (length-biased) distribution of the resource's
    /// length of stay, so that ends are spread as they are in a steady state.
    ///
    /// Where each one goes is the run's own rule at equilibrium, not a uniform share: an SSIAD,
    /// HAD or EHPAD entrant takes the nearest (or covering) service with a free place, as a
    /// request does during the run, so services in demand start full and the others take the
    /// rest. (A uniform share, say 63 % of every EHPAD, is not the equilibrium: over years of
    /// 900-day stays the places in demand fill and the others drain, and the beds blocked for
    /// want of a place rose through the whole year.) Hospital beds, whose 5-day stays settle in
    /// weeks, keep the uniform share. Then ``seedWaitingLists(_:)`` puts on the lists of full
    /// services the requests from home they hold at equilibrium.
    mutating func fillSteadyState(_ order: [UInt32]) {
        let plan = steadyStatePlan()
        var left = plan.totals
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
            for resource in sequence where plan.probability[resource][bandIndex] > 0 && left[resource] > 0 {
                guard draw(agent) < plan.probability[resource][bandIndex] else { continue }
                let placed =
                    if let role = PlaceRole(rawValue: resource) {
                        startsInPlace(agent, role: role, zone: zoneIndex, targets: plan.targets[resource])
                    } else {
                        startsInBed(agent, zone: zoneIndex, targets: plan.targets[SteadyStatePlan.beds])
                    }
                if placed {
                    left[resource] -= 1
                    break
                }
            }
        }
        seedWaitingLists(order)
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
        // A place is held from the discharge, through the delay before home care starts, to the
        // stay's end: entries from hospital hold an SSIAD or HAD place for delay + stay.
        let delay = homeCareStartDelay()
        let means = [model.ssiadStay.mean, model.hadStay.mean, model.ehpadStay.mean]
        let fromHospital: [[Double]] = [
            (0..<bands).map { model.homeCare[$0] * (1 - hadShare) * model.admissionRate[$0] },
            (0..<bands).map { model.homeCare[$0] * hadShare * model.admissionRate[$0] },
            Array(repeating: 0, count: bands),
        ]
        var sustained = (0..<3).map { resource in
            let entries = zip(weights[resource], people).reduce(0) { $0 + $1.0 * $1.1 }
            let delayed = zip(fromHospital[resource], people).reduce(0) { $0 + $1.0 * $1.1 }
            return entries * means[resource] + delayed * delay
        }
        sustained.append(zip(model.bedDayRate, people).reduce(0) { $0 + $1.0 * $1.1 })
        let capacities = (places.capacity + [beds.capacity]).map { Double($0.reduce(0) { $0 + Int($1) }) }
        let documented = [steady.ssiadOccupancy, steady.hadOccupancy, steady.ehpadOccupancy, steady.bedOccupancy]
        let occupancy = (0..<4).map {
            capacities[$0] > 0 ? min(documented[$0], sustained[$0] / capacities[$0]) : 0
        }
        let shares: [[Int32]] = (places.capacity + [beds.capacity]).enumerated().map { resource, capacity in
            capacity.map { Int32((Double($0) * occupancy[resource]).rounded()) }
        }
        // Services up to their capacity (the run's nearest-with-room rule decides who is full), beds at their share.
        let targets = places.capacity + [shares[SteadyStatePlan.beds]]
        // Probability by band: the targets' total shared in proportion to entry rate × people,
        // with 20 % more draws so that resources whose zones run out of candidates still fill.
        let totals = shares.map { $0.reduce(0) { $0 + Int($1) } }
        let probability: [[Double]] = (0..<4).map { resource in
            let total = Double(totals[resource])
            let mass = zip(weights[resource], people).reduce(0) { $0 + $1.0 * $1.1 }
            return weights[resource].map { mass > 0 ? min(1, 1.2 * total * $0 / mass) : 0 }
        }
        return SteadyStatePlan(targets: targets, totals: totals, probability: probability)
    }

    /// Mean days from a discharge to the start of home care: the delay with a discharge
    /// agreement for the share of hospitals that have one, the delay without for the others.
    private func homeCareStartDelay() -> Double {
        let hospitals = network.agreements.count
        guard hospitals > 0 else { return model.delayWithoutAgreement.mean }
        let agreed = Double(network.agreements.filter { !$0.isEmpty }.count) / Double(hospitals)
        return agreed * model.delayWithAgreement.mean + (1 - agreed) * model.delayWithoutAgreement.mean
    }

    /// Puts on the waiting lists of full services the requests from home they hold at equilibrium.
    ///
    /// Each agent at home asked within the last `max_wait_from_home_days` (W) with probability
    /// rate × W, on a day drawn uniformly in it; a request that finds no free place in reach now
    /// is one for the first open service's list. Of a service's R such requests, the places
    /// freed during the window, F = places used × W / mean stay, went first come first served to
    /// the oldest: only the newest R − F are still waiting (none when F ≥ R, a service that keeps
    /// up with its list). An empty start had lists, and the waits of patients kept in hospital
    /// behind them, growing through the window; seeding all R overshot where F is large.
    mutating func seedWaitingLists(_ order: [UInt32]) {
        let window = settings.homeCare.maxWaitFromHomeDays
        guard window > 0 else { return }
        let roles = [PlaceRole.ehpad, .ssiad, .had]
        // Per role and position: (day asked, agent).
        var requests = places.capacity.map { Array(repeating: [(day: Int, agent: Int)](), count: $0.count) }
        for agent32 in order {
            let agent = Int(agent32)
            guard agents.place[agent].isEmpty, !isInHospital(agent) else { continue }
            let bandIndex = Int(agents.band[agent])
            for role in roles {
                let rate = model.homeEntryRate[role.rawValue][bandIndex]
                guard rate > 0, draw(agent) < rate * Double(window) else { continue }
                let asked = -1 - min(window - 1, Int(draw(agent) * Double(window)))
                let candidates = serviceCandidates(role: role, zone: Int(agents.zone[agent]))
                guard !candidates.contains(where: { hasRoom(role, $0) }),
                    let first = candidates.first(where: { conditions.closed[roleActors(role)[$0]] == 0 })
                else { continue }
                requests[role.rawValue][first].append((asked, agent))
                break
            }
        }
        for role in roles {
            let stay = model.stay(role).mean
            for (position, list) in requests[role.rawValue].enumerated() where !list.isEmpty {
                let used = Double(places.used[role.rawValue][position])
                let freed = stay > 0 ? Int((used * Double(window) / stay).rounded()) : list.count
                let sorted = list.sorted { ($0.day, $0.agent) < ($1.day, $1.agent) }
                for request in sorted.suffix(max(0, sorted.count - freed)) {
                    joinWaitingList(request.agent, role: role, position: position, day: request.day)
                }
            }
        }
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
