extension Replication {
    /// Admits the patient to the preferred hospital if it has a free bed, else the nearest that has one.
    mutating func admit(_ agent: Int, day: Int, preferred: Int, source: Tally) {
        // A planned stay or readmission that falls during a stay is absorbed by it.
        if chronic[agent] & 2 != 0 { return }
        let zoneIndex = Int(zone[agent])
        var chosen = -1
        if preferred >= 0, preferred < bedsUsed.count, closed[net.hospital.actors[preferred]] == 0, bedsUsed[preferred] < bedsCap[preferred] {
            chosen = preferred
        } else {
            let lists = net.hospitalLists
            let factor = slow[zoneIndex]
            for slot in lists.range(zoneIndex) {
                if Double(lists.minutes[slot]) * factor > c.p.travel.hospitalLimitMinutes { break }
                let hospital = Int(lists.providers[slot])
                if closed[net.hospital.actors[hospital]] == 0, bedsUsed[hospital] < bedsCap[hospital] {
                    chosen = hospital
                    break
                }
            }
        }
        let counted = isCounted(day)
        guard chosen >= 0 else {
            if counted { count(.admissionsWithoutBed, zone: zoneIndex) }
            return
        }
        bedsUsed[chosen] += 1
        chronic[agent] |= 2
        let actor = net.hospital.actors[chosen]
        if counted {
            count(.admissions, zone: zoneIndex)
            count(source, zone: zoneIndex)
            actorContacts[actor] += 1
        }
        eventLog?.add(agent: agent, day: day, activity: .admission, actor: actor)
        let record = Int(openDischarge[agent])
        if record >= 0, !dischargeReadmitted[record], day - Int(dischargeDay[record]) <= 30 {
            dischargeReadmitted[record] = true
        }
        let sampler = source == .admissionsElective ? c.electiveLengthOfStay : c.lengthOfStay
        let stay = max(1, Int(sampler.draw(draw(agent), draw(agent)).rounded()))
        schedule(day: day + stay, agent: agent, kind: CalendarEntry.discharge, payload: chosen)
    }

    /// Frees the bed; sends the patient home, home with SSIAD/HAD, or to an EHPAD; arranges a
    /// GP follow-up (likelier and sooner when hospital and GP are linked); draws a readmission.
    mutating func discharge(_ agent: Int, day: Int, hospital: Int) {
        bedsUsed[hospital] -= 1
        chronic[agent] &= ~2
        let zoneIndex = Int(zone[agent])
        let bandIndex = Int(band[agent])
        let record = Int32(dischargeAgent.count)
        dischargeAgent.append(UInt32(agent))
        dischargeDay.append(Int32(day))
        dischargeFollowUp.append(-1)
        dischargeReadmitted.append(false)
        openDischarge[agent] = record
        let counted = isCounted(day)
        if counted { count(.discharges, zone: zoneIndex) }
        eventLog?.add(agent: agent, day: day, activity: .discharge, actor: net.hospital.actors[hospital])

        let destination = draw(agent)
        if destination < c.ehpad[bandIndex] {
            nursingHome(agent, zone: zoneIndex, day: day, counted: counted)
        } else if destination < c.ehpad[bandIndex] + c.homeCare[bandIndex] {
            homeCare(agent, zone: zoneIndex, day: day, hospital: hospital, counted: counted)
        }

        var declared = -1
        if gpRank[agent] != 255 {
            declared = Int(net.gpLists.providers[net.gpLists.range(zoneIndex).lowerBound + Int(gpRank[agent])])
        }
        let linked = declared >= 0 && net.linked(gp: declared, hospital: hospital)
        if draw(agent) < (linked ? c.p.followUp.probabilityLinked : c.p.followUp.probabilityUnlinked) {
            let delay = (linked ? c.followUpLinked : c.followUpUnlinked).draw(draw(agent), draw(agent))
            let target = day + max(1, Int(delay.rounded()))
            if let booking = bookGP(agent, zone: zoneIndex, from: target, tolerance: c.p.gp.toleranceFollowUpDays) {
                recordGP(agent, zone: zoneIndex, booking, needDay: target, followUp: true)
            }
        }
        let followUp = Int(dischargeFollowUp[Int(record)])
        let seenWithin7 = followUp >= 0 && followUp - day <= 7
        let risk = min(1, c.readmission[bandIndex] * (seenWithin7 ? 1 : c.p.readmission.multiplierWithoutFollowUp))
        if draw(agent) < risk {
            let offset = 1 + min(29, Int(draw(agent) * 30))
            schedule(day: day + offset, agent: agent, kind: CalendarEntry.readmission, payload: hospital)
        }
    }

