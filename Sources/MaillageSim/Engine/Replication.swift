import Foundation
import MaillageCore

/// One replication of the model: agents as arrays of small fields, a calendar of events
/// bucketed by day, capacities as counters, tallies by zone.
///
/// Every random draw is keyed by (seed, replication, agent, the agent's draw counter), so a
/// replication's result depends on nothing else, whatever thread runs it. Within a
/// replication, events run in a fixed order (day, then the order they were scheduled), so
/// who gets the last slot, bed or place is decided the same way every time.
struct Replication {
    /// A patient waiting in an emergency department for a bed.
    struct Boarder {
        var agent: UInt32
        /// Arrival time in days (day + fraction).
        var since: Double
        var source: Tally
    }

    /// A patient kept in a hospital bed until their SSIAD, HAD or EHPAD has a place.
    struct Blocked {
        var hospital: Int32
        var since: Int32
    }

    let net: CareNetwork
    let schedule: EventSchedule
    let c: CompiledParameters
    let key: UInt64
    let warm: Int
    let totalDays: Int
    /// Days of the slot book: the horizon plus room to book beyond it.
    let bookDays: Int

    // Agents (struct of arrays, 32-bit ids).
    var zone: [UInt32] = []
    var band: [UInt8] = []
    /// Bit 0: a chronic condition; bit 1: in hospital or waiting for a bed in an emergency department.
    var chronic: [UInt8] = []
    /// Position of the declared GP in the zone's GP list, 255 = none.
    var gpRank: [UInt8] = []
    var drawCounter: [UInt32] = []
    /// The agent's latest discharge record, -1 = none.
    var openDischarge: [Int32] = []
    /// Continuity: four (label, count) pairs of 16 bits; then n, same-as-previous, last label, overflow.
    var histogram: [UInt64] = []
    var visitMeta: [UInt32] = []
    /// The long-stay place held or waited for: kind (bits 24–27: 0 none, 1 SSIAD, 2 HAD, 3 EHPAD,
    /// + 4 while on its waiting list), episode (bits 16–23, so that a stale end event is ignored),
    /// position in the role (bits 0–15).
    var place: [UInt32] = []
    /// First agent of each zone (agents are created zone by zone), zones + 1 entries.
    var zoneStart: [Int] = []

    var calendar: [[UInt64]]
    var gpSlots: [Int16] = []
    var specialistSlots: [Int16] = []
    /// Per provider, a day before which every slot is taken.
    var gpNextFree: [Int32] = []
    var specialistNextFree: [Int32] = []
    /// Emergency arrivals today and yesterday, and the staffed visits a day, per department.
    var emergencyToday: [Int32]
    var emergencyYesterday: [Int32]
    var emergencyCap: [Double]
    var bedsUsed: [Int32]
    var bedsCap: [Int32]
    /// SSIAD, HAD, EHPAD (role 0, 1, 2): places used and offered, waiting lists (agent << 32 | day joined).
    var placeUsed: [[Int32]]
    var placeCap: [[Int32]]
    var queue: [[[UInt64]]]
    var queueHead: [[Int]]
    var boarders: [[Boarder]]
    var boardingCount = 0
    var blocked: [UInt32: Blocked] = [:]
    /// Declared patients and list places per GP; GPs that take no new patients (retired, closed for good).
    var listCount: [Int32] = []
    var listCap: [Int32] = []
    var gpGone: [Bool] = []
    /// Inhabitants at home without a declared GP; EHPAD residents.
    var withoutGP = 0
    var residents = 0
    var closed: [Int32]
    var nightClosed: [Int32]
    var slow: [Double]
    var surgeNow: [Double]
    let hasSurge: [Bool]
    /// Each epidemic's share of its peak excess today.
    var epidemicShape: [Double]
    /// Per simulated day, the probability of keeping an urgent need drawn at the rhythms' bound; and whether it is July or August.
    var urgentKeep: [Double] = []
    var summer: [Bool] = []
    let tourist: [Bool]
    /// Actions drawn by this replication (GP retirements), by simulated day.
    var localActions: [Int: [EventSchedule.Action]] = [:]

