extension Replication {
    static let needTallies: [Tally] = [.needsChronicFollowUp, .needsAcuteMinor, .needsAcuteUrgent, .needsSpecialist, .needsPrescription]

    /// A need arises: draw its kind, thin it by the rhythms, surges and epidemics, send the patient to care.
    mutating func need(_ agent: Int, day: Int, time: Double) {
        scheduleNextNeed(agent: agent, after: time)
        let zoneIndex = Int(zone[agent])
        // A patient in a hospital bed has no outside needs until discharge.
        if chronic[agent] & 2 != 0 { return }
        let bandIndex = Int(band[agent])
        let combo = bandIndex * 2 + Int(chronic[agent] & 1)
        let u = draw(agent)
        var kind = CompiledParameters.kinds - 1
        for candidate in 0..<CompiledParameters.kinds where u < c.cumulative[combo * CompiledParameters.kinds + candidate] { kind = candidate; break }
        if kind == 2 {
            // Urgent needs are drawn at the rhythms' highest rate and kept in proportion to today's.
            var keep = urgentKeep[day]
            if tourist[zoneIndex], summer[day] { keep *= c.p.rhythms.touristSummerFactor }
            if draw(agent) >= keep { return }
        }
        if kind >= 5 { return homeEntry(agent, role: kind - 5, day: day) }
        if hasSurge[zoneIndex], draw(agent) * schedule.surgeMax[zoneIndex] >= demandFactor(zone: zoneIndex, band: bandIndex, kind: kind) { return }
        let counted = isCounted(day)
        if counted {
            count(.needs, zone: zoneIndex)
            count(Self.needTallies[kind], zone: zoneIndex)
        }
        eventLog?.add(agent: agent, day: day, activity: .need(kind), actor: -1)
        // EHPAD residents see the home's doctor and get their medicines there.
        if isResident(agent), kind == 0 || kind == 1 || kind == 4 {
            if counted { count(.ehpadResidentCare, zone: zoneIndex) }
            return
        }
        switch kind {
        case 0, 1:
            let tolerance = kind == 0 ? c.p.gp.toleranceChronicDays : c.p.gp.toleranceAcuteDays
            if let booking = bookGP(agent, zone: zoneIndex, from: day, tolerance: tolerance) {
                recordGP(agent, zone: zoneIndex, booking, needDay: day, followUp: false)
            } else if draw(agent) < (kind == 0 ? c.p.gp.chronicToEmergencyWithoutSlot : c.p.gp.acuteToEmergencyWithoutSlot) {
                emergencyVisit(agent, zone: zoneIndex, day: day, time: time, avoidable: true)
            } else if counted {
                count(.unmet, zone: zoneIndex)
                count(.unmetGP, zone: zoneIndex)
                eventLog?.add(agent: agent, day: day, activity: .unmet, actor: -1)
            }
        case 2:
            urgentVisit(agent, zone: zoneIndex, day: day, time: time, returning: false)
        case 3:
            specialistReferral(agent, zone: zoneIndex, day: day)
        default:
            pharmacy(agent, zone: zoneIndex, day: day)
        }
    }

    /// An urgent visit that may end in an admission; an unmet one (no department in reach, or
    /// left without being seen) may come back as a visit later (once).
    mutating func urgentVisit(_ agent: Int, zone zoneIndex: Int, day: Int, time: Double, returning: Bool) {
        if let department = emergencyVisit(agent, zone: zoneIndex, day: day, time: time, avoidable: false, countUnmet: !returning) {
            if department >= 0, draw(agent) < c.admission[Int(band[agent])] {
                admit(agent, day: day, preferred: net.emergencyHospital[department], source: .admissionsEmergency, time: time)
            }
            if department >= 0 { return }
        }
        if !returning, c.p.emergency.unmetReturnShare > 0, draw(agent) < c.p.emergency.unmetReturnShare {
            let delay = max(1, Int(c.unmetReturnDelay.draw(draw(agent), draw(agent)).rounded()))
            schedule(day: day + delay, agent: agent, kind: CalendarEntry.returnVisit, payload: 0)
        }
    }

