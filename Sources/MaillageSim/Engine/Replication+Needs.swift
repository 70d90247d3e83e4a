extension Replication {
    /// A need arises: draw its kind, thin it by the rhythms, surges and epidemics, send the patient to care.
    mutating func need(_ agent: Int, day: Int, time: Double) {
        scheduleNextNeed(agent: agent, after: time)
        let zoneIndex = Int(agents.zone[agent])
        // A patient in a hospital bed has no outside needs until discharge.
        if isInHospital(agent) { return }
        let bandIndex = Int(agents.band[agent])
        let need = drawNeed(agent)
        if need == .acuteUrgent, !keepsUrgentNeed(agent, zone: zoneIndex, day: day) { return }
        if let role = need.placeRequest { return homeEntry(agent, role: role, day: day) }
        let kind = need.rawValue
        if conditions.hasSurge[zoneIndex],
            draw(agent) * schedule.surgeMax[zoneIndex] >= demandFactor(zone: zoneIndex, band: bandIndex, kind: kind)
        {
            return
        }
        let counted = isCounted(day)
        if counted, let tally = need.tally {
            count(.needs, zone: zoneIndex)
            count(tally, zone: zoneIndex)
        }
        eventLog?.add(agent: agent, day: day, activity: .need(kind), actor: -1)
        // EHPAD residents see the home's doctor and get their medicines there.
        if agents.isResident(agent), need == .chronicFollowUp || need == .acuteMinor || need == .prescription {
            if counted { count(.ehpadResidentCare, zone: zoneIndex) }
            return
        }
        switch need {
        case .chronicFollowUp, .acuteMinor:
            gpNeed(agent, chronic: need == .chronicFollowUp, zone: zoneIndex, day: day, time: time)
        case .acuteUrgent: urgentVisit(agent, zone: zoneIndex, day: day, time: time, returning: false)
        case .specialistReferral: specialistReferral(agent, zone: zoneIndex, day: day)
        case .prescription: pharmacy(agent, zone: zoneIndex, day: day)
        case .ssiadRequest, .hadRequest, .ehpadRequest: break
        }
    }

    /// The kind of the agent's need, drawn from the shares of their (band, chronic) pair.
    @inline(__always)
    private mutating func drawNeed(_ agent: Int) -> DrawnNeed {
        let kinds = CompiledParameters.kinds
        let base = needCombination(agent) * kinds
        let u = draw(agent)
        var kind = kinds - 1
        for candidate in 0..<kinds where u < model.cumulative[base + candidate] {
            kind = candidate
            break
        }
        // `kind` < 8 by the loop: reinterpreted as ``CalendarEntry/kind`` is (no call per need).
        assert(DrawnNeed(rawValue: kind) != nil)
        return unsafeBitCast(UInt8(truncatingIfNeeded: kind), to: DrawnNeed.self)
    }

    /// Urgent needs are drawn at the rhythms' highest rate and kept in proportion to today's.
    @inline(__always)
    private mutating func keepsUrgentNeed(_ agent: Int, zone zoneIndex: Int, day: Int) -> Bool {
        var keep = conditions.urgentKeep[day]
        if conditions.tourist[zoneIndex], conditions.summer[day] { keep *= settings.rhythms.touristSummerFactor }
        return draw(agent) < keep
    }

    /// A GP need: a slot within the tolerance, else maybe the emergency department, else unmet.
    private mutating func gpNeed(_ agent: Int, chronic: Bool, zone zoneIndex: Int, day: Int, time: Double) {
        let tolerance = chronic ? settings.gp.toleranceChronicDays : settings.gp.toleranceAcuteDays
        if let booking = bookGP(agent, zone: zoneIndex, from: day, tolerance: tolerance) {
            recordGP(agent, zone: zoneIndex, booking, needDay: day, followUp: false)
        } else if draw(agent)
            < (chronic
                ? settings.gp.chronicToEmergencyWithoutSlot
                : settings.gp.acuteToEmergencyWithoutSlot)
        {
            emergencyVisit(agent, zone: zoneIndex, day: day, time: time, avoidable: true)
        } else if isCounted(day) {
            count(.unmet, zone: zoneIndex)
            count(.unmetGP, zone: zoneIndex)
            eventLog?.add(agent: agent, day: day, activity: .unmet, actor: -1)
        }
    }

    /// A specialist with a slot within tolerance, else a hospital outpatient clinic; may lead to a planned stay.
    mutating func specialistReferral(_ agent: Int, zone zoneIndex: Int, day: Int) {
        let factor = conditions.travelFactor[zoneIndex]
        let limit = settings.travel.specialistLimitMinutes
        let lists = network.specialistLists
        for slot in lists.range(zoneIndex) {
            let minutes = Double(lists.minutes[slot]) * factor
            if minutes > limit { break }
            let provider = Int(lists.providers[slot])
            guard
                let booked = specialistBook.earliest(
                    provider: provider, from: day,
                    tolerance: settings.specialist.toleranceDays)
            else { continue }
            specialistBook.take(provider: provider, day: booked)
            specialistContact(
                agent, zone: zoneIndex, day: booked, minutes: minutes,
                actor: network.specialist.actors[provider], hospital: -1)
            return
        }
        let hospitals = network.hospitalLists
        for slot in hospitals.range(zoneIndex) {
            let minutes = Double(hospitals.minutes[slot]) * factor
            if minutes > limit { break }
            let hospital = Int(hospitals.providers[slot])
            let actor = network.hospital.actors[hospital]
            if conditions.closed[actor] > 0 { continue }
            if isCounted(day) { count(.specialistContactsHospital, zone: zoneIndex) }
            specialistContact(agent, zone: zoneIndex, day: day, minutes: minutes, actor: actor, hospital: hospital)
            return
        }
        if isCounted(day) {
            count(.unmet, zone: zoneIndex)
            count(.unmetSpecialist, zone: zoneIndex)
            eventLog?.add(agent: agent, day: day, activity: .unmet, actor: -1)
        }
    }

    /// Counts the contact; the specialist may book a planned stay (at their hospital, else one
    /// linked to the patient's GP).
    private mutating func specialistContact(
        _ agent: Int, zone zoneIndex: Int, day: Int, minutes: Double, actor: Int,
        hospital: Int
    ) {
        if isCounted(day) {
            count(.specialistContacts, zone: zoneIndex)
            add(.travelMinutes, zone: zoneIndex, 2 * minutes)
            counters.actorContacts[actor] += 1
        }
        eventLog?.add(agent: agent, day: day, activity: .specialist, actor: actor)
        guard draw(agent) < settings.specialist.electiveAdmissionProbability else { return }
        let delay = max(1, Int(model.electiveDelay.draw(draw(agent), draw(agent)).rounded()))
        var preferred = hospital
        if preferred < 0, agents.hasDeclaredGP(agent) {
            preferred = network.firstLinkedHospital(gp: declaredGP(agent)) ?? -1
        }
        schedule(day: day + delay, agent: agent, kind: .electiveAdmission, payload: preferred + 1)
    }

    /// The nearest open pharmacy (not capacity-bound).
    mutating func pharmacy(_ agent: Int, zone zoneIndex: Int, day: Int) {
        let lists = network.pharmacyLists
        let factor = conditions.travelFactor[zoneIndex]
        for slot in lists.range(zoneIndex) {
            let minutes = Double(lists.minutes[slot]) * factor
            if minutes > settings.travel.pharmacyLimitMinutes { break }
            let actor = network.pharmacy.actors[Int(lists.providers[slot])]
            if conditions.closed[actor] > 0 { continue }
            if isCounted(day) {
                count(.pharmacyContacts, zone: zoneIndex)
                add(.travelMinutes, zone: zoneIndex, 2 * minutes)
                counters.actorContacts[actor] += 1
            }
            eventLog?.add(agent: agent, day: day, activity: .pharmacy, actor: actor)
            return
        }
        if isCounted(day) {
            count(.unmet, zone: zoneIndex)
            count(.unmetPharmacy, zone: zoneIndex)
            eventLog?.add(agent: agent, day: day, activity: .unmet, actor: -1)
        }
    }
}