    var tally: [Double]
    var actorContacts: [Double]
    var actorCapacityDays: [Double]
    var actorUsedDays: [Double]
    /// actor × ``ActorPressure``.
    var actorPressure: [Double]
    /// Territory totals per counted day: day × ``OccupancyRole`` × (used, offered).
    var series: [Double]
    /// GP slots in the books per counted day, before any booking.
    var gpSlotsOffered: [Double] = []

    var dischargeAgent: [UInt32] = []
    var dischargeDay: [Int32] = []
    var dischargeFollowUp: [Int32] = []
    var dischargeReadmitted: [Bool] = []
    var eventCount = 0
    var eventLog: EventLog?

    init(network: CareNetwork, schedule: EventSchedule, parameters: CompiledParameters, days: Int, seed: UInt64, replication: Int, logEvents: Bool) {
        net = network
        self.schedule = schedule
        c = parameters
        key = SplitMix64.mix(seed ^ SplitMix64.mix(UInt64(replication) &+ 0x9E37_79B9_7F4A_7C15))
        warm = parameters.p.warmUpDays
        totalDays = warm + days
        bookDays = totalDays + 64
        calendar = Array(repeating: [], count: totalDays)
        func counts(_ role: ProviderRole) -> [Int32] { role.capacity.map(Self.whole) }
        emergencyToday = Array(repeating: 0, count: network.emergency.count)
        emergencyYesterday = emergencyToday
        emergencyCap = network.emergency.capacity
        bedsUsed = Array(repeating: 0, count: network.hospital.count)
        bedsCap = counts(network.hospital)
        let roles = [network.ssiad, network.had, network.ehpad]
        placeUsed = roles.map { Array(repeating: 0, count: $0.count) }
        placeCap = roles.map(counts)
        queue = roles.map { Array(repeating: [], count: $0.count) }
        queueHead = roles.map { Array(repeating: 0, count: $0.count) }
        boarders = Array(repeating: [], count: network.hospital.count)
        let actorCount = network.territory.actors.count
        closed = Array(repeating: 0, count: actorCount)
        nightClosed = Array(repeating: 0, count: actorCount)
        slow = Array(repeating: 1, count: network.zoneCount)
        surgeNow = Array(repeating: 1, count: network.zoneCount * 5)
        hasSurge = schedule.surgeMax.indices.map { zone in
            schedule.surges.contains { $0.zones[zone] } || schedule.epidemics.contains { $0.zones[zone] }
        }
        epidemicShape = Array(repeating: 0, count: schedule.epidemics.count)
        let touristIDs = Set(parameters.p.rhythms.touristZones)
        tourist = network.territory.zones.map { touristIDs.contains($0.id) }
        tally = Array(repeating: 0, count: network.zoneCount * Tally.count)
        actorContacts = Array(repeating: 0, count: actorCount)
        actorCapacityDays = Array(repeating: 0, count: actorCount)
        actorUsedDays = Array(repeating: 0, count: actorCount)
        actorPressure = Array(repeating: 0, count: actorCount * ActorPressure.count)
        series = Array(repeating: 0, count: days * OccupancyRole.count * 2)
        eventLog = logEvents ? EventLog() : nil
        buildRhythms()
    }

    // MARK: Draws and small helpers

    /// A capacity as a whole count, rounded up and kept within 32 bits (a huge value in a file must not trap).
    static func whole(_ value: Double) -> Int32 { Int32(min(Double(Int32.max), max(0, value.rounded(.up)))) }

    /// A uniform in [0, 1) keyed by (seed, replication, agent, the agent's next draw number).
    @inline(__always)
    mutating func draw(_ agent: Int) -> Double {
        let counter = drawCounter[agent]
        drawCounter[agent] = counter &+ 1
        let hashed = SplitMix64.mix(SplitMix64.mix(key ^ UInt64(agent)) &+ UInt64(counter) &* 0x9E37_79B9_7F4A_7C15)
        return Double(hashed >> 11) * 0x1.0p-53
    }