    /// An unmet urgent need comes back (at midday) as an emergency visit.
    mutating func returnVisit(_ agent: Int, day: Int) {
        guard chronic[agent] & 2 == 0 else { return }
        let zoneIndex = Int(zone[agent])
        if isCounted(day) { count(.emergencyReturnVisits, zone: zoneIndex) }
        urgentVisit(agent, zone: zoneIndex, day: day, time: Double(day) + 0.5, returning: true)
    }

    /// The first working day with a free slot at a provider within the tolerance, if any.
    ///
    /// Slots are only ever taken, never given back, so the first day with a free slot only
    /// moves forward: `nextFree` remembers it per provider and saves rescanning full days.
    @inline(__always)
    static func earliestSlot(_ slots: [Int16], bookDays: Int, nextFree: inout [Int32], provider: Int, from day: Int, tolerance: Int) -> Int? {
        let base = provider * bookDays
        let last = min(day + tolerance, bookDays - 1)
        let known = Int(nextFree[provider])
        let first = max(day, known)
        guard first <= last else { return nil }
        for candidate in first...last where slots[base + candidate] > 0 {
            if day <= known { nextFree[provider] = Int32(candidate) }
            return candidate
        }
        if day <= known { nextFree[provider] = Int32(last + 1) }
        return nil
    }

    /// The declared GP within tolerance; else a GP of the same MSP or CPTS; else the nearest
    /// GP with a slot within the search limit (at most `max_candidates` tried).
    mutating func bookGP(_ agent: Int, zone zoneIndex: Int, from day: Int, tolerance: Int) -> Booking? {
        let lists = net.gpLists
        let range = lists.range(zoneIndex)
        let factor = slow[zoneIndex]
        let limit = c.p.travel.gpLimitMinutes
        var declared = -1
        if gpRank[agent] != 255 {
            let slot = range.lowerBound + Int(gpRank[agent])
            declared = Int(lists.providers[slot])
            let minutes = Double(lists.minutes[slot]) * factor
            if minutes <= limit, let booked = Self.earliestSlot(gpSlots, bookDays: bookDays, nextFree: &gpNextFree, provider: declared, from: day, tolerance: tolerance) {
                return Booking(provider: declared, rank: Int(gpRank[agent]), day: booked, minutes: minutes, route: .declared)
            }
        }
        var fallback: Booking?
        for slot in range {
            let minutes = Double(lists.minutes[slot]) * factor
            if minutes > limit { break }
            let provider = Int(lists.providers[slot])
            if provider == declared { continue }
            guard let booked = Self.earliestSlot(gpSlots, bookDays: bookDays, nextFree: &gpNextFree, provider: provider, from: day, tolerance: tolerance) else { continue }
            if declared >= 0, net.sameGroup(provider, declared) {
                return Booking(provider: provider, rank: slot - range.lowerBound, day: booked, minutes: minutes, route: .colleague)
            }
            if fallback == nil {
                fallback = Booking(provider: provider, rank: slot - range.lowerBound, day: booked, minutes: minutes, route: .other)
                if declared < 0 { break }
            }
        }
        return fallback
    }

