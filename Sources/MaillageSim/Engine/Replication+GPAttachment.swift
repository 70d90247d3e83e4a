extension Replication {
    /// Each agent living at home, in a random order, declares the nearest GP with list places
    /// left, unless they never look for one; the share left without is an output.
    mutating func attach(_ order: [UInt32]) {
        listCap = net.gpListCapacity.map { Int32(min(Double(Int32.max), max(0, $0.rounded(.down)))) }
        listCount = Array(repeating: 0, count: net.gp.count)
        gpGone = Array(repeating: false, count: net.gp.count)
        let limit = Float(c.p.travel.gpLimitMinutes)
        let lists = net.gpLists
        for agent32 in order {
            let agent = Int(agent32)
            guard draw(agent) >= c.p.population.shareNotSeekingGP, !isResident(agent) else { continue }
            let range = lists.range(Int(zone[agent]))
            for slot in range {
                if lists.minutes[slot] > limit { break }
                let provider = Int(lists.providers[slot])
                if listCount[provider] < listCap[provider] {
                    listCount[provider] += 1
                    gpRank[agent] = UInt8(slot - range.lowerBound)
                    break
                }
            }
        }
        withoutGP = 0
        for agent in 0..<zone.count where gpRank[agent] == 255 && !isResident(agent) {
            count(.withoutDeclaredGP, zone: Int(zone[agent]))
            withoutGP += 1
        }
    }

    /// The declared GP's position in the GP role, or -1.
    @inline(__always)
    func declaredGP(_ agent: Int) -> Int {
        guard gpRank[agent] != 255 else { return -1 }
        return Int(net.gpLists.providers[net.gpLists.range(Int(zone[agent])).lowerBound + Int(gpRank[agent])])
    }

    /// The GP's declared patients lose it and look for another after `gp.reattachment_delay`.
    ///
    /// Agents at home live in the zone they were created in, and agents are created zone by
    /// zone: only the zones whose list holds the GP are scanned.
    mutating func detachPatients(gp: Int, day: Int) {
        let lists = net.gpLists
        for zoneIndex in 0..<net.zoneCount {
            let range = lists.range(zoneIndex)
            guard let slot = range.first(where: { Int(lists.providers[$0]) == gp }) else { continue }
            let rank = UInt8(slot - range.lowerBound)
            for agent in zoneStart[zoneIndex]..<zoneStart[zoneIndex + 1] where gpRank[agent] == rank && Int(zone[agent]) == zoneIndex {
                gpRank[agent] = 255
                listCount[gp] -= 1
                withoutGP += 1
                if isCounted(day) { count(.gpLost, zone: zoneIndex) }
                eventLog?.add(agent: agent, day: day, activity: .gpLost, actor: net.gp.actors[gp])
                scheduleGPSearch(agent, day: day)
            }
        }
    }

    mutating func scheduleGPSearch(_ agent: Int, day: Int) {
        let delay = max(1, Int(c.reattachmentDelay.draw(draw(agent), draw(agent)).rounded()))
        schedule(day: day + delay, agent: agent, kind: CalendarEntry.gpSearch, payload: 0)
    }

    /// The nearest practising GP with list room within the limit; else another try after a delay.
    mutating func searchGP(_ agent: Int, day: Int) {
        guard gpRank[agent] == 255, !isResident(agent) else { return }
        let zoneIndex = Int(zone[agent])
        let lists = net.gpLists
        let range = lists.range(zoneIndex)
        let limit = c.p.travel.gpLimitMinutes
        for slot in range {
            if Double(lists.minutes[slot]) * slow[zoneIndex] > limit { break }
            let provider = Int(lists.providers[slot])
            guard !gpGone[provider], closed[net.gp.actors[provider]] == 0, listCount[provider] < listCap[provider] else { continue }
            listCount[provider] += 1
            gpRank[agent] = UInt8(slot - range.lowerBound)
            withoutGP -= 1
            if isCounted(day) { count(.gpReattached, zone: zoneIndex) }
            eventLog?.add(agent: agent, day: day, activity: .gpAttached, actor: net.gp.actors[provider])
            return
        }
        scheduleGPSearch(agent, day: day)
    }

    @inline(__always)
    func isResident(_ agent: Int) -> Bool { place[agent] >> 24 == 3 }
}