    /// Home nursing (SSIAD) or hospital at home (HAD) covering the zone: a service with a
    /// discharge agreement with the hospital first (it starts sooner), else any with a place.
    private mutating func homeCare(_ agent: Int, zone zoneIndex: Int, day: Int, hospital: Int, counted: Bool) {
        let useHAD = draw(agent) < c.p.discharge.hadShare
        let services = useHAD ? net.hadCover[zoneIndex] : net.ssiadCover[zoneIndex]
        let role = useHAD ? net.had : net.ssiad
        if counted { count(.homeCareNeeded, zone: zoneIndex) }
        func free(_ service: Int) -> Bool {
            closed[role.actors[service]] == 0 && (useHAD ? hadUsed[service] < hadCap[service] : ssiadUsed[service] < ssiadCap[service])
        }
        var chosen = -1, agreed = false
        for service in services where free(Int(service)) && net.agreements[hospital].contains(role.actors[Int(service)]) {
            chosen = Int(service)
            agreed = true
            break
        }
        if chosen < 0, let first = services.first(where: { free(Int($0)) }) { chosen = Int(first) }
        guard chosen >= 0 else {
            if counted { count(.homeCareNotStarted, zone: zoneIndex) }
            return
        }
        if useHAD { hadUsed[chosen] += 1 } else { ssiadUsed[chosen] += 1 }
        let delay = max(0, Int((agreed ? c.delayWithAgreement : c.delayWithoutAgreement).draw(draw(agent), draw(agent)).rounded()))
        let stay = max(1, Int((useHAD ? c.hadStay : c.ssiadStay).draw(draw(agent), draw(agent)).rounded()))
        let actor = role.actors[chosen]
        if counted {
            count(.homeCareStarted, zone: zoneIndex)
            count(.homeCareDaysToStart, zone: zoneIndex, Double(delay))
            if delay <= 2 { count(.homeCareWithin2Days, zone: zoneIndex) }
            actorContacts[actor] += 1
        }
        eventLog?.add(agent: agent, day: day + delay, activity: .homeCareStart, actor: actor)
        schedule(day: day + delay + stay, agent: agent, kind: useHAD ? CalendarEntry.hadEnd : CalendarEntry.ssiadEnd, payload: chosen)
    }

    /// The nearest EHPAD with a free place, held for the length of residence.
    private mutating func nursingHome(_ agent: Int, zone zoneIndex: Int, day: Int, counted: Bool) {
        let lists = net.ehpadLists
        let factor = slow[zoneIndex]
        for slot in lists.range(zoneIndex) {
            if Double(lists.minutes[slot]) * factor > c.p.travel.ehpadLimitMinutes { break }
            let home = Int(lists.providers[slot])
            let actor = net.ehpad.actors[home]
            guard closed[actor] == 0, ehpadUsed[home] < ehpadCap[home] else { continue }
            ehpadUsed[home] += 1
            if counted {
                count(.ehpadAdmissions, zone: zoneIndex)
                actorContacts[actor] += 1
            }
            eventLog?.add(agent: agent, day: day, activity: .ehpad, actor: actor)
            let stay = max(1, Int(c.ehpadStay.draw(draw(agent), draw(agent)).rounded()))
            schedule(day: day + stay, agent: agent, kind: CalendarEntry.ehpadEnd, payload: home)
            return
        }
        if counted { count(.ehpadUnavailable, zone: zoneIndex) }
    }
}
