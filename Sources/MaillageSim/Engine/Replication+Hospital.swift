extension Replication {
    /// Whether a hospital is open and has a free bed.
    @inline(__always)
    mutating func hasBed(_ hospital: Int) -> Bool {
        conditions.closed[network.hospital.actors[hospital]] == 0 && beds.used[hospital] < beds.capacity[hospital]
    }

    /// The nearest hospital with a free bed within the limit, or -1.
    mutating func nearestWithBed(zone zoneIndex: Int) -> Int {
        let lists = network.hospitalLists
        let factor = conditions.travelFactor[zoneIndex]
        for slot in lists.range(zoneIndex) {
            if Double(lists.minutes[slot]) * factor > settings.travel.hospitalLimitMinutes { break }
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
        if isInHospital(agent) { return }
        let zoneIndex = Int(agents.zone[agent])
        let valid = preferred >= 0 && preferred < beds.used.count
        var chosen = valid && hasBed(preferred) ? preferred : nearestWithBed(zone: zoneIndex)
        let counted = isCounted(day)
        if chosen >= 0 {
            if valid, chosen != preferred, source != .admissionsElective {
                transfer(agent, from: preferred, to: chosen, day: day)
            }
            takeBed(agent, hospital: chosen, day: day, source: source)
            return
        }
        if source == .admissionsElective {
            // Each time a planned stay is put back counts; it is not an admission without a bed until it is unplanned.
            if counted { count(.electivePostponed, zone: zoneIndex) }
            schedule(
                day: day + settings.hospital.electivePostponementDays, agent: agent, kind: .electiveAdmission,
                payload: preferred + 1)
            return
        }
        if !valid {
            let range = network.hospitalLists.range(zoneIndex)
            chosen = range.isEmpty ? -1 : Int(network.hospitalLists.providers[range.lowerBound])
        } else {
            chosen = preferred
        }
        if counted { count(.admissionsWithoutBed, zone: zoneIndex) }
        guard chosen >= 0 else {
            if counted { count(.patientsLost, zone: zoneIndex) }
            return
        }
        emergency.boarders[chosen].append(.init(agent: UInt32(agent), since: time, source: source))
        emergency.boardingCount += 1
        agents.state[agent].insert(.inHospital)
        if counted { count(.boardingPatients, zone: zoneIndex) }
        press(.boardingPatients, actor: network.hospital.actors[chosen], counted ? 1 : 0)
        eventLog?.add(agent: agent, day: day, activity: .boarding, actor: network.hospital.actors[chosen])
    }

    /// Counts a patient sent from a full hospital to another.
    private mutating func transfer(_ agent: Int, from: Int, to: Int, day: Int) {
        guard isCounted(day) else { return }
        count(.transfers, zone: Int(agents.zone[agent]))
        press(.transfersOut, actor: network.hospital.actors[from])
        press(.transfersIn, actor: network.hospital.actors[to])
        eventLog?.add(agent: agent, day: day, activity: .transfer, actor: network.hospital.actors[to])
    }

    /// Takes a bed for a length of stay drawn for the admission's kind.
    mutating func takeBed(_ agent: Int, hospital chosen: Int, day: Int, source: Tally) {
        let zoneIndex = Int(agents.zone[agent])
        beds.used[chosen] += 1
        agents.state[agent].insert(.inHospital)
        let actor = network.hospital.actors[chosen]
        if isCounted(day) {
            count(.admissions, zone: zoneIndex)
            count(source, zone: zoneIndex)
            counters.actorContacts[actor] += 1
        }
        eventLog?.add(agent: agent, day: day, activity: .admission, actor: actor)
        let record = Int(agents.lastDischarge[agent])
        if record >= 0, !discharges.readmitted[record], day - Int(discharges.day[record]) <= 30 {
            discharges.readmitted[record] = true
        }
        let sampler = source == .admissionsElective ? model.electiveLengthOfStay : model.lengthOfStay
        let stay = max(1, Int(sampler.draw(draw(agent), draw(agent)).rounded()))
        schedule(day: day + stay, agent: agent, kind: .discharge, payload: chosen)
    }

    /// Hours a boarder waited, counted on the day the wait ends.
    private mutating func endBoarding(
        _ boarder: EmergencyDepartments.Boarder, hospital: Int, at time: Double,
        day: Int
    ) {
        emergency.boardingCount -= 1
        let agent = Int(boarder.agent)
        agents.state[agent].remove(.inHospital)
        let hours = min(settings.emergency.boardingCapHours, max(0, (time - boarder.since) * 24))
        if isCounted(day) { add(.boardingHours, zone: Int(agents.zone[agent]), hours) }
        press(.boardingHours, actor: network.hospital.actors[hospital], isCounted(day) ? hours : 0)
    }

    /// Each morning: boarders past the cap are lost to the territory; the others take a bed of
    /// their hospital, else one of the nearest hospital with a free bed (a transfer), else wait on.
    mutating func reviewBoarders(_ day: Int) {
        for hospital in emergency.boarders.indices where !emergency.boarders[hospital].isEmpty {
            var kept: [EmergencyDepartments.Boarder] = []
            for boarder in emergency.boarders[hospital] {
                let agent = Int(boarder.agent)
                if (Double(day) - boarder.since) * 24 > settings.emergency.boardingCapHours {
                    endBoarding(boarder, hospital: hospital, at: Double(day), day: day)
                    if isCounted(day) { count(.patientsLost, zone: Int(agents.zone[agent])) }
                    press(.patientsLost, actor: network.hospital.actors[hospital], isCounted(day) ? 1 : 0)
                    eventLog?.add(agent: agent, day: day, activity: .lost, actor: network.hospital.actors[hospital])
                    continue
                }
                var target = hasBed(hospital) ? hospital : -1
                if target < 0 { target = nearestWithBed(zone: Int(agents.zone[agent])) }
                guard target >= 0 else {
                    kept.append(boarder)
                    continue
                }
                endBoarding(boarder, hospital: hospital, at: Double(day), day: day)
                if target != hospital { transfer(agent, from: hospital, to: target, day: day) }
                takeBed(agent, hospital: target, day: day, source: boarder.source)
            }
            emergency.boarders[hospital] = kept
        }
    }

    /// A bed frees at noon: the first patient boarding in the hospital's department takes it.
    private mutating func admitBoarder(_ hospital: Int, day: Int) {
        guard !emergency.boarders[hospital].isEmpty, hasBed(hospital) else { return }
        let boarder = emergency.boarders[hospital].removeFirst()
        endBoarding(boarder, hospital: hospital, at: Double(day) + 0.5, day: day)
        takeBed(Int(boarder.agent), hospital: hospital, day: day, source: boarder.source)
    }

    /// The stay is over: home, home with SSIAD/HAD, or an EHPAD. A resident goes back to their
    /// EHPAD and a patient already in home care resumes it (no second place); a full service
    /// keeps the patient in bed on its waiting list (bed blocking) up to `max_discharge_delay_days`.
    mutating func discharge(_ agent: Int, day: Int, hospital: Int) {
        let zoneIndex = Int(agents.zone[agent])
        let counted = isCounted(day)
        guard !agents.isResident(agent), let role = careAfterStay(agent, zone: zoneIndex, counted: counted) else {
            return leave(agent, day: day, hospital: hospital)
        }
        var candidates = serviceCandidates(role: role, zone: zoneIndex)
        if role != .ehpad {
            // A service with a discharge agreement first: it starts sooner.
            let agreed = candidates.filter { network.agreements[hospital].contains(roleActors(role)[$0]) }
            candidates = agreed + candidates.filter { !agreed.contains($0) }
        }
        if let free = candidates.first(where: { hasRoom(role, $0) }) {
            startPlace(agent, role: role, position: free, day: day, hospital: hospital)
            return leave(agent, day: day, hospital: hospital)
        }
        let open = candidates.first { conditions.closed[roleActors(role)[$0]] == 0 }
        guard let open, settings.hospital.maxDischargeDelayDays > 0 else {
            if counted { count(role == .ehpad ? .ehpadUnavailable : .homeCareNotStarted, zone: zoneIndex) }
            return leave(agent, day: day, hospital: hospital)
        }
        blockBed(agent, waitingFor: role, position: open, hospital: hospital, day: day)
    }

    /// The place a patient needs after the stay: an EHPAD, else SSIAD or HAD by the age band's
    /// shares; nil to go home, also when the home care they already had resumes.
    private mutating func careAfterStay(_ agent: Int, zone zoneIndex: Int, counted: Bool) -> PlaceRole? {
        let bandIndex = Int(agents.band[agent])
        let destination = draw(agent)
        if destination < model.ehpad[bandIndex] { return .ehpad }
        guard destination < model.ehpad[bandIndex] + model.homeCare[bandIndex] else { return nil }
        let role: PlaceRole = draw(agent) < settings.discharge.hadShare ? .had : .ssiad
        if counted { count(.homeCareNeeded, zone: zoneIndex) }
        guard !agents.place[agent].holds(role) else {
            if counted { count(.homeCareResumed, zone: zoneIndex) }
            return nil
        }
        return role
    }

    /// Bed blocking: the patient keeps the bed, on the waiting list in order of arrival, up to the longest delay.
    private mutating func blockBed(_ agent: Int, waitingFor role: PlaceRole, position: Int, hospital: Int, day: Int) {
        releaseHomeCare(agent, day: day)
        joinWaitingList(agent, role: role, position: position, day: day)
        beds.blocked[UInt32(agent)] = HospitalBeds.Blocked(hospital: Int32(hospital), since: Int32(day))
        let counted = isCounted(day)
        if counted { count(.dischargesDelayed, zone: Int(agents.zone[agent])) }
        press(.dischargesDelayed, actor: network.hospital.actors[hospital], counted ? 1 : 0)
        eventLog?.add(agent: agent, day: day, activity: .delayedDischarge, actor: network.hospital.actors[hospital])
        schedule(
            day: day + settings.hospital.maxDischargeDelayDays, agent: agent, kind: .dischargeDeadline,
            payload: hospital)
    }

    /// A blocked patient who waited the longest delay goes home without the care they waited for.
    mutating func dischargeDeadline(_ agent: Int, day: Int, hospital: Int) {
        guard let stay = beds.blocked[UInt32(agent)], Int(stay.hospital) == hospital,
            Int(stay.since) + settings.hospital.maxDischargeDelayDays == day
        else { return }
        beds.blocked[UInt32(agent)] = nil
        let role = agents.place[agent].role
        agents.place[agent].clear()
        let zoneIndex = Int(agents.zone[agent])
        let delay = Double(day - Int(stay.since))
        if isCounted(day) {
            count(role == .ehpad ? .ehpadUnavailable : .homeCareNotStarted, zone: zoneIndex)
            add(.dischargeDelayDays, zone: zoneIndex, delay)
        }
        press(.dischargeDelayDays, actor: network.hospital.actors[hospital], isCounted(day) ? delay : 0)
        leave(agent, day: day, hospital: hospital)
    }

    /// Frees the bed (a boarder takes it), records the discharge, arranges a GP follow-up
    /// (likelier and sooner when hospital and GP are linked) and draws a readmission.
    mutating func leave(_ agent: Int, day: Int, hospital: Int) {
        beds.used[hospital] -= 1
        agents.state[agent].remove(.inHospital)
        admitBoarder(hospital, day: day)
        let zoneIndex = Int(agents.zone[agent])
        let bandIndex = Int(agents.band[agent])
        let record = discharges.open(agent: agent, day: day)
        agents.lastDischarge[agent] = record
        let counted = isCounted(day)
        if counted { count(.discharges, zone: zoneIndex) }
        eventLog?.add(agent: agent, day: day, activity: .discharge, actor: network.hospital.actors[hospital])

        // A resident's follow-up is the EHPAD's own doctor: only patients at home book a GP.
        let declared = declaredGP(agent)
        let linked = declared >= 0 && network.linked(gp: declared, hospital: hospital)
        let followUpProbability = linked ? settings.followUp.probabilityLinked : settings.followUp.probabilityUnlinked
        if !agents.isResident(agent), draw(agent) < followUpProbability {
            let delay = (linked ? model.followUpLinked : model.followUpUnlinked).draw(draw(agent), draw(agent))
            let target = day + max(1, Int(delay.rounded()))
            let tolerance = settings.gp.toleranceFollowUpDays
            if let booking = bookGP(agent, zone: zoneIndex, from: target, tolerance: tolerance) {
                recordGP(agent, zone: zoneIndex, booking, needDay: target, followUp: true)
            }
        }
        let followUp = Int(discharges.followUp[Int(record)])
        let seenWithin7 = agents.isResident(agent) || (followUp >= 0 && followUp - day <= 7)
        let multiplier = seenWithin7 ? 1 : settings.readmission.multiplierWithoutFollowUp
        let risk = min(1, model.readmission[bandIndex] * multiplier)
        if draw(agent) < risk {
            let offset = 1 + min(29, Int(draw(agent) * 30))
            schedule(day: day + offset, agent: agent, kind: .readmission, payload: hospital)
        }
    }
}
