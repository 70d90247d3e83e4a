import Foundation
import MaillageCore

/// One replication of the model: agents as arrays of small fields, a calendar of events
/// bucketed by day, capacities as counters, tallies by zone.
///
/// Every random draw is keyed by (seed, replication, agent, the agent's draw counter), so a
/// replication's result depends on nothing else, whatever thread runs it. Within a
/// replication, events run in a fixed order (day, then the order they were scheduled), so
/// who gets the last slot is decided the same way every time.
struct Replication {
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
    /// Bit 0: a chronic condition; bit 1: in hospital now (needs wait until discharge).
    var chronic: [UInt8] = []
    /// Position of the declared GP in the zone's GP list, 255 = none.
    var gpRank: [UInt8] = []
    var drawCounter: [UInt32] = []
    /// The agent's latest discharge record, -1 = none.
    var openDischarge: [Int32] = []
    /// Continuity: four (label, count) pairs of 16 bits; then n, same-as-previous, last label, overflow.
    var histogram: [UInt64] = []
    var visitMeta: [UInt32] = []

    var calendar: [[UInt64]]
    var gpSlots: [Int16] = []
    var specialistSlots: [Int16] = []
    /// Per provider, a day before which every slot is taken.
    var gpNextFree: [Int32] = []
    var specialistNextFree: [Int32] = []
    var emergencyUsed: [Int32]
    var emergencyCap: [Int32]
    var bedsUsed: [Int32]
    var bedsCap: [Int32]
    var ssiadUsed: [Int32], ssiadCap: [Int32]
    var hadUsed: [Int32], hadCap: [Int32]
    var ehpadUsed: [Int32], ehpadCap: [Int32]
    var closed: [Int32]
    var nightClosed: [Int32]
    var slow: [Double]
    var surgeNow: [Double]
    let hasSurge: [Bool]

    var tally: [Double]
    var actorContacts: [Double]
    var actorCapacityDays: [Double]
    var actorUsedDays: [Double]
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
        emergencyUsed = Array(repeating: 0, count: network.emergency.count)
        emergencyCap = counts(network.emergency)
        bedsUsed = Array(repeating: 0, count: network.hospital.count)
        bedsCap = counts(network.hospital)
        ssiadUsed = Array(repeating: 0, count: network.ssiad.count)
        ssiadCap = counts(network.ssiad)
        hadUsed = Array(repeating: 0, count: network.had.count)
        hadCap = counts(network.had)
        ehpadUsed = Array(repeating: 0, count: network.ehpad.count)
        ehpadCap = counts(network.ehpad)
        let actorCount = network.territory.actors.count
        closed = Array(repeating: 0, count: actorCount)
        nightClosed = Array(repeating: 0, count: actorCount)
        slow = Array(repeating: 1, count: network.zoneCount)
        surgeNow = Array(repeating: 1, count: network.zoneCount * 5)
        hasSurge = schedule.surgeMax.indices.map { zone in schedule.surges.contains { $0.zones[zone] } }
        tally = Array(repeating: 0, count: network.zoneCount * Tally.count)
        actorContacts = Array(repeating: 0, count: actorCount)
        actorCapacityDays = Array(repeating: 0, count: actorCount)
        actorUsedDays = Array(repeating: 0, count: actorCount)
        series = Array(repeating: 0, count: days * OccupancyRole.count * 2)
        eventLog = logEvents ? EventLog() : nil
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

    // MARK: The run