    /// Whether a day is after the warm-up and within the horizon (mutating only so that debug
    /// builds do not copy the whole replication to call it).
    @inline(__always)
    mutating func isCounted(_ day: Int) -> Bool { day >= warm && day < totalDays }

    @inline(__always)
    mutating func count(_ what: Tally, zone: Int, _ amount: Double = 1) {
        tally[zone * Tally.count + what.rawValue] += amount
    }

    @inline(__always)
    mutating func press(_ what: ActorPressure, actor: Int, _ amount: Double = 1) {
        actorPressure[actor * ActorPressure.count + what.rawValue] += amount
    }

    @inline(__always)
    mutating func schedule(day: Int, agent: Int, kind: UInt64, payload: Int) {
        guard day < totalDays else { return }
        calendar[day].append(CalendarEntry.make(agent: agent, kind: kind, payload: payload))
    }

    /// Schedules the agent's next need after time `t` (days, continuous).
    @inline(__always)
    mutating func scheduleNextNeed(agent: Int, after t: Double) {
        let combo = Int(band[agent]) * 2 + Int(chronic[agent] & 1)
        let rate = c.ratePerDay[combo] * schedule.surgeMax[Int(zone[agent])]
        guard rate > 0 else { return }
        let next = t - log1p(-draw(agent)) / rate
        guard next < Double(totalDays) else { return }
        let day = Int(next)
        let fraction = Int((next - Double(day)) * 16_777_216)
        calendar[day].append(CalendarEntry.make(agent: agent, kind: CalendarEntry.need, payload: min(fraction, 0xFF_FFFF)))
    }

