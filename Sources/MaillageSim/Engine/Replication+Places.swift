/// Long-stay places (SSIAD, HAD, EHPAD): who holds one, waiting lists, residents.
extension Replication {
    /// The territory actors of a role, by position in the role.
    @inline(__always)
    func roleActors(_ role: PlaceRole) -> [Int] {
        switch role {
        case .ssiad: network.ssiad.actors
        case .had: network.had.actors
        case .ehpad: network.ehpad.actors
        }
    }

    /// Whether a provider is open and has a place left.
    @inline(__always)
    func hasRoom(_ role: PlaceRole, _ position: Int) -> Bool {
        conditions.closed[roleActors(role)[position]] == 0 && places.hasFreePlace(role, position)
    }

    /// The agent takes a place until `endDay` (releasing any SSIAD/HAD place held); an EHPAD makes them a resident.
    mutating func occupy(_ agent: Int, role: PlaceRole, position: Int, day: Int, endDay: Int) {
        releaseHomeCare(agent, day: day)
        places.used[role.rawValue][position] += 1
        agents.place[agent].begin(role, waiting: false, position: position)
        schedule(
            day: max(endDay, day + 1), agent: agent, kind: .placeEnd(role),
            payload: position | Int(agents.place[agent].episode) << 16)
        if role == .ehpad { becomeResident(agent, home: position) }
    }

    /// Frees an SSIAD or HAD place the agent holds (they move on to an EHPAD or to the other service).
    mutating func releaseHomeCare(_ agent: Int, day: Int) {
        let hold = agents.place[agent]
        guard hold.holdsHomeCare, let role = hold.role else { return }
        places.used[role.rawValue][hold.position] -= 1
        agents.place[agent].clear()
        serveWaitingList(role: role, position: hold.position, day: day)
    }

    /// A stay ends: the place is freed unless the event is stale (the agent left it earlier).
    mutating func placeEnds(_ agent: Int, role: PlaceRole, payload: Int, day: Int) {
        let position = payload & 0xFFFF
        let hold = agents.place[agent]
        guard hold.holds(role), hold.position == position, hold.episode == UInt32(payload >> 16) else { return }
        places.used[role.rawValue][position] -= 1
        agents.place[agent].clear()
        if role == .ehpad { leaveResidence(agent, day: day) }
        serveWaitingList(role: role, position: position, day: day)
    }

    /// An EHPAD resident lives in its zone; their GP needs are met there, so they leave their GP's list.
    private mutating func becomeResident(_ agent: Int, home: Int) {
        places.residents += 1
        let gp = declaredGP(agent)
        if gp >= 0 {
            declarations.patients[gp] -= 1
            agents.declaredRank[agent] = Agents.noDeclaredGP
        } else {
            declarations.withoutGP -= 1
        }
        agents.zone[agent] = UInt32(network.ehpadZone[home])
    }

    /// The residence ends (the population is constant: the agent stands for a newcomer at home, who looks for a GP).
    private mutating func leaveResidence(_ agent: Int, day: Int) {
        places.residents -= 1
        agents.zone[agent] = UInt32(agents.homeZone(agent))
        declarations.withoutGP += 1
        scheduleGPSearch(agent, day: day)
    }

    /// Puts the agent on a service's waiting list (from home, or from a hospital bed).
    mutating func joinWaitingList(_ agent: Int, role: PlaceRole, position: Int, day: Int) {
        agents.place[agent].begin(role, waiting: true, position: position)
        places.enqueue(agent: agent, day: day, role: role, position: position)
    }

    /// Gives free places to the waiting list in order; hospital patients leave their bed, people
    /// at home who waited too long have given up.
    mutating func serveWaitingList(role: PlaceRole, position: Int, day: Int) {
        while hasRoom(role, position), let next = places.dequeue(role: role, position: position) {
            let agent = next.agent
            // An entry is stale when the agent left the list since (took another place, gave up).
            let hold = agents.place[agent]
            guard hold.isWaiting(for: role), hold.position == position else { continue }
            agents.place[agent].clear()
            if let stay = beds.blocked.removeValue(forKey: UInt32(agent)) {
                endBedBlocking(agent, stay: stay, role: role, position: position, day: day)
            } else {
                startFromWaitingList(agent, joined: next.joined, role: role, position: position, day: day)
            }
        }
        places.compactWaitingList(role: role, position: position)
    }

