extension Replication {
    @inline(__always)
    mutating func hasBed(_ hospital: Int) -> Bool {
        closed[net.hospital.actors[hospital]] == 0 && bedsUsed[hospital] < bedsCap[hospital]
    }

    /// The nearest hospital with a free bed within the limit, or -1.
    mutating func nearestWithBed(zone zoneIndex: Int) -> Int {
        let lists = net.hospitalLists
        let factor = slow[zoneIndex]
        for slot in lists.range(zoneIndex) {
            if Double(lists.minutes[slot]) * factor > c.p.travel.hospitalLimitMinutes { break }
            let hospital = Int(lists.providers[slot])
            if hasBed(hospital) { return hospital }
        }
        return -1
    }

    /// Admits the patient to the preferred hospital if it has a free bed, else transfers them to
    /// the nearest that has one; with none in reach, an unplanned patient waits in the emergency
    /// department (boarding) and a planned stay is put back.
    mutating func admit(_ agent: Int, day: Int, preferred: Int, source: Tally, time: Double) {
        // A planned stay or readmission that falls during a stay is absorbed by it.
        if chronic[agent] & 2 != 0 { return }
        let zoneIndex = Int(zone[agent])
        let valid = preferred >= 0 && preferred < bedsUsed.count
        var chosen = valid && hasBed(preferred) ? preferred : nearestWithBed(zone: zoneIndex)
        let counted = isCounted(day)
        if chosen >= 0 {
            if valid, chosen != preferred, source != .admissionsElective { transfer(agent, from: preferred, to: chosen, day: day) }
            takeBed(agent, hospital: chosen, day: day, source: source)
            return
        }
        if source == .admissionsElective {
            // Each time a planned stay is put back counts; it is not an admission without a bed until it is unplanned.
            if counted { count(.electivePostponed, zone: zoneIndex) }
            schedule(day: day + c.p.hospital.electivePostponementDays, agent: agent, kind: CalendarEntry.electiveAdmission, payload: preferred + 1)
            return
        }
        if !valid {
            let range = net.hospitalLists.range(zoneIndex)
            chosen = range.isEmpty ? -1 : Int(net.hospitalLists.providers[range.lowerBound])
        } else {
            chosen = preferred
        }
        if counted { count(.admissionsWithoutBed, zone: zoneIndex) }
        guard chosen >= 0 else {
            if counted { count(.patientsLost, zone: zoneIndex) }
            return
        }
        boarders[chosen].append(Boarder(agent: UInt32(agent), since: time, source: source))
        boardingCount += 1
        chronic[agent] |= 2
        if counted { count(.boardingPatients, zone: zoneIndex) }
        press(.boardingPatients, actor: net.hospital.actors[chosen], counted ? 1 : 0)
        eventLog?.add(agent: agent, day: day, activity: .boarding, actor: net.hospital.actors[chosen])
    }

    private mutating func transfer(_ agent: Int, from: Int, to: Int, day: Int) {
        guard isCounted(day) else { return }
        count(.transfers, zone: Int(zone[agent]))
        press(.transfersOut, actor: net.hospital.actors[from])
        press(.transfersIn, actor: net.hospital.actors[to])
        eventLog?.add(agent: agent, day: day, activity: .transfer, actor: net.hospital.actors[to])
    }

