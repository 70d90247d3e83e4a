extension Replication {
    /// Adds the day's standing capacity to the actors' totals and the day's territory totals to the series.
    mutating func sampleOccupancy(_ day: Int) {
        func add(_ role: OccupancyRole, used: Double, offered: Double) {
            let base = ((day - warm) * OccupancyRole.count + role.index) * 2
            series[base] = used
            series[base + 1] = offered
        }
        var used = 0.0, offered = 0.0
        for (position, actor) in net.hospital.actors.enumerated() {
            actorUsedDays[actor] += Double(bedsUsed[position])
            actorCapacityDays[actor] += Double(bedsCap[position])
            used += Double(bedsUsed[position])
            if closed[actor] == 0 { offered += Double(bedsCap[position]) }
        }
        add(.hospitalBeds, used: used, offered: offered)
        let bedsOffered = offered
        for (index, (role, line)) in [(net.ssiad, OccupancyRole.ssiadPlaces), (net.had, .hadPlaces), (net.ehpad, .ehpadPlaces)].enumerated() {
            (used, offered) = (0, 0)
            for (position, actor) in role.actors.enumerated() {
                actorUsedDays[actor] += Double(placeUsed[index][position])
                actorCapacityDays[actor] += Double(placeCap[index][position])
                used += Double(placeUsed[index][position])
                if closed[actor] == 0 { offered += Double(placeCap[index][position]) }
            }
            add(line, used: used, offered: offered)
        }
        (used, offered) = (0, 0)
        for (position, actor) in net.emergency.actors.enumerated() {
            used += Double(emergencyToday[position])
            if closed[actor] == 0 { offered += emergencyCap[position] }
        }
        add(.emergencyVisits, used: used, offered: offered)
        // A day's slots are booked on that day at the latest: what is left now stays unused.
        var left = 0.0
        for provider in 0..<net.gp.count { left += Double(gpSlots[provider * bookDays + day]) }
        add(.gpSlots, used: gpSlotsOffered[day - warm] - left, offered: gpSlotsOffered[day - warm])
        (used, offered) = (0, 0)
        for provider in 0..<net.gp.count {
            used += Double(listCount[provider])
            if !gpGone[provider], closed[net.gp.actors[provider]] == 0 { offered += Double(listCap[provider]) }
        }
        add(.gpLists, used: used, offered: offered)
        add(.withoutDeclaredGP, used: Double(withoutGP), offered: Double(zone.count - residents))
        add(.emergencyBoarding, used: Double(boardingCount), offered: bedsOffered)
        add(.blockedBeds, used: Double(blocked.count), offered: bedsOffered)
    }
}