    /// The zone an agent was created in (where they live unless in an EHPAD).
    func homeZone(_ agent: Int) -> Int {
        var low = 0, high = zoneStart.count - 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if zoneStart[middle] <= agent { low = middle } else { high = middle }
        }
        return low
    }

    /// Urgent-need thinning by day of the week and month, from the start date counted back through the warm-up.
    private mutating func buildRhythms() {
        let start = (try? c.p.startDay()) ?? 0
        urgentKeep = (0..<totalDays).map { day in
            let date = start + day - warm
            let iso = CalendarDay.iso(date)
            let month = Int(iso.split(separator: "-")[1]) ?? 1
            return c.dayOfWeek[CalendarDay.weekday(date)] * c.month[month - 1] / c.rhythmBound
        }
        summer = (0..<totalDays).map { day in
            let month = Int(CalendarDay.iso(start + day - warm).split(separator: "-")[1]) ?? 1
            return month == 7 || month == 8
        }
    }

    // MARK: The run

    mutating func run() -> ReplicationResult {
        createAgents()
        let gpChanges = drawRetirements()
        fillSlotBooks(gpChanges: gpChanges)
        countOfferedSlots()
        let order = shuffledAgents()
        fillSteadyState(order)
        attach(order)
        for agent in 0..<zone.count { scheduleNextNeed(agent: agent, after: 0) }
        for day in 0..<totalDays {
            startDay(day)
            var index = 0
            while index < calendar[day].count {
                let entry = calendar[day][index]
                index += 1
                handle(entry, day: day)
            }
            eventCount += calendar[day].count
            calendar[day] = []
            if day >= warm { sampleOccupancy(day) }
        }
        return finish()
    }

    private mutating func handle(_ entry: UInt64, day: Int) {
        let agent = Int(entry >> 32)
        let payload = Int(entry & 0xFF_FFFF)
        switch (entry >> 24) & 0xFF {
        case CalendarEntry.need:
            need(agent, day: day, time: Double(day) + Double(payload) / 16_777_216)
        case CalendarEntry.discharge:
            discharge(agent, day: day, hospital: payload)
        case CalendarEntry.electiveAdmission:
            admit(agent, day: day, preferred: payload - 1, source: .admissionsElective, time: Double(day) + 0.35)
        case CalendarEntry.readmission:
            admit(agent, day: day, preferred: payload, source: .admissionsReadmission, time: Double(day) + 0.5)
        case CalendarEntry.ssiadEnd:
            placeEnds(agent, role: 0, payload: payload, day: day)
        case CalendarEntry.hadEnd:
            placeEnds(agent, role: 1, payload: payload, day: day)
        case CalendarEntry.gpVisit:
            recordVisit(agent, label: payload)
        case CalendarEntry.gpSearch:
            searchGP(agent, day: day)
        case CalendarEntry.dischargeDeadline:
            dischargeDeadline(agent, day: day, hospital: payload)
        case CalendarEntry.returnVisit:
            returnVisit(agent, day: day)
        default:
            placeEnds(agent, role: 2, payload: payload, day: day)
        }
    }

    /// Applies the day's events, resets daily counters, and reviews patients boarding in emergency departments.
    private mutating func startDay(_ day: Int) {
        swap(&emergencyToday, &emergencyYesterday)
        for index in emergencyToday.indices { emergencyToday[index] = 0 }
        for (index, epidemic) in schedule.epidemics.enumerated() { epidemicShape[index] = epidemic.shape(day) }
        var zoneFactorsChanged = false
        for action in (schedule.actions[day] ?? []) + (localActions[day] ?? []) {
            switch action {
            case let .closure(actor, delta): closed[actor] += delta
            case let .nightClosure(actor, delta): nightClosed[actor] += delta
            case let .beds(hospital, value): bedsCap[hospital] = Self.whole(value)
            case let .emergencyVisits(department, value): emergencyCap[department] = value
            case let .places(role, position, value):
                let index = role == .ssiad ? 0 : role == .had ? 1 : 2
                placeCap[index][position] = Self.whole(value)
                serveWaitingList(role: index, position: position, day: day)
            case .zoneFactors: zoneFactorsChanged = true
            case let .gpPatientsLeave(gp): detachPatients(gp: gp, day: day)
            case let .gpGone(gp, gone): gpGone[gp] = gone
            }
        }
        if zoneFactorsChanged { updateZoneFactors(day) }
        if boardingCount > 0 { reviewBoarders(day) }
    }

    private mutating func updateZoneFactors(_ day: Int) {
        for zone in 0..<net.zoneCount {
            slow[zone] = 1
            for kind in 0..<5 { surgeNow[zone * 5 + kind] = 1 }
        }
        for slowdown in schedule.slowdowns where (slowdown.from...slowdown.to).contains(day) {
            for zone in 0..<net.zoneCount where slowdown.zones[zone] { slow[zone] *= slowdown.factor }
        }
        for surge in schedule.surges where (surge.from...surge.to).contains(day) {
            for zone in 0..<net.zoneCount where surge.zones[zone] {
                for kind in 0..<5 where surge.needs[kind] { surgeNow[zone * 5 + kind] *= surge.factor }
            }
        }
    }

    /// Today's multiplier of a need kind for an agent of a zone and band from surges and epidemics.
    @inline(__always)
    func demandFactor(zone zoneIndex: Int, band bandIndex: Int, kind: Int) -> Double {
        var factor = surgeNow[zoneIndex * 5 + kind]
        for (index, epidemic) in schedule.epidemics.enumerated() where epidemicShape[index] > 0 && epidemic.zones[zoneIndex] && epidemic.needs[kind] {
            factor *= 1 + (epidemic.intensity[bandIndex] - 1) * epidemicShape[index]
        }
        return factor
    }

    /// The GP slots of each counted day as the books hold them before any booking.
    private mutating func countOfferedSlots() {
        gpSlotsOffered = Array(repeating: 0, count: totalDays - warm)
        for provider in 0..<net.gp.count {
            for day in warm..<totalDays { gpSlotsOffered[day - warm] += Double(gpSlots[provider * bookDays + day]) }
        }
    }
}
