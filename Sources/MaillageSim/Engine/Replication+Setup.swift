import Foundation
import MaillageCore

extension Replication {
    /// One agent per inhabitant, zone by zone and band by band, chronic conditions by prevalence.
    mutating func createAgents() {
        let bands = net.bandIDs.count
        let total = net.agentsPerZoneBand.reduce(0, +)
        zone.reserveCapacity(total)
        band.reserveCapacity(total)
        for zoneIndex in 0..<net.zoneCount {
            for bandIndex in 0..<bands {
                let count = net.agentsPerZoneBand[zoneIndex * bands + bandIndex]
                zone.append(contentsOf: repeatElement(UInt32(zoneIndex), count: count))
                band.append(contentsOf: repeatElement(UInt8(bandIndex), count: count))
            }
        }
        drawCounter = Array(repeating: 0, count: total)
        gpRank = Array(repeating: 255, count: total)
        openDischarge = Array(repeating: -1, count: total)
        histogram = Array(repeating: 0, count: total)
        visitMeta = Array(repeating: 0, count: total)
        chronic = Array(repeating: 0, count: total)
        place = Array(repeating: 0, count: total)
        zoneStart = [0]
        zoneStart.reserveCapacity(net.zoneCount + 1)
        for agent in 0..<total where draw(agent) < c.chronicPrevalence[Int(band[agent])] { chronic[agent] = 1 }
        for zoneIndex in 0..<net.zoneCount {
            var inhabitants = 0
            for bandIndex in 0..<bands { inhabitants += net.agentsPerZoneBand[zoneIndex * bands + bandIndex] }
            count(.inhabitants, zone: zoneIndex, Double(inhabitants))
            zoneStart.append(zoneStart[zoneIndex] + inhabitants)
        }
    }

    /// Consultation slots per provider and day, with closures, capacity changes and days off laid in.
    mutating func fillSlotBooks(gpChanges: [Int: [(from: Int, to: Int, slots: Double?)]]) {
        let startWeekday = (try? c.p.startDay()).map(CalendarDay.weekday) ?? 0
        func isWorking(_ day: Int) -> Bool {
            // Day `warm` is the start date; weekdays count back from it through the warm-up.
            let weekday = ((startWeekday + day - warm) % 7 + 7) % 7
            return weekday < c.p.gp.workingDaysPerWeek
        }
        let sampled = net.sample < 1, key = key
        func book(_ role: ProviderRole, salt: UInt64, changes: [Int: [(from: Int, to: Int, slots: Double?)]]) -> [Int16] {
            var slots = [Int16](repeating: 0, count: role.count * bookDays)
            for provider in 0..<role.count {
                var offered = 0.0
                let providerChanges = changes[provider]
                for day in 0..<bookDays where isWorking(day) {
                    let value = EventSchedule.slots(base: role.capacity[provider], day: day, changes: providerChanges)
                    var rounded = value.rounded()
                    if sampled {
                        // A sampled run's fractional slots (1.98 a day) are rounded at random, keyed by provider and day.
                        let hashed = SplitMix64.mix(key ^ SplitMix64.mix(salt &+ UInt64(provider) << 20 &+ UInt64(day)))
                        let floor = value.rounded(.down)
                        rounded = floor + (Double(hashed >> 11) * 0x1.0p-53 < value - floor ? 1 : 0)
                    }
                    let whole = Int16(min(Double(Int16.max), max(0, rounded)))
                    slots[provider * bookDays + day] = whole
                    if isCounted(day) { offered += Double(whole) }
                }
                actorCapacityDays[role.actors[provider]] = offered
            }
            return slots
        }
        gpSlots = book(net.gp, salt: 1 << 60, changes: gpChanges)
        gpNextFree = Array(repeating: 0, count: net.gp.count)
        specialistNextFree = Array(repeating: 0, count: net.specialist.count)
        specialistSlots = book(net.specialist, salt: 2 << 60, changes: schedule.specialistSlotChanges)
    }

    /// The agents in a random order keyed by the replication (who declares a GP or holds a place first).
    func shuffledAgents() -> [UInt32] {
        var order = [UInt32](0..<UInt32(zone.count))
        var rng = SplitMix64(seed: key, stream: 1)
        if order.count > 1 {
            for index in stride(from: order.count - 1, to: 0, by: -1) {
                let other = Int(rng.next() % UInt64(index + 1))
                order.swapAt(index, other)
            }
        }
        return order
    }

    /// GPs retiring at `retirement_rate_per_year` from the start date: each one's day is drawn
    /// from its own stream; from it the GP has no slots and its patients look for another.
    mutating func drawRetirements() -> [Int: [(from: Int, to: Int, slots: Double?)]] {
        var changes = schedule.gpSlotChanges
        let rate = c.p.gp.retirementRatePerYear / 365
        guard rate > 0 else { return changes }
        for provider in 0..<net.gp.count {
            var rng = SplitMix64(seed: key ^ SplitMix64.mix(UInt64(provider) &+ 0x5EED), stream: 7)
            let u = Double(rng.next() >> 11) * 0x1.0p-53
            let day = warm + Int(-log1p(-u) / rate)
            guard day < totalDays else { continue }
            changes[provider, default: []].append((day, bookDays, 0))
            localActions[day, default: []] += [.gpPatientsLeave(gp: provider), .gpGone(gp: provider, gone: true)]
        }
        return changes
    }
}
