import Foundation
import MaillageCore

/// One replication of the model: agents as arrays of small fields, a calendar of events
/// bucketed by day, capacities as counters, tallies by zone.
///
/// Every random draw is keyed by (seed, replication, agent, the agent's draw counter), so a
/// replication's result depends on nothing else, whatever thread runs it. Within a
/// replication, events run in a fixed order (day, then the order they were scheduled), so
/// who gets the last slot, bed or place is decided the same way every time.
///
/// The state is grouped by concern, each group a struct of arrays: the agents, their GP visit
/// history, the calendar, the slot books, emergency departments, beds, long-stay places,
/// declared GPs, the day's conditions, the counters and the discharge records.
struct Replication {
    // MARK: Inputs, shared read-only by the replications

    let network: CareNetwork
    let schedule: EventSchedule
    /// The parameters as flat arrays by age band, with the samplers.
    let model: CompiledParameters
    /// The parameters as given.
    let settings: SimulationParameters
    /// This replication's random stream, from (seed, replication index).
    let streamKey: UInt64
    let warmUpDays: Int
    /// Warm-up plus the horizon.
    let totalDays: Int
    /// Days of the slot books: the horizon plus room to book beyond it.
    let bookDays: Int

    // MARK: State

    var agents = Agents()
    var visits = VisitHistory(agents: 0)
    /// Per simulated day, its events in the order they were scheduled.
    var calendar: [[CalendarEntry]]
    var gpBook = SlotBook(days: 0, slots: [], providers: 0)
    var specialistBook = SlotBook(days: 0, slots: [], providers: 0)
    var emergency: EmergencyDepartments
    var beds: HospitalBeds
    var places: LongStayPlaces
    var declarations = GPDeclarations(capacity: [])
    var conditions: DayConditions
    /// The candidates an emergency choice is drawn among, with their pulls: reused from one
    /// visit to the next so that a choice allocates nothing.
    var choiceCandidates: [(slot: Int32, pull: Double)] = []

    // MARK: Outputs

    var counters: ReplicationCounters
    var discharges = DischargeRecords()
    var eventLog: EventLog?

    /// A replication of a compiled request; `replication` picks its random stream.
    init(
        network: CareNetwork, schedule: EventSchedule, parameters: CompiledParameters, days: Int, seed: UInt64,
        replication: Int, logEvents: Bool
    ) {
        self.network = network
        self.schedule = schedule
        model = parameters
        settings = parameters.settings
        streamKey = SplitMix64.mix(seed ^ SplitMix64.mix(UInt64(replication) &+ 0x9E37_79B9_7F4A_7C15))
        warmUpDays = settings.warmUpDays
        totalDays = warmUpDays + days
        bookDays = totalDays + 64
        calendar = Array(repeating: [], count: totalDays)
        func counts(_ role: ProviderRole) -> [Int32] { role.capacity.map(Self.whole) }
        emergency = EmergencyDepartments(staffedVisits: network.emergency.capacity, hospitals: network.hospital.count)
        beds = HospitalBeds(capacity: counts(network.hospital))
        places = LongStayPlaces(capacity: [network.ssiad, network.had, network.ehpad].map(counts))
        let touristIDs = Set(settings.rhythms.touristZones)
        conditions = DayConditions(
            actors: network.territory.actors.count, zones: network.zoneCount,
            hasSurge: schedule.surgeMax.indices.map { zone in
                schedule.surges.contains { $0.zones[zone] } || schedule.epidemics.contains { $0.zones[zone] }
            },
            epidemics: schedule.epidemics.count, tourist: network.territory.zones.map { touristIDs.contains($0.id) })
        counters = ReplicationCounters(
            zones: network.zoneCount, actors: network.territory.actors.count,
            countedDays: days)
        eventLog = logEvents ? EventLog() : nil
        buildRhythms()
    }

    // MARK: Draws and small helpers

    /// A capacity as a whole count, rounded up and kept within 32 bits (a huge value in a file must not trap).
    static func whole(_ value: Double) -> Int32 { Int32(min(Double(Int32.max), max(0, value.rounded(.up)))) }

    /// A uniform in [0, 1) keyed by (seed, replication, agent, the agent's next draw number).
    @inline(__always)
    mutating func draw(_ agent: Int) -> Double {
        let counter = agents.drawCounter[agent]
        agents.drawCounter[agent] = counter &+ 1
        let hashed = SplitMix64.mix(
            SplitMix64.mix(streamKey ^ UInt64(agent)) &+ UInt64(counter) &* 0x9E37_79B9_7F4A_7C15)
        return Double(hashed >> 11) * 0x1.0p-53
    }

