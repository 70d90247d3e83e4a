extension Replication {
    /// Each agent living at home, in a random order, declares the nearest GP with list places
    /// left, unless they never look for one; the share left without is an output.
    mutating func attach(_ order: [UInt32]) {
        // Residents placed by the steady-state start were counted out of a total not yet known: start afresh.
        declarations = GPDeclarations(
            capacity: network.gpListCapacity.map { Int32(min(Double(Int32.max), max(0, $0.rounded(.down)))) })
        let limit = Float(settings.travel.gpLimitMinutes)
        let lists = network.gpLists
        // Lists only fill here, so a full GP stays full: per zone, the slots before `open` are
        // full GPs within the limit and each agent starts after them (in a city of millions the
        // first 250 GPs fill early, and walking them again for every later agent was quadratic).
        var open = [Int32](repeating: 0, count: network.zoneCount)
        for agent32 in order {
            let agent = Int(agent32)
            guard draw(agent) >= settings.population.shareNotSeekingGP, !agents.isResident(agent) else { continue }
            let zoneIndex = Int(agents.zone[agent])
            let range = lists.range(zoneIndex)
            var slot = range.lowerBound + Int(open[zoneIndex])
            while slot < range.upperBound, lists.minutes[slot] <= limit {
                let provider = Int(lists.providers[slot])
                if declarations.hasRoom(provider) {
                    declarations.patients[provider] += 1
                    agents.declaredRank[agent] = UInt8(slot - range.lowerBound)
                    break
                }
                slot += 1
                if slot - range.lowerBound == Int(open[zoneIndex]) + 1 { open[zoneIndex] += 1 }
            }
        }
        declarations.withoutGP = 0
        for agent in 0..<agents.count where !agents.hasDeclaredGP(agent) && !agents.isResident(agent) {
            count(.withoutDeclaredGP, zone: Int(agents.zone[agent]))
            declarations.withoutGP += 1
        }
    }

    /// The declared GP's position in the GP role, or -1.
    @inline(__always)
    func declaredGP(_ agent: Int) -> Int {
        guard agents.hasDeclaredGP(agent) else { return -1 }
        let lists = network.gpLists
        return Int(lists.providers[lists.range(Int(agents.zone[agent])).lowerBound + Int(agents.declaredRank[agent])])
    }

    /// The GP's declared patients lose it and look for another after `gp.reattachment_delay`.
    ///
    /// Agents at home live in the zone they were created in, and agents are created zone by
    /// zone: only the zones whose list holds the GP are scanned.
    mutating func detachPatients(gp: Int, day: Int) {
        let lists = network.gpLists
        for zoneIndex in 0..<network.zoneCount {
            let range = lists.range(zoneIndex)
            guard let slot = range.first(where: { Int(lists.providers[$0]) == gp }) else { continue }
            let rank = UInt8(slot - range.lowerBound)
            for agent in agents.zoneStart[zoneIndex]..<agents.zoneStart[zoneIndex + 1]
            where agents.declaredRank[agent] == rank && Int(agents.zone[agent]) == zoneIndex {
                agents.declaredRank[agent] = Agents.noDeclaredGP
                declarations.patients[gp] -= 1
                declarations.withoutGP += 1
                if isCounted(day) { count(.gpLost, zone: zoneIndex) }
                eventLog?.add(agent: agent, day: day, activity: .gpLost, actor: network.gp.actors[gp])
                scheduleGPSearch(agent, day: day)
            }
        }
    }

    /// The agent looks for a GP again after `gp.reattachment_delay`.
    mutating func scheduleGPSearch(_ agent: Int, day: Int) {
        let delay = max(1, Int(model.reattachmentDelay.draw(draw(agent), draw(agent)).rounded()))
        schedule(day: day + delay, agent: agent, kind: .gpSearch, payload: 0)
    }

    /// The nearest practising GP with list room within the limit; else another try after a delay.
    mutating func searchGP(_ agent: Int, day: Int) {
        guard !agents.hasDeclaredGP(agent), !agents.isResident(agent) else { return }
        let zoneIndex = Int(agents.zone[agent])
        let lists = network.gpLists
        let range = lists.range(zoneIndex)
        let limit = settings.travel.gpLimitMinutes
        for slot in range {
            if Double(lists.minutes[slot]) * conditions.travelFactor[zoneIndex] > limit { break }
            let provider = Int(lists.providers[slot])
            guard !declarations.closedToNew[provider], conditions.closed[network.gp.actors[provider]] == 0,
                declarations.hasRoom(provider)
            else { continue }
            declarations.patients[provider] += 1
            agents.declaredRank[agent] = UInt8(slot - range.lowerBound)
            declarations.withoutGP -= 1
            if isCounted(day) { count(.gpReattached, zone: zoneIndex) }
            eventLog?.add(agent: agent, day: day, activity: .gpAttached, actor: network.gp.actors[provider])
            return
        }
        scheduleGPSearch(agent, day: day)
    }
}
