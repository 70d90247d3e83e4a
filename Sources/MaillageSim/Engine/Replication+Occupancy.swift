extension Replication {
    /// Adds the day's standing capacity to the actors' totals and the day's territory totals to the series.
    mutating func sampleOccupancy(_ day: Int) {
        func add(_ role: OccupancyRole, used: Double, offered: Double) {
            let base = ((day - warmUpDays) * OccupancyRole.count + role.index) * 2
            counters.series[base] = used
            counters.series[base + 1] = offered
        }
        var used = 0.0
        var offered = 0.0
        for (position, actor) in network.hospital.actors.enumerated() {
            counters.actorUsedDays[actor] += Double(beds.used[position])
            counters.actorCapacityDays[actor] += Double(beds.capacity[position])
            used += Double(beds.used[position])
            if conditions.closed[actor] == 0 { offered += Double(beds.capacity[position]) }
        }
        add(.hospitalBeds, used: used, offered: offered)
        let bedsOffered = offered
        let placeLines: [(ProviderRole, OccupancyRole)] = [
            (network.ssiad, .ssiadPlaces), (network.had, .hadPlaces), (network.ehpad, .ehpadPlaces),
        ]
        for (index, (role, line)) in placeLines.enumerated() {
            (used, offered) = (0, 0)
            for (position, actor) in role.actors.enumerated() {
                counters.actorUsedDays[actor] += Double(places.used[index][position])
                counters.actorCapacityDays[actor] += Double(places.capacity[index][position])
                used += Double(places.used[index][position])
                if conditions.closed[actor] == 0 { offered += Double(places.capacity[index][position]) }
            }
            add(line, used: used, offered: offered)
        }
        (used, offered) = (0, 0)
        for (position, actor) in network.emergency.actors.enumerated() {
            used += Double(emergency.arrivalsToday[position])
            if conditions.closed[actor] == 0 { offered += emergency.staffedVisits[position] }
        }
        add(.emergencyVisits, used: used, offered: offered)
        // A day's slots are booked on that day at the latest: what is left now stays unused.
        var left = 0.0
        for provider in 0..<network.gp.count { left += Double(gpBook.free(provider: provider, day: day)) }
        let slotsOffered = counters.gpSlotsOffered[day - warmUpDays]
        add(.gpSlots, used: slotsOffered - left, offered: slotsOffered)
        (used, offered) = (0, 0)
        for provider in 0..<network.gp.count {
            used += Double(declarations.patients[provider])
            if !declarations.closedToNew[provider], conditions.closed[network.gp.actors[provider]] == 0 {
                offered += Double(declarations.capacity[provider])
            }
        }
        add(.gpLists, used: used, offered: offered)
        add(.withoutDeclaredGP, used: Double(declarations.withoutGP), offered: Double(agents.count - places.residents))
        add(.emergencyBoarding, used: Double(emergency.boardingCount), offered: bedsOffered)
        add(.blockedBeds, used: Double(beds.blocked.count), offered: bedsOffered)
    }
}
