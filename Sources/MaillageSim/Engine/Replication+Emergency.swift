extension Replication {
    /// An urgent visit that may end in an admission; an unmet one (no department in reach, or
    /// left without being seen) may come back as a visit later (once).
    mutating func urgentVisit(_ agent: Int, zone zoneIndex: Int, day: Int, time: Double, returning: Bool) {
        if let department = emergencyVisit(
            agent, zone: zoneIndex, day: day, time: time, avoidable: false,
            countUnmet: !returning)
        {
            if department >= 0, draw(agent) < model.admission[Int(agents.band[agent])] {
                if isCounted(day) { press(.admissionsAfterArrival, actor: network.emergency.actors[department]) }
                admit(
                    agent, day: day, preferred: network.emergencyHospital[department], source: .admissionsEmergency,
                    time: time)
            }
            if department >= 0 { return }
        }
        if !returning, settings.emergency.unmetReturnShare > 0, draw(agent) < settings.emergency.unmetReturnShare {
            let delay = max(1, Int(model.unmetReturnDelay.draw(draw(agent), draw(agent)).rounded()))
            schedule(day: day + delay, agent: agent, kind: .returnVisit, payload: 0)
        }
    }

    /// An unmet urgent need comes back (at midday) as an emergency visit.
    mutating func returnVisit(_ agent: Int, day: Int) {
        guard !isInHospital(agent) else { return }
        let zoneIndex = Int(agents.zone[agent])
        if isCounted(day) { count(.emergencyReturnVisits, zone: zoneIndex) }
        urgentVisit(agent, zone: zoneIndex, day: day, time: Double(day) + 0.5, returning: true)
    }

    /// The department chosen by `emergency.choice` (the nearest open one by default): the
    /// patient waits there in proportion to its crowding and may leave without being seen.
    /// Returns the department (−1 − department when the patient left unseen), nil (unmet) when
    /// none is within the limit.
    @discardableResult
    mutating func emergencyVisit(
        _ agent: Int, zone zoneIndex: Int, day: Int, time: Double, avoidable: Bool,
        countUnmet: Bool = true
    ) -> Int? {
        let counted = isCounted(day)
        let found =
            settings.emergency.choice.isNearest
            ? nearestDepartment(agent, zone: zoneIndex) : chosenDepartment(agent, zone: zoneIndex)
        guard let slot = found else {
            // A returning need that still finds no department was counted as unmet the first time.
            if counted, countUnmet {
                count(.unmet, zone: zoneIndex)
                count(avoidable ? .unmetGP : .unmetUrgent, zone: zoneIndex)
                eventLog?.add(agent: agent, day: day, activity: .unmet, actor: -1)
            }
            return nil
        }
        let lists = network.emergencyLists
        let minutes = Double(lists.minutes[slot]) * conditions.travelFactor[zoneIndex]
        let department = Int(lists.providers[slot])
        let actor = network.emergency.actors[department]
        let wait = emergencyWait(department, time: time - Double(day))
        emergency.arrivalsToday[department] += 1
        if counted {
            count(.emergencyVisits, zone: zoneIndex)
            if avoidable { count(.emergencyVisitsAvoidable, zone: zoneIndex) }
            add(.travelMinutes, zone: zoneIndex, 2 * minutes)
            add(.emergencyTravelMinutes, zone: zoneIndex, minutes)
            add(.emergencyWaitMinutes, zone: zoneIndex, wait)
            counters.actorContacts[actor] += 1
            press(.arrivals, actor: actor)
            if Int(agents.band[agent]) == network.oldestBand { press(.arrivalsOldestBand, actor: actor) }
            press(.waitMinutes, actor: actor, wait)
        }
        eventLog?.add(agent: agent, day: day, activity: avoidable ? .emergencyAvoidable : .emergency, actor: actor)
        if draw(agent) < min(1, settings.emergency.leftWithoutBeingSeenPerWaitingHour * wait / 60) {
            if counted {
                count(.leftWithoutBeingSeen, zone: zoneIndex)
                press(.leftWithoutBeingSeen, actor: actor)
            }
            eventLog?.add(agent: agent, day: day, activity: .leftWithoutBeingSeen, actor: actor)
            return -1 - department
        }
        return department
    }

    /// The candidate slot of the nearest open department within the limit; a department closed
    /// at night is passed over with probability `night_share` (the patient came at night).
    @inline(__always)
    mutating func nearestDepartment(_ agent: Int, zone: Int) -> Int? {
        let lists = network.emergencyLists
        let factor = conditions.travelFactor[zone]
        let limit = settings.travel.emergencyLimitMinutes
        for slot in lists.range(zone) {
            if Double(lists.minutes[slot]) * factor > limit { break }
            let actor = network.emergency.actors[Int(lists.providers[slot])]
            if conditions.closed[actor] > 0 { continue }
            if conditions.nightClosed[actor] > 0, draw(agent) < settings.emergency.nightShare { continue }
            return slot
        }
        return nil
    }

    /// The candidate slot drawn by the choice model among the open departments within the limit
    /// the patient may use (``CareNetwork/emergencyPull(_:child:extraMinutes:choice:)``).
    ///
    /// Whether the patient came at night is drawn once, at the first department closed at night;
    /// one more draw picks the department. With no distance term, the nearest one they may use.
    mutating func chosenDepartment(_ agent: Int, zone: Int) -> Int? {
        let lists = network.emergencyLists
        let range = lists.range(zone)
        guard let first = range.first else { return nil }
        let limit = settings.travel.emergencyLimitMinutes
        let factor = conditions.travelFactor[zone]
        let child = network.emergencyChildBand[Int(agents.band[agent])]
        var atNight: Bool?
        var total = 0.0
        choiceCandidates.removeAll(keepingCapacity: true)
        for slot in range {
            if Double(lists.minutes[slot]) * factor > limit { break }
            let pull = pullOf(slot, first: first, factor: factor, child: child, agent: agent, atNight: &atNight)
            guard pull > 0 else { continue }
            if settings.emergency.choice.minutesScale == 0 { return slot }
            choiceCandidates.append((Int32(slot), pull))
            total += pull
        }
        guard let nearest = choiceCandidates.first else { return nil }
        guard total.isFinite else { return Int(nearest.slot) }
        var remaining = draw(agent) * total
        for candidate in choiceCandidates {
            remaining -= candidate.pull
            if remaining < 0 { return Int(candidate.slot) }
        }
        return Int(choiceCandidates[choiceCandidates.count - 1].slot)  // rounding left a sliver: the farthest
    }

    /// One candidate's pull for this patient today: 0 when its department is closed, closed at
    /// the hour they came, or not one they may use.
    @inline(__always)
    private mutating func pullOf(
        _ slot: Int, first: Int, factor: Double, child: Bool, agent: Int, atNight: inout Bool?
    ) -> Double {
        let lists = network.emergencyLists
        let department = Int(lists.providers[slot])
        let actor = network.emergency.actors[department]
        if conditions.closed[actor] > 0 { return 0 }
        if conditions.nightClosed[actor] > 0 {
            if atNight == nil { atNight = draw(agent) < settings.emergency.nightShare }
            if atNight == true { return 0 }
        }
        let extra = Double(lists.minutes[slot] - lists.minutes[first]) * factor
        return network.emergencyPull(
            department, child: child, extraMinutes: extra, choice: settings.emergency.choice)
    }

    /// Minutes before being seen: `base_wait_minutes / (1 − load)`, the load being the arrivals
    /// of the last 24 hours (today's so far, the rest of the day from yesterday's count) plus the
    /// patients boarding there, over the department's staffed visits a day, at most `maximum_load`.
    @inline(__always)
    func emergencyWait(_ department: Int, time fraction: Double) -> Double {
        let hospital = network.emergencyHospital[department]
        let recent =
            Double(emergency.arrivalsToday[department])
            + Double(emergency.arrivalsYesterday[department]) * max(0, 1 - fraction)
        let demand = recent + Double(emergency.boarders[hospital].count) * settings.emergency.boardingLoadWeight
        let capacity = emergency.staffedVisits[department]
        let maximum = settings.emergency.maximumLoad
        let load = capacity > 0 ? min(maximum, demand / capacity) : maximum
        return settings.emergency.baseWaitMinutes / (1 - load)
    }
}