    /// Takes a bed for a length of stay drawn for the admission's kind.
    mutating func takeBed(_ agent: Int, hospital chosen: Int, day: Int, source: Tally) {
        let zoneIndex = Int(zone[agent])
        bedsUsed[chosen] += 1
        chronic[agent] |= 2
        let actor = net.hospital.actors[chosen]
        if isCounted(day) {
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

    /// Hours a boarder waited, counted on the day the wait ends.
    private mutating func endBoarding(_ boarder: Boarder, hospital: Int, at time: Double, day: Int) {
        boardingCount -= 1
        let agent = Int(boarder.agent)
        chronic[agent] &= ~2
        let hours = min(c.p.emergency.boardingCapHours, max(0, (time - boarder.since) * 24))
        if isCounted(day) { count(.boardingHours, zone: Int(zone[agent]), hours) }
        press(.boardingHours, actor: net.hospital.actors[hospital], isCounted(day) ? hours : 0)
    }

    /// Each morning: boarders past the cap are lost to the territory; the others take a bed of
    /// their hospital, else one of the nearest hospital with a free bed (a transfer), else wait on.
    mutating func reviewBoarders(_ day: Int) {
        for hospital in boarders.indices where !boarders[hospital].isEmpty {
            var kept: [Boarder] = []
            for boarder in boarders[hospital] {
                let agent = Int(boarder.agent)
                if (Double(day) - boarder.since) * 24 > c.p.emergency.boardingCapHours {
                    endBoarding(boarder, hospital: hospital, at: Double(day), day: day)
                    if isCounted(day) { count(.patientsLost, zone: Int(zone[agent])) }
                    press(.patientsLost, actor: net.hospital.actors[hospital], isCounted(day) ? 1 : 0)
                    eventLog?.add(agent: agent, day: day, activity: .lost, actor: net.hospital.actors[hospital])
                    continue
                }
                var target = hasBed(hospital) ? hospital : -1
                if target < 0 { target = nearestWithBed(zone: Int(zone[agent])) }
                guard target >= 0 else { kept.append(boarder); continue }
                endBoarding(boarder, hospital: hospital, at: Double(day), day: day)
                if target != hospital { transfer(agent, from: hospital, to: target, day: day) }
                takeBed(agent, hospital: target, day: day, source: boarder.source)
            }
            boarders[hospital] = kept
        }
    }

    /// A bed frees at noon: the first patient boarding in the hospital's department takes it.
    private mutating func admitBoarder(_ hospital: Int, day: Int) {
        guard !boarders[hospital].isEmpty, hasBed(hospital) else { return }
        let boarder = boarders[hospital].removeFirst()
        endBoarding(boarder, hospital: hospital, at: Double(day) + 0.5, day: day)
        takeBed(Int(boarder.agent), hospital: hospital, day: day, source: boarder.source)
    }

    /// The stay is over: home, home with SSIAD/HAD, or an EHPAD. A resident goes back to their
    /// EHPAD and a patient already in home care resumes it (no second place); a full service
    /// keeps the patient in bed on its waiting list (bed blocking) up to `max_discharge_delay_days`.
    mutating func discharge(_ agent: Int, day: Int, hospital: Int) {
        let bandIndex = Int(band[agent])
        let zoneIndex = Int(zone[agent])
        let counted = isCounted(day)
        if isResident(agent) { return leave(agent, day: day, hospital: hospital) }
        let destination = draw(agent)
        var role = -1
        if destination < c.ehpad[bandIndex] {
            role = 2
        } else if destination < c.ehpad[bandIndex] + c.homeCare[bandIndex] {
            role = draw(agent) < c.p.discharge.hadShare ? 1 : 0
            if counted { count(.homeCareNeeded, zone: zoneIndex) }
            if placeKind(agent) == UInt32(role + 1) {
                if counted { count(.homeCareResumed, zone: zoneIndex) }
                return leave(agent, day: day, hospital: hospital)
            }
        }
        guard role >= 0 else { return leave(agent, day: day, hospital: hospital) }
        var candidates = serviceCandidates(role: role, zone: zoneIndex)
        if role < 2 {
            // A service with a discharge agreement first: it starts sooner.
            let agreed = candidates.filter { net.agreements[hospital].contains(roleActors(role)[$0]) }
            candidates = agreed + candidates.filter { !agreed.contains($0) }
        }
        if let free = candidates.first(where: { hasRoom(role, $0) }) {
            startPlace(agent, role: role, position: free, day: day, hospital: hospital)
            return leave(agent, day: day, hospital: hospital)
        }
        let open = candidates.first { closed[roleActors(role)[$0]] == 0 }
        guard let open, c.p.hospital.maxDischargeDelayDays > 0 else {
            if counted { count(role == 2 ? .ehpadUnavailable : .homeCareNotStarted, zone: zoneIndex) }
            return leave(agent, day: day, hospital: hospital)
        }
        // Bed blocking: the patient keeps the bed, first on the waiting list's order of arrival.
        releaseHomeCare(agent, day: day)
        joinWaitingList(agent, role: role, position: open, day: day)
        blocked[UInt32(agent)] = Blocked(hospital: Int32(hospital), since: Int32(day))
        if counted { count(.dischargesDelayed, zone: zoneIndex) }
        press(.dischargesDelayed, actor: net.hospital.actors[hospital], counted ? 1 : 0)
        eventLog?.add(agent: agent, day: day, activity: .delayedDischarge, actor: net.hospital.actors[hospital])
        schedule(day: day + c.p.hospital.maxDischargeDelayDays, agent: agent, kind: CalendarEntry.dischargeDeadline, payload: hospital)
    }

    /// A blocked patient who waited the longest delay goes home without the care they waited for.
    mutating func dischargeDeadline(_ agent: Int, day: Int, hospital: Int) {
        guard let stay = blocked[UInt32(agent)], Int(stay.hospital) == hospital,
              Int(stay.since) + c.p.hospital.maxDischargeDelayDays == day else { return }
        blocked[UInt32(agent)] = nil
        let role = Int(placeKind(agent) & 3) - 1
        setPlace(agent, kind: 0, position: 0, newEpisode: false)
        let zoneIndex = Int(zone[agent])
        if isCounted(day) {
            count(role == 2 ? .ehpadUnavailable : .homeCareNotStarted, zone: zoneIndex)
            count(.dischargeDelayDays, zone: zoneIndex, Double(day - Int(stay.since)))
        }
        press(.dischargeDelayDays, actor: net.hospital.actors[hospital], isCounted(day) ? Double(day - Int(stay.since)) : 0)
        leave(agent, day: day, hospital: hospital)
    }

    /// Frees the bed (a boarder takes it), records the discharge, arranges a GP follow-up
    /// (likelier and sooner when hospital and GP are linked) and draws a readmission.
    mutating func leave(_ agent: Int, day: Int, hospital: Int) {
        bedsUsed[hospital] -= 1
        chronic[agent] &= ~2
        admitBoarder(hospital, day: day)
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

        // A resident's follow-up is the EHPAD's own doctor: only patients at home book a GP.
        let declared = declaredGP(agent)
        let linked = declared >= 0 && net.linked(gp: declared, hospital: hospital)
        if !isResident(agent), draw(agent) < (linked ? c.p.followUp.probabilityLinked : c.p.followUp.probabilityUnlinked) {
            let delay = (linked ? c.followUpLinked : c.followUpUnlinked).draw(draw(agent), draw(agent))
            let target = day + max(1, Int(delay.rounded()))
            if let booking = bookGP(agent, zone: zoneIndex, from: target, tolerance: c.p.gp.toleranceFollowUpDays) {
                recordGP(agent, zone: zoneIndex, booking, needDay: target, followUp: true)
            }
        }
        let followUp = Int(dischargeFollowUp[Int(record)])
        let seenWithin7 = isResident(agent) || (followUp >= 0 && followUp - day <= 7)
        let risk = min(1, c.readmission[bandIndex] * (seenWithin7 ? 1 : c.p.readmission.multiplierWithoutFollowUp))
        if draw(agent) < risk {
            let offset = 1 + min(29, Int(draw(agent) * 30))
            schedule(day: day + offset, agent: agent, kind: CalendarEntry.readmission, payload: hospital)
        }
    }
}