    /// Takes the slot and counts the contact (on the day it happens).
    mutating func recordGP(_ agent: Int, zone zoneIndex: Int, _ booking: Booking, needDay: Int, followUp: Bool) {
        gpSlots[booking.provider * bookDays + booking.day] -= 1
        let day = booking.day
        let actor = net.gp.actors[booking.provider]
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
                count(.gpWaitingDays, zone: zoneIndex, Double(day - needDay))
                count(.gpWaitedContacts, zone: zoneIndex)
            }
            count(.travelMinutes, zone: zoneIndex, 2 * booking.minutes)
            actorContacts[actor] += 1
            // Slots are booked ahead: the visit joins the continuity sequence on its own day, in visit order.
            schedule(day: day, agent: agent, kind: CalendarEntry.gpVisit, payload: booking.rank + 1)
        }
        eventLog?.add(agent: agent, day: day, activity: followUp ? .gpFollowUp : .gpContact, actor: actor)
        let record = Int(openDischarge[agent])
        if record >= 0, day >= Int(dischargeDay[record]), dischargeFollowUp[record] < 0 || day < Int(dischargeFollowUp[record]) {
            dischargeFollowUp[record] = Int32(day)
        }
    }

    /// The nearest open emergency department: the patient waits there in proportion to its
    /// crowding and may leave without being seen. Returns the department (−1 − department when
    /// the patient left unseen), nil (unmet) when none is within the limit.
    @discardableResult
    mutating func emergencyVisit(_ agent: Int, zone zoneIndex: Int, day: Int, time: Double, avoidable: Bool, countUnmet: Bool = true) -> Int? {
        let lists = net.emergencyLists
        let factor = slow[zoneIndex]
        let limit = c.p.travel.emergencyLimitMinutes
        let counted = isCounted(day)
        for slot in lists.range(zoneIndex) {
            let minutes = Double(lists.minutes[slot]) * factor
            if minutes > limit { break }
            let department = Int(lists.providers[slot])
            let actor = net.emergency.actors[department]
            if closed[actor] > 0 { continue }
            if nightClosed[actor] > 0, draw(agent) < c.p.emergency.nightShare { continue }
            let wait = emergencyWait(department, time: time - Double(day))
            emergencyToday[department] += 1
            if counted {
                count(.emergencyVisits, zone: zoneIndex)
                if avoidable { count(.emergencyVisitsAvoidable, zone: zoneIndex) }
                count(.travelMinutes, zone: zoneIndex, 2 * minutes)
                count(.emergencyTravelMinutes, zone: zoneIndex, minutes)
                count(.emergencyWaitMinutes, zone: zoneIndex, wait)
                actorContacts[actor] += 1
                press(.arrivals, actor: actor)
                press(.waitMinutes, actor: actor, wait)
            }
            eventLog?.add(agent: agent, day: day, activity: avoidable ? .emergencyAvoidable : .emergency, actor: actor)
            if draw(agent) < min(1, c.p.emergency.leftWithoutBeingSeenPerWaitingHour * wait / 60) {
                if counted {
                    count(.leftWithoutBeingSeen, zone: zoneIndex)
                    press(.leftWithoutBeingSeen, actor: actor)
                }
                eventLog?.add(agent: agent, day: day, activity: .leftWithoutBeingSeen, actor: actor)
                return -1 - department
            }
            return department
        }
        // A returning need that still finds no department was counted as unmet the first time.
        if counted, countUnmet {
            count(.unmet, zone: zoneIndex)
            count(avoidable ? .unmetGP : .unmetUrgent, zone: zoneIndex)
            eventLog?.add(agent: agent, day: day, activity: .unmet, actor: -1)
        }
        return nil
    }

    /// Minutes before being seen: `base_wait_minutes / (1 − load)`, the load being the arrivals
    /// of the last 24 hours (today's so far, the rest of the day from yesterday's count) plus the
    /// patients boarding there, over the department's staffed visits a day, at most `maximum_load`.
    @inline(__always)
    func emergencyWait(_ department: Int, time fraction: Double) -> Double {
        let hospital = net.emergencyHospital[department]
        let recent = Double(emergencyToday[department]) + Double(emergencyYesterday[department]) * max(0, 1 - fraction)
        let demand = recent + Double(boarders[hospital].count) * c.p.emergency.boardingLoadWeight
        let capacity = emergencyCap[department]
        let load = capacity > 0 ? min(c.p.emergency.maximumLoad, demand / capacity) : c.p.emergency.maximumLoad
        return c.p.emergency.baseWaitMinutes / (1 - load)
    }

    /// A specialist with a slot within tolerance, else a hospital outpatient clinic; may lead to a planned stay.
    mutating func specialistReferral(_ agent: Int, zone zoneIndex: Int, day: Int) {
        let factor = slow[zoneIndex]
        let limit = c.p.travel.specialistLimitMinutes
        let lists = net.specialistLists
        for slot in lists.range(zoneIndex) {
            let minutes = Double(lists.minutes[slot]) * factor
            if minutes > limit { break }
            let provider = Int(lists.providers[slot])
            guard let booked = Self.earliestSlot(specialistSlots, bookDays: bookDays, nextFree: &specialistNextFree, provider: provider, from: day, tolerance: c.p.specialist.toleranceDays) else { continue }
            specialistSlots[provider * bookDays + booked] -= 1
            specialistContact(agent, zone: zoneIndex, day: booked, minutes: minutes, actor: net.specialist.actors[provider], hospital: -1)
            return
        }
        let hospitals = net.hospitalLists
        for slot in hospitals.range(zoneIndex) {
            let minutes = Double(hospitals.minutes[slot]) * factor
            if minutes > limit { break }
            let hospital = Int(hospitals.providers[slot])
            let actor = net.hospital.actors[hospital]
            if closed[actor] > 0 { continue }
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

    private mutating func specialistContact(_ agent: Int, zone zoneIndex: Int, day: Int, minutes: Double, actor: Int, hospital: Int) {
        if isCounted(day) {
            count(.specialistContacts, zone: zoneIndex)
            count(.travelMinutes, zone: zoneIndex, 2 * minutes)
            actorContacts[actor] += 1
        }
        eventLog?.add(agent: agent, day: day, activity: .specialist, actor: actor)
        guard draw(agent) < c.p.specialist.electiveAdmissionProbability else { return }
        let delay = max(1, Int(c.electiveDelay.draw(draw(agent), draw(agent)).rounded()))
        var preferred = hospital
        if preferred < 0, gpRank[agent] != 255 {
            let slot = net.gpLists.range(Int(zone[agent])).lowerBound + Int(gpRank[agent])
            preferred = net.firstLinkedHospital(gp: Int(net.gpLists.providers[slot])) ?? -1
        }
        schedule(day: day + delay, agent: agent, kind: CalendarEntry.electiveAdmission, payload: preferred + 1)
    }

    /// The nearest open pharmacy (not capacity-bound).
    mutating func pharmacy(_ agent: Int, zone zoneIndex: Int, day: Int) {
        let lists = net.pharmacyLists
        let factor = slow[zoneIndex]
        for slot in lists.range(zoneIndex) {
            let minutes = Double(lists.minutes[slot]) * factor
            if minutes > c.p.travel.pharmacyLimitMinutes { break }
            let actor = net.pharmacy.actors[Int(lists.providers[slot])]
            if closed[actor] > 0 { continue }
            if isCounted(day) {
                count(.pharmacyContacts, zone: zoneIndex)
                count(.travelMinutes, zone: zoneIndex, 2 * minutes)
                actorContacts[actor] += 1
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

    /// Adds a GP visit to the agent's continuity histogram (labels are list positions + 1).
    @inline(__always)
    mutating func recordVisit(_ agent: Int, label: Int) {
        var meta = visitMeta[agent]
        let n = meta & 0xFF
        guard n < 255 else { return }
        var same = (meta >> 8) & 0xFF
        let last = (meta >> 16) & 0xFF
        var overflow = meta >> 24
        let value = UInt64(label)
        if UInt64(last) == value { same += 1 }
        var bins = histogram[agent]
        var placed = false
        for bin in 0..<4 {
            let shift = UInt64(bin * 16)
            let binLabel = (bins >> shift) & 0xFF
            if binLabel == value {
                bins += 1 << (shift + 8)
                placed = true
                break
            }
            if binLabel == 0 {
                bins |= value << shift | 1 << (shift + 8)
                placed = true
                break
            }
        }
        if !placed { overflow = min(255, overflow + 1) }
        histogram[agent] = bins
        meta = (n + 1) | same << 8 | UInt32(label & 0xFF) << 16 | overflow << 24
        visitMeta[agent] = meta
    }
}