    mutating func run() -> ReplicationResult {
        createAgents()
        fillSlotBooks()
        countOfferedSlots()
        attach()
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
            admit(agent, day: day, preferred: payload - 1, source: .admissionsElective)
        case CalendarEntry.readmission:
            admit(agent, day: day, preferred: payload, source: .admissionsReadmission)
        case CalendarEntry.ssiadEnd:
            ssiadUsed[payload] -= 1
        case CalendarEntry.hadEnd:
            hadUsed[payload] -= 1
        case CalendarEntry.gpVisit:
            recordVisit(agent, label: payload)
        default:
            ehpadUsed[payload] -= 1
        }
    }

    /// Applies the day's events and resets daily counters.
    private mutating func startDay(_ day: Int) {
        for index in emergencyUsed.indices { emergencyUsed[index] = 0 }
        guard let actions = schedule.actions[day] else { return }
        var zoneFactorsChanged = false
        for action in actions {
            switch action {
            case let .closure(actor, delta): closed[actor] += delta
            case let .nightClosure(actor, delta): nightClosed[actor] += delta
            case let .beds(hospital, value): bedsCap[hospital] = Self.whole(value)
            case let .emergencyVisits(department, value): emergencyCap[department] = Self.whole(value)
            case let .places(role, position, value):
                switch role {
                case .ssiad: ssiadCap[position] = Self.whole(value)
                case .had: hadCap[position] = Self.whole(value)
                case .ehpad: ehpadCap[position] = Self.whole(value)
                }
            case .zoneFactors: zoneFactorsChanged = true
            }
        }
        if zoneFactorsChanged { updateZoneFactors(day) }
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

    /// Adds the day's standing capacity to the actors' totals and the day's territory totals to the series.
    private mutating func sampleOccupancy(_ day: Int) {
        func add(_ role: OccupancyRole, used: Double, offered: Double) {
            let base = ((day - warm) * OccupancyRole.count + role.index) * 2
            series[base] = used
            series[base + 1] = offered
        }
        var used = 0.0, offered = 0.0
        for (position, actor) in net.hospital.actors.enumerated() {
            actorUsedDays[actor] += Double(bedsUsed[position])
            actorCapacityDays[actor] += Double(bedsCap[position])
            used += Double(bedsUsed[position])
            if closed[actor] == 0 { offered += Double(bedsCap[position]) }
        }
        add(.hospitalBeds, used: used, offered: offered)
        (used, offered) = (0, 0)
        for (position, actor) in net.ssiad.actors.enumerated() {
            actorUsedDays[actor] += Double(ssiadUsed[position])
            actorCapacityDays[actor] += Double(ssiadCap[position])
            used += Double(ssiadUsed[position])
            if closed[actor] == 0 { offered += Double(ssiadCap[position]) }
        }
        add(.ssiadPlaces, used: used, offered: offered)
        (used, offered) = (0, 0)
        for (position, actor) in net.had.actors.enumerated() {
            actorUsedDays[actor] += Double(hadUsed[position])
            actorCapacityDays[actor] += Double(hadCap[position])
            used += Double(hadUsed[position])
            if closed[actor] == 0 { offered += Double(hadCap[position]) }
        }
        add(.hadPlaces, used: used, offered: offered)
        (used, offered) = (0, 0)
        for (position, actor) in net.ehpad.actors.enumerated() {
            actorUsedDays[actor] += Double(ehpadUsed[position])
            actorCapacityDays[actor] += Double(ehpadCap[position])
            used += Double(ehpadUsed[position])
            if closed[actor] == 0 { offered += Double(ehpadCap[position]) }
        }
        add(.ehpadPlaces, used: used, offered: offered)
        (used, offered) = (0, 0)
        for (position, actor) in net.emergency.actors.enumerated() {
            used += Double(emergencyUsed[position])
            if closed[actor] == 0 { offered += Double(emergencyCap[position]) }
        }
        add(.emergencyVisits, used: used, offered: offered)
        // A day's slots are booked on that day at the latest: what is left now stays unused.
        var left = 0.0
        for provider in 0..<net.gp.count { left += Double(gpSlots[provider * bookDays + day]) }
        add(.gpSlots, used: gpSlotsOffered[day - warm] - left, offered: gpSlotsOffered[day - warm])
    }

    /// The GP slots of each counted day as the books hold them before any booking.
    private mutating func countOfferedSlots() {
        gpSlotsOffered = Array(repeating: 0, count: totalDays - warm)
        for provider in 0..<net.gp.count {
            for day in warm..<totalDays { gpSlotsOffered[day - warm] += Double(gpSlots[provider * bookDays + day]) }
        }
    }
}