    /// A patient kept in a hospital bed gets their place: they start it and leave the bed.
    private mutating func endBedBlocking(
        _ agent: Int, stay: HospitalBeds.Blocked, role: PlaceRole, position: Int,
        day: Int
    ) {
        let hospital = Int(stay.hospital)
        startPlace(agent, role: role, position: position, day: day, hospital: hospital)
        let delay = day - Int(stay.since)
        let counted = isCounted(day)
        if counted { add(.dischargeDelayDays, zone: Int(agents.zone[agent]), Double(delay)) }
        press(.dischargeDelayDays, actor: network.hospital.actors[hospital], counted ? Double(delay) : 0)
        leave(agent, day: day, hospital: hospital)
    }

    /// Someone waiting at home gets their place, unless they waited too long and gave up.
    private mutating func startFromWaitingList(_ agent: Int, joined: Int, role: PlaceRole, position: Int, day: Int) {
        let zoneIndex = Int(agents.zone[agent])
        let counted = isCounted(day)
        if day - joined > settings.homeCare.maxWaitFromHomeDays {
            if counted { count(.homeEntryGaveUp, zone: zoneIndex) }
            return
        }
        if counted {
            count(.homeEntryStarted, zone: zoneIndex)
            add(.homeEntryWaitingDays, zone: zoneIndex, Double(day - joined))
        }
        startPlace(agent, role: role, position: position, day: day, hospital: -1)
    }

    /// Starts a stay: home care after a delay (shorter with a discharge agreement), an EHPAD at once.
    mutating func startPlace(_ agent: Int, role: PlaceRole, position: Int, day: Int, hospital: Int) {
        let zoneIndex = Int(agents.zone[agent])
        let actor = roleActors(role)[position]
        let counted = isCounted(day)
        var delay = 0
        if role != .ehpad, hospital >= 0 {
            let agreed = network.agreements[hospital].contains(actor)
            let sampler = agreed ? model.delayWithAgreement : model.delayWithoutAgreement
            delay = max(0, Int(sampler.draw(draw(agent), draw(agent)).rounded()))
            if counted {
                count(.homeCareStarted, zone: zoneIndex)
                add(.homeCareDaysToStart, zone: zoneIndex, Double(delay))
                if delay <= 2 { count(.homeCareWithin2Days, zone: zoneIndex) }
            }
        }
        if role == .ehpad, counted { count(.ehpadAdmissions, zone: zoneIndex) }
        if counted { counters.actorContacts[actor] += 1 }
        eventLog?.add(agent: agent, day: day + delay, activity: role == .ehpad ? .ehpad : .homeCareStart, actor: actor)
        let stay = max(1, Int(model.stay(role).draw(draw(agent), draw(agent)).rounded()))
        occupy(agent, role: role, position: position, day: day, endDay: day + delay + stay)
    }

    /// A request from home (rates by age band): a free place in a covering service or the
    /// nearest EHPAD, else the waiting list of the first one (nothing when none is in reach).
    mutating func homeEntry(_ agent: Int, role: PlaceRole, day: Int) {
        let hold = agents.place[agent]
        // Already in a place or waiting; an SSIAD/HAD patient asks only for an EHPAD.
        guard hold.isEmpty || (role == .ehpad && hold.holdsHomeCare) else { return }
        let zoneIndex = Int(agents.zone[agent])
        let candidates = serviceCandidates(role: role, zone: zoneIndex)
        if isCounted(day) { count(.homeEntryRequests, zone: zoneIndex) }
        if let free = candidates.first(where: { hasRoom(role, $0) }) {
            if isCounted(day) { count(.homeEntryStarted, zone: zoneIndex) }
            startPlace(agent, role: role, position: free, day: day, hospital: -1)
        } else if hold.isEmpty, let first = candidates.first(where: { conditions.closed[roleActors(role)[$0]] == 0 }) {
            joinWaitingList(agent, role: role, position: first, day: day)
        }
    }

    /// Services that can take a patient of the zone: covering SSIAD/HAD, or EHPADs within the limit, nearest first.
    func serviceCandidates(role: PlaceRole, zone zoneIndex: Int) -> [Int] {
        switch role {
        case .ssiad: return network.ssiadCover[zoneIndex].map(Int.init)
        case .had: return network.hadCover[zoneIndex].map(Int.init)
        case .ehpad:
            let lists = network.ehpadLists
            var result: [Int] = []
            for slot in lists.range(zoneIndex) {
                let minutes = Double(lists.minutes[slot]) * conditions.travelFactor[zoneIndex]
                if minutes > settings.travel.ehpadLimitMinutes { break }
                result.append(Int(lists.providers[slot]))
            }
            return result
        }
    }
}
