/// Long-stay places (SSIAD, HAD, EHPAD = roles 0, 1, 2): who holds one, waiting lists, residents.
extension Replication {
    static let placeEndKinds = [CalendarEntry.ssiadEnd, CalendarEntry.hadEnd, CalendarEntry.ehpadEnd]

    @inline(__always) func placeKind(_ agent: Int) -> UInt32 { place[agent] >> 24 }
    @inline(__always) func placePosition(_ agent: Int) -> Int { Int(place[agent] & 0xFFFF) }
    @inline(__always) func placeEpisode(_ agent: Int) -> UInt32 { (place[agent] >> 16) & 0xFF }

    mutating func setPlace(_ agent: Int, kind: UInt32, position: Int, newEpisode: Bool) {
        let episode = newEpisode ? (placeEpisode(agent) + 1) & 0xFF : placeEpisode(agent)
        place[agent] = kind << 24 | episode << 16 | UInt32(position)
    }

    func roleActors(_ role: Int) -> [Int] { role == 0 ? net.ssiad.actors : role == 1 ? net.had.actors : net.ehpad.actors }

    @inline(__always)
    mutating func hasRoom(_ role: Int, _ position: Int) -> Bool {
        closed[roleActors(role)[position]] == 0 && placeUsed[role][position] < placeCap[role][position]
    }

    /// The agent takes a place until `endDay` (releasing any SSIAD/HAD place held); an EHPAD makes them a resident.
    mutating func occupy(_ agent: Int, role: Int, position: Int, day: Int, endDay: Int) {
        releaseHomeCare(agent, day: day)
        placeUsed[role][position] += 1
        setPlace(agent, kind: UInt32(role + 1), position: position, newEpisode: true)
        schedule(day: max(endDay, day + 1), agent: agent, kind: Self.placeEndKinds[role], payload: position | Int(placeEpisode(agent)) << 16)
        if role == 2 { becomeResident(agent, home: position) }
    }

    /// Frees an SSIAD or HAD place the agent holds (they move on to an EHPAD or to the other service).
    mutating func releaseHomeCare(_ agent: Int, day: Int) {
        let kind = placeKind(agent)
        guard kind == 1 || kind == 2 else { return }
        let role = Int(kind) - 1, position = placePosition(agent)
        placeUsed[role][position] -= 1
        setPlace(agent, kind: 0, position: 0, newEpisode: false)
        serveWaitingList(role: role, position: position, day: day)
    }

    /// A stay ends: the place is freed unless the event is stale (the agent left it earlier).
    mutating func placeEnds(_ agent: Int, role: Int, payload: Int, day: Int) {
        let position = payload & 0xFFFF
        guard placeKind(agent) == UInt32(role + 1), placePosition(agent) == position, placeEpisode(agent) == UInt32(payload >> 16) else { return }
        placeUsed[role][position] -= 1
        setPlace(agent, kind: 0, position: 0, newEpisode: false)
        if role == 2 { leaveResidence(agent, day: day) }
        serveWaitingList(role: role, position: position, day: day)
    }

    /// An EHPAD resident lives in its zone; their GP needs are met there, so they leave their GP's list.
    private mutating func becomeResident(_ agent: Int, home: Int) {
        residents += 1
        let gp = declaredGP(agent)
        if gp >= 0 {
            listCount[gp] -= 1
            gpRank[agent] = 255
        } else {
            withoutGP -= 1
        }
        zone[agent] = UInt32(net.ehpadZone[home])
    }

    /// The residence ends (the population is constant: the agent stands for a newcomer at home, who looks for a GP).
    private mutating func leaveResidence(_ agent: Int, day: Int) {
        residents -= 1
        zone[agent] = UInt32(homeZone(agent))
        withoutGP += 1
        scheduleGPSearch(agent, day: day)
    }

    /// Puts the agent on a service's waiting list (from home, or from a hospital bed).
    mutating func joinWaitingList(_ agent: Int, role: Int, position: Int, day: Int) {
        setPlace(agent, kind: UInt32(role + 1) | 4, position: position, newEpisode: true)
        queue[role][position].append(UInt64(agent) << 32 | UInt64(day))
    }