    /// Whether a day is after the warm-up and within the horizon (mutating only so that debug
    /// builds do not copy the whole replication to call it).
    @inline(__always)
    mutating func isCounted(_ day: Int) -> Bool { day >= warmUpDays && day < totalDays }

    /// Counts one event in a zone's tally.
    @inline(__always)
    mutating func count(_ what: Tally, zone: Int) { counters.tally.count(what, zone: zone) }

    /// Adds an amount (people, minutes, days) to a zone's sum.
    @inline(__always)
    mutating func add(_ what: Tally, zone: Int, _ amount: Double) { counters.tally.add(what, zone: zone, amount) }

    /// Adds to an actor's pressure.
    @inline(__always)
    mutating func press(_ what: ActorPressure, actor: Int, _ amount: Double = 1) {
        counters.actorPressure[actor * ActorPressure.count + what.rawValue] += amount
    }

    /// Puts an event in the calendar (nothing beyond the horizon).
    @inline(__always)
    mutating func schedule(day: Int, agent: Int, kind: CalendarEntry.Kind, payload: Int) {
        guard day < totalDays else { return }
        calendar[day].append(CalendarEntry(agent: agent, kind: kind, payload: payload))
    }

    /// Schedules the agent's next need after time `t` (days, continuous).
    @inline(__always)
    mutating func scheduleNextNeed(agent: Int, after t: Double) {
        let rate = model.ratePerDay[needCombination(agent)] * schedule.surgeMax[Int(agents.zone[agent])]
        guard rate > 0 else { return }
        let next = t - log1p(-draw(agent)) / rate
        guard next < Double(totalDays) else { return }
        let day = Int(next)
        let fraction = Int((next - Double(day)) * 16_777_216)
        calendar[day].append(
            CalendarEntry(
                agent: agent, kind: .need,
                payload: min(fraction, CalendarEntry.maximumPayload)))
    }

    /// The agent's (band, chronic) pair, the index of the need rates: band × 2 + chronic.
    @inline(__always)
    func needCombination(_ agent: Int) -> Int {
        // `chronic` is bit 0: masking gives 0 or 1 without a branch.
        Int(agents.band[agent]) * 2 + Int(agents.state[agent].intersection(.chronic).rawValue)
    }

    /// Whether the agent is in a hospital bed or boarding for one.
    @inline(__always)
    func isInHospital(_ agent: Int) -> Bool { agents.state[agent].contains(.inHospital) }

    /// Urgent-need thinning by day of the week and month, from the start date counted back through the warm-up.
    private mutating func buildRhythms() {
        let start = (try? settings.startDay()) ?? 0
        let months = (0..<totalDays).map { day in
            Int(CalendarDay.iso(start + day - warmUpDays).split(separator: "-")[1]) ?? 1
        }
        conditions.urgentKeep = (0..<totalDays).map { day in
            let date = start + day - warmUpDays
            return model.dayOfWeek[CalendarDay.weekday(date)] * model.month[months[day] - 1] / model.rhythmBound
        }
        conditions.summer = months.map { $0 == 7 || $0 == 8 }
    }

    // MARK: The run

    /// Runs the warm-up and the horizon, day by day, and returns what was counted.
    mutating func run() -> ReplicationResult {
        createAgents()
        let gpChanges = drawRetirements()
        fillSlotBooks(gpChanges: gpChanges)
        countOfferedSlots()
        let order = shuffledAgents()
        fillSteadyState(order)
        attach(order)
        for agent in 0..<agents.count { scheduleNextNeed(agent: agent, after: 0) }
        for day in 0..<totalDays {
            startDay(day)
            // Handlers append to today's bucket while it runs: index, not iterate.
            var index = 0
            while index < calendar[day].count {
                let ahead = index + Self.lookahead
                if ahead < calendar[day].count { prefetch(calendar[day][ahead]) }
                let near = index + Self.lookahead / 2
                if near < calendar[day].count { prefetchZone(calendar[day][near]) }
                let entry = calendar[day][index]
                index += 1
                handle(entry, day: day)
            }
            counters.events += calendar[day].count
            calendar[day] = []
            if day >= warmUpDays { sampleOccupancy(day) }
        }
        return finish()
    }

