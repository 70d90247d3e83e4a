import Foundation
import MaillageCore

extension Replication {
    /// One agent per inhabitant, zone by zone and band by band, chronic conditions by prevalence.
    mutating func createAgents() {
        let bands = network.bandIDs.count
        let perZoneBand = network.agentsPerZoneBand
        let total = perZoneBand.reduce(0, +)
        // Zone by zone, band by band: the cell (zone, band) is one run of agents.
        func runs<T>(_ value: @escaping (_ zone: Int, _ band: Int) -> T) -> (UnsafeMutableBufferPointer<T>) -> Void {
            { buffer in
                var next = 0
                for cell in perZoneBand.indices {
                    let count = perZoneBand[cell]
                    UnsafeMutableBufferPointer(rebasing: buffer[next..<next + count])
                        .initialize(repeating: value(cell / bands, cell % bands))
                    next += count
                }
            }
        }
        agents.zone = .hugePaged(count: total, fill: runs { zone, _ in UInt32(zone) })
        agents.band = .hugePaged(count: total, fill: runs { _, band in UInt8(band) })
        agents.drawCounter = .hugePaged(repeating: 0, count: total)
        agents.declaredRank = .hugePaged(repeating: Agents.noDeclaredGP, count: total)
        agents.lastDischarge = .hugePaged(repeating: -1, count: total)
        agents.state = .hugePaged(repeating: [], count: total)
        agents.place = .hugePaged(repeating: .none, count: total)
        visits = VisitHistory(agents: total)
        for agent in 0..<total where draw(agent) < model.chronicPrevalence[Int(agents.band[agent])] {
            agents.state[agent] = .chronic
        }
        agents.zoneStart = [0]
        agents.zoneStart.reserveCapacity(network.zoneCount + 1)
        for zoneIndex in 0..<network.zoneCount {
            var inhabitants = 0
            for bandIndex in 0..<bands { inhabitants += network.agentsPerZoneBand[zoneIndex * bands + bandIndex] }
            add(.inhabitants, zone: zoneIndex, Double(inhabitants))
            agents.zoneStart.append(agents.zoneStart[zoneIndex] + inhabitants)
        }
    }

    /// Per GP, the changes of its daily slots: (first day, end day, slots, or nil to restore the base).
    typealias SlotChanges = [Int: [(from: Int, to: Int, slots: Double?)]]

    /// Consultation slots per provider and day, with closures, capacity changes and days off laid in.
    mutating func fillSlotBooks(gpChanges: SlotChanges) {
        gpBook = SlotBook(
            days: bookDays, slots: slotBook(network.gp, salt: 1 << 60, changes: gpChanges),
            providers: network.gp.count)
        specialistBook = SlotBook(
            days: bookDays, slots: slotBook(network.specialist, salt: 2 << 60, changes: schedule.specialistSlotChanges),
            providers: network.specialist.count)
    }

    /// Whether a simulated day is a working day (day `warmUpDays` is the start date; weekdays
    /// count back from it through the warm-up).
    private func isWorking(_ day: Int, startWeekday: Int) -> Bool {
        let weekday = ((startWeekday + day - warmUpDays) % 7 + 7) % 7
        return weekday < settings.gp.workingDaysPerWeek
    }

    /// One role's slots, provider × day; adds each provider's counted slots to its capacity-days.
    private mutating func slotBook(_ role: ProviderRole, salt: UInt64, changes: SlotChanges) -> [Int16] {
        let startWeekday = (try? settings.startDay()).map(CalendarDay.weekday) ?? 0
        let sampled = network.sample < 1
        var slots = [Int16](repeating: 0, count: role.count * bookDays)
        for provider in 0..<role.count {
            var offered = 0.0
            let providerChanges = changes[provider]
            for day in 0..<bookDays where isWorking(day, startWeekday: startWeekday) {
                let value = EventSchedule.slots(base: role.capacity[provider], day: day, changes: providerChanges)
                var rounded = value.rounded()
                if sampled {
                    // A sampled run's fractional slots (1.98 a day) are rounded at random, keyed by provider and day.
                    let hashed = SplitMix64.mix(
                        streamKey ^ SplitMix64.mix(salt &+ UInt64(provider) << 20 &+ UInt64(day)))
                    let floor = value.rounded(.down)
                    rounded = floor + (Double(hashed >> 11) * 0x1.0p-53 < value - floor ? 1 : 0)
                }
                let whole = Int16(min(Double(Int16.max), max(0, rounded)))
                slots[provider * bookDays + day] = whole
                if isCounted(day) { offered += Double(whole) }
            }
            counters.actorCapacityDays[role.actors[provider]] = offered
        }
        return slots
    }

    /// The agents in a random order keyed by the replication (who declares a GP or holds a place first).
    func shuffledAgents() -> [UInt32] {
        var order = [UInt32].hugePaged(count: agents.count) { buffer in
            for index in buffer.indices { buffer[index] = UInt32(truncatingIfNeeded: index) }
        }
        var rng = SplitMix64(seed: streamKey, stream: 1)
        if order.count > 1 {
            for index in stride(from: order.count - 1, to: 0, by: -1) {
                let other = Int(rng.next() % UInt64(index + 1))
                order.swapAt(index, other)
            }
        }
        return order
    }

    /// GPs retiring from the start date, each one's day drawn from its own stream: at
    /// `retirement_rate_by_years_in_practice` when it is set and the GP's practice start year is
    /// known (its band following its years in practice as the run goes on), at
    /// `retirement_rate_per_year` otherwise. From that day the GP has no slots and its patients
    /// look for another.
    mutating func drawRetirements() -> SlotChanges {
        var changes = schedule.gpSlotChanges
        let rate = settings.gp.retirementRatePerYear / 365
        let hazard = RetirementHazard(bands: settings.gp.retirementBands)
        guard rate > 0 || hazard.bands.contains(where: { $0.ratePerYear > 0 }) else { return changes }
        let startDay = (try? settings.startDay()) ?? 0
        for provider in 0..<network.gp.count {
            var rng = SplitMix64(seed: streamKey ^ SplitMix64.mix(UInt64(provider) &+ 0x5EED), stream: 7)
            let u = Double(rng.next() >> 11) * 0x1.0p-53
            let day: Int
            if !hazard.bands.isEmpty, let year = network.territory.actors[network.gp.actors[provider]].practiceStartYear
            {
                let years = RetirementHazard.yearsInPractice(startedIn: year, startDay: startDay)
                guard
                    let after = hazard.day(
                        exposure: -log1p(-u), yearsAtStart: years, horizon: Double(totalDays - warmUpDays))
                else { continue }
                day = warmUpDays + Int(after)
            } else {
                guard rate > 0 else { continue }
                day = warmUpDays + Int(-log1p(-u) / rate)
            }
            guard day < totalDays else { continue }
            changes[provider, default: []].append((day, bookDays, 0))
            conditions.drawnActions[day, default: []] += [
                .gpPatientsLeave(gp: provider), .gpGone(gp: provider, gone: true),
            ]
        }
        return changes
    }
}
