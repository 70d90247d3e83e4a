extension Replication {
    /// The declared GP within tolerance; else a GP of the same MSP or CPTS; else the nearest
    /// GP with a slot within the search limit (at most `max_candidates` tried).
    mutating func bookGP(_ agent: Int, zone zoneIndex: Int, from day: Int, tolerance: Int) -> Booking? {
        let lists = network.gpLists
        let range = lists.range(zoneIndex)
        let factor = conditions.travelFactor[zoneIndex]
        let limit = settings.travel.gpLimitMinutes
        var declared = -1
        if agents.hasDeclaredGP(agent) {
            let slot = range.lowerBound + Int(agents.declaredRank[agent])
            declared = Int(lists.providers[slot])
            let minutes = Double(lists.minutes[slot]) * factor
            if minutes <= limit,
                let booked = gpBook.earliest(provider: declared, from: day, tolerance: tolerance)
            {
                return Booking(
                    provider: declared, rank: Int(agents.declaredRank[agent]), day: booked, minutes: minutes,
                    route: .declared)
            }
        }
        var fallback: Booking?
        for slot in range {
            let minutes = Double(lists.minutes[slot]) * factor
            if minutes > limit { break }
            let provider = Int(lists.providers[slot])
            if provider == declared { continue }
            // Past the nearest GP with a slot only a colleague can change the answer: the group is
            // checked before the book (a cache miss per GP, walked up to the 250th around a city),
            // and a GP without colleagues ends the walk.
            if fallback != nil {
                guard network.gpHasColleague[declared] else { break }
                guard network.sameGroup(provider, declared) else { continue }
            }
            guard let booked = gpBook.earliest(provider: provider, from: day, tolerance: tolerance) else { continue }
            if declared >= 0, network.sameGroup(provider, declared) {
                return Booking(
                    provider: provider, rank: slot - range.lowerBound, day: booked, minutes: minutes,
                    route: .colleague)
            }
            if fallback == nil {
                fallback = Booking(
                    provider: provider, rank: slot - range.lowerBound, day: booked, minutes: minutes,
                    route: .other)
                if declared < 0 { break }
            }
        }
        return fallback
    }

    /// Takes the slot and counts the contact (on the day it happens).
    mutating func recordGP(_ agent: Int, zone zoneIndex: Int, _ booking: Booking, needDay: Int, followUp: Bool) {
        gpBook.take(provider: booking.provider, day: booking.day)
        let day = booking.day
        let actor = network.gp.actors[booking.provider]
        if isCounted(day) {
            count(.gpContacts, zone: zoneIndex)
            switch booking.route {
            case .declared: count(.gpContactsDeclared, zone: zoneIndex)
            case .colleague: count(.gpContactsColleague, zone: zoneIndex)
            case .other: count(.gpContactsOther, zone: zoneIndex)
            }
            if followUp {
                count(.gpFollowUpContacts, zone: zoneIndex)
            } else {
                add(.gpWaitingDays, zone: zoneIndex, Double(day - needDay))
                count(.gpWaitedContacts, zone: zoneIndex)
            }
            add(.travelMinutes, zone: zoneIndex, 2 * booking.minutes)
            counters.actorContacts[actor] += 1
            // Slots are booked ahead: the visit joins the continuity sequence on its own day, in visit order.
            schedule(day: day, agent: agent, kind: .gpVisit, payload: booking.rank + 1)
        }
        eventLog?.add(agent: agent, day: day, activity: followUp ? .gpFollowUp : .gpContact, actor: actor)
        let record = Int(agents.lastDischarge[agent])
        // The first GP contact on or after the latest discharge is its follow-up.
        if record >= 0, day >= Int(discharges.day[record]),
            discharges.followUp[record] < 0 || day < Int(discharges.followUp[record])
        {
            discharges.followUp[record] = Int32(day)
        }
    }
}