    /// Runs one calendar event.
    private mutating func handle(_ entry: CalendarEntry, day: Int) {
        let agent = entry.agent
        let payload = entry.payload
        switch entry.kind {
        case .need:
            need(agent, day: day, time: Double(day) + Double(payload) / 16_777_216)
        case .discharge:
            discharge(agent, day: day, hospital: payload)
        case .electiveAdmission:
            admit(agent, day: day, preferred: payload - 1, source: .admissionsElective, time: Double(day) + 0.35)
        case .readmission:
            admit(agent, day: day, preferred: payload, source: .admissionsReadmission, time: Double(day) + 0.5)
        case .ssiadEnd:
            placeEnds(agent, role: .ssiad, payload: payload, day: day)
        case .hadEnd:
            placeEnds(agent, role: .had, payload: payload, day: day)
        case .ehpadEnd:
            placeEnds(agent, role: .ehpad, payload: payload, day: day)
        case .gpVisit:
            visits.record(agent, label: payload)
        case .gpSearch:
            searchGP(agent, day: day)
        case .dischargeDeadline:
            dischargeDeadline(agent, day: day, hospital: payload)
        case .returnVisit:
            returnVisit(agent, day: day)
        }
    }

    /// Applies the day's events, resets daily counters, and reviews patients boarding in emergency departments.
    private mutating func startDay(_ day: Int) {
        emergency.startDay()
        gpBook.today = day
        specialistBook.today = day
        for (index, epidemic) in schedule.epidemics.enumerated() {
            conditions.epidemicShape[index] = epidemic.shape(day)
        }
        var zoneFactorsChanged = false
        for action in (schedule.actions[day] ?? []) + (conditions.drawnActions[day] ?? []) {
            switch action {
            case .closure(let actor, let delta): conditions.closed[actor] += delta
            case .nightClosure(let actor, let delta): conditions.nightClosed[actor] += delta
            case .beds(let hospital, let value): beds.capacity[hospital] = Self.whole(value)
            case .emergencyVisits(let department, let value): emergency.staffedVisits[department] = value
            case .places(let role, let position, let value):
                places.capacity[role.rawValue][position] = Self.whole(value)
                serveWaitingList(role: role, position: position, day: day)
            case .zoneFactors: zoneFactorsChanged = true
            case .gpPatientsLeave(let gp): detachPatients(gp: gp, day: day)
            case .gpGone(let gp, let gone): declarations.closedToNew[gp] = gone
            }
        }
        if zoneFactorsChanged { updateZoneFactors(day) }
        if emergency.boardingCount > 0 { reviewBoarders(day) }
    }

    /// Recomputes each zone's travel factor and surge multipliers from the slowdowns and surges in force.
    private mutating func updateZoneFactors(_ day: Int) {
        let kinds = DayConditions.needKinds
        for zone in 0..<network.zoneCount {
            conditions.travelFactor[zone] = 1
            for kind in 0..<kinds { conditions.surge[zone * kinds + kind] = 1 }
        }
        for slowdown in schedule.slowdowns where (slowdown.from...slowdown.to).contains(day) {
            for zone in 0..<network.zoneCount where slowdown.zones[zone] {
                conditions.travelFactor[zone] *= slowdown.factor
            }
        }
        for surge in schedule.surges where (surge.from...surge.to).contains(day) {
            for zone in 0..<network.zoneCount where surge.zones[zone] {
                for kind in 0..<kinds where surge.needs[kind] { conditions.surge[zone * kinds + kind] *= surge.factor }
            }
        }
    }

    /// Today's multiplier of a need kind for an agent of a zone and band from surges and epidemics.
    @inline(__always)
    func demandFactor(zone zoneIndex: Int, band bandIndex: Int, kind: Int) -> Double {
        var factor = conditions.surge[zoneIndex * DayConditions.needKinds + kind]
        for (index, epidemic) in schedule.epidemics.enumerated()
        where conditions.epidemicShape[index] > 0 && epidemic.zones[zoneIndex] && epidemic.needs[kind] {
            factor *= 1 + (epidemic.intensity[bandIndex] - 1) * conditions.epidemicShape[index]
        }
        return factor
    }

    /// The GP slots of each counted day as the books hold them before any booking.
    private mutating func countOfferedSlots() {
        counters.gpSlotsOffered = Array(repeating: 0, count: totalDays - warmUpDays)
        for provider in 0..<network.gp.count {
            for day in warmUpDays..<totalDays {
                counters.gpSlotsOffered[day - warmUpDays] += Double(gpBook.free(provider: provider, day: day))
            }
        }
    }
}