    /// Gives free places to the waiting list in order; hospital patients leave their bed, people
    /// at home who waited too long have given up.
    mutating func serveWaitingList(role: Int, position: Int, day: Int) {
        while queueHead[role][position] < queue[role][position].count, hasRoom(role, position) {
            let entry = queue[role][position][queueHead[role][position]]
            queueHead[role][position] += 1
            let agent = Int(entry >> 32), joined = Int(entry & 0xFFFF_FFFF)
            guard placeKind(agent) == UInt32(role + 1) | 4, placePosition(agent) == position else { continue }
            let counted = isCounted(day)
            if let stay = blocked.removeValue(forKey: UInt32(agent)) {
                setPlace(agent, kind: 0, position: 0, newEpisode: false)
                startPlace(agent, role: role, position: position, day: day, hospital: Int(stay.hospital))
                let delay = day - Int(stay.since)
                if counted { count(.dischargeDelayDays, zone: Int(zone[agent]), Double(delay)) }
                press(.dischargeDelayDays, actor: net.hospital.actors[Int(stay.hospital)], counted ? Double(delay) : 0)
                leave(agent, day: day, hospital: Int(stay.hospital))
            } else {
                setPlace(agent, kind: 0, position: 0, newEpisode: false)
                let zoneIndex = Int(zone[agent])
                if day - joined > c.p.homeCare.maxWaitFromHomeDays {
                    if counted { count(.homeEntryGaveUp, zone: zoneIndex) }
                    continue
                }
                if counted {
                    count(.homeEntryStarted, zone: zoneIndex)
                    count(.homeEntryWaitingDays, zone: zoneIndex, Double(day - joined))
                }
                startPlace(agent, role: role, position: position, day: day, hospital: -1)
            }
        }
        if queueHead[role][position] == queue[role][position].count, queueHead[role][position] > 0 {
            queue[role][position].removeAll(keepingCapacity: true)
            queueHead[role][position] = 0
        }
    }

    /// Starts a stay: home care after a delay (shorter with a discharge agreement), an EHPAD at once.
    mutating func startPlace(_ agent: Int, role: Int, position: Int, day: Int, hospital: Int) {
        let zoneIndex = Int(zone[agent])
        let actor = roleActors(role)[position]
        let counted = isCounted(day)
        var delay = 0
        if role < 2, hospital >= 0 {
            let agreed = net.agreements[hospital].contains(actor)
            delay = max(0, Int((agreed ? c.delayWithAgreement : c.delayWithoutAgreement).draw(draw(agent), draw(agent)).rounded()))
            if counted {
                count(.homeCareStarted, zone: zoneIndex)
                count(.homeCareDaysToStart, zone: zoneIndex, Double(delay))
                if delay <= 2 { count(.homeCareWithin2Days, zone: zoneIndex) }
            }
        }
        if role == 2, counted { count(.ehpadAdmissions, zone: zoneIndex) }
        if counted { actorContacts[actor] += 1 }
        eventLog?.add(agent: agent, day: day + delay, activity: role == 2 ? .ehpad : .homeCareStart, actor: actor)
        let stay = max(1, Int(c.stay(role).draw(draw(agent), draw(agent)).rounded()))
        occupy(agent, role: role, position: position, day: day, endDay: day + delay + stay)
    }

    /// A request from home (rates by age band): a free place in a covering service or the
    /// nearest EHPAD, else the waiting list of the first one (nothing when none is in reach).
    mutating func homeEntry(_ agent: Int, role: Int, day: Int) {
        let kind = placeKind(agent)
        // Already in a place or waiting; an SSIAD/HAD patient asks only for an EHPAD.
        guard kind == 0 || (role == 2 && kind < 3) else { return }
        let zoneIndex = Int(zone[agent])
        let candidates = serviceCandidates(role: role, zone: zoneIndex)
        if isCounted(day) { count(.homeEntryRequests, zone: zoneIndex) }
        if let free = candidates.first(where: { hasRoom(role, $0) }) {
            if isCounted(day) { count(.homeEntryStarted, zone: zoneIndex) }
            startPlace(agent, role: role, position: free, day: day, hospital: -1)
        } else if kind == 0, let first = candidates.first(where: { closed[roleActors(role)[$0]] == 0 }) {
            joinWaitingList(agent, role: role, position: first, day: day)
        }
    }

    /// Services that can take a patient of the zone: covering SSIAD/HAD, or EHPADs within the limit, nearest first.
    func serviceCandidates(role: Int, zone zoneIndex: Int) -> [Int] {
        if role == 0 { return net.ssiadCover[zoneIndex].map(Int.init) }
        if role == 1 { return net.hadCover[zoneIndex].map(Int.init) }
        let lists = net.ehpadLists
        var result: [Int] = []
        for slot in lists.range(zoneIndex) {
            if Double(lists.minutes[slot]) * slow[zoneIndex] > c.p.travel.ehpadLimitMinutes { break }
            result.append(Int(lists.providers[slot]))
        }
        return result
    }
}
