import Foundation
import MaillageCore

/// A run's events resolved against the territory: what changes on which simulated day.
///
/// Days here are simulated days (the warm-up first), so day 0 of an event file is
/// `warmUpDays`. Consultation slots are booked ahead, so GP and specialist closures and
/// capacity changes are laid into the slot book when it is built; the rest is applied at
/// the start of each day.
struct EventSchedule: Sendable {
    enum Action: Sendable {
        case closure(actor: Int, delta: Int32)
        case nightClosure(actor: Int, delta: Int32)
        case beds(hospital: Int, value: Double)
        case emergencyVisits(department: Int, value: Double)
        case places(role: PlaceRole, position: Int, value: Double)
        case zoneFactors
        /// The GP's declared patients lose it and look for another after a delay.
        case gpPatientsLeave(gp: Int)
        /// The GP takes no new declared patients (`true`: it closed or retired), or again does.
        case gpGone(gp: Int, gone: Bool)
    }

    /// An epidemic in simulated days, with its peak multiplier per age band (territory band order).
    struct Epidemic: Sendable {
        var zones: [Bool]
        var needs: [Bool]
        var intensity: [Double]
        var from: Int
        var peak: Int
        var to: Int

        /// The share of the peak excess on a day: 0 outside, rising to 1 at the peak and back
        /// to 0 at the end along half cosine waves.
        func shape(_ day: Int) -> Double {
            guard day >= from, day <= to else { return 0 }
            if day <= peak {
                return peak == from ? 1 : (1 - cos(Double.pi * Double(day - from) / Double(peak - from))) / 2
            }
            return to == peak ? 1 : (1 + cos(Double.pi * Double(day - peak) / Double(to - peak))) / 2
        }
    }

    struct ZoneFactor: Sendable {
        var zones: [Bool]
        var factor: Double
        var needs: [Bool]
        var from: Int
        var to: Int
    }

    /// Actions by simulated day.
    var actions: [Int: [Action]] = [:]
    /// Per GP / specialist: (from, to, slots or nil for closed) in simulated days, in file order.
    var gpSlotChanges: [Int: [(from: Int, to: Int, slots: Double?)]] = [:]
    var specialistSlotChanges: [Int: [(from: Int, to: Int, slots: Double?)]] = [:]
    var surges: [ZoneFactor] = []
    var slowdowns: [ZoneFactor] = []
    var epidemics: [Epidemic] = []
    /// The highest need multiplier each zone can reach (for thinning), ≥ 1.
    var surgeMax: [Double]

    init(_ events: [SimulationEvent], network: CareNetwork, parameters p: SimulationParameters) throws {
        let territory = network.territory
        let warm = p.warmUpDays
        surgeMax = Array(repeating: 1, count: network.zoneCount)
        let actorIndex = Dictionary(territory.actors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let zoneIndex = Dictionary(territory.zones.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        func positions(_ role: ProviderRole) -> [Int: Int] {
            Dictionary(role.actors.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        }
        let gpAt = positions(network.gp)
        let specialistAt = positions(network.specialist)
        let hospitalAt = positions(network.hospital)
        let emergencyAt = positions(network.emergency)
        let ssiadAt = positions(network.ssiad)
        let hadAt = positions(network.had)
        let ehpadAt = positions(network.ehpad)
        for (number, event) in events.enumerated() {
            let from = event.fromDay + warm
            let to = event.toDay + warm
            func fail(_ reason: String) -> SimulationError { .invalidEvent(index: number, reason: reason) }
            func actor(_ id: String) throws -> Int {
                guard let index = actorIndex[id] else { throw fail("actor \(id) does not exist in the territory") }
                return index
            }
            func zoneMask(_ ids: [String]) throws -> [Bool] {
                if ids == ["*"] { return Array(repeating: true, count: network.zoneCount) }
                var mask = Array(repeating: false, count: network.zoneCount)
                for id in ids {
                    guard let zone = zoneIndex[id] else { throw fail("zone \(id) does not exist in the territory") }
                    mask[zone] = true
                }
                return mask
            }
            switch event.change {
            case .close(let id, let nightOnly):
                let index = try actor(id)
                if nightOnly {
                    guard emergencyAt[index] != nil else {
                        throw fail("night_only closes an emergency department, and \(id) has none")
                    }
                    add(.nightClosure(actor: index, delta: 1), on: from)
                    add(.nightClosure(actor: index, delta: -1), on: to + 1)
                } else {
                    add(.closure(actor: index, delta: 1), on: from)
                    add(.closure(actor: index, delta: -1), on: to + 1)
                    if let g = gpAt[index] {
                        gpSlotChanges[g, default: []].append((from, to, nil))
                        // A long closure (not a holiday) sends its declared patients to look for another GP.
                        if to - from + 1 >= p.gp.closureDaysBeforePatientsLeave {
                            add(.gpPatientsLeave(gp: g), on: from)
                        }
                    }
                    if let s = specialistAt[index] { specialistSlotChanges[s, default: []].append((from, to, nil)) }
                }
            case .capacity(let id, let measure, let given):
                // A sampled run scales every capacity, those set by events too.
                let value = given * network.sample
                let index = try actor(id)
                var applied = false
                if let g = gpAt[index], [.consultationsPerDay, .fte].contains(measure) {
                    let slots = measure == .fte ? value * p.gp.consultationsPerFTEDay : value
                    gpSlotChanges[g, default: []].append((from, to, slots))
                    // No consultations from a date is a departure (a retirement): its patients look for another GP.
                    if slots <= 0 { add(.gpPatientsLeave(gp: g), on: from) }
                    add(.gpGone(gp: g, gone: slots <= 0), on: from)
                    applied = true
                }
                if let s = specialistAt[index], [.consultationsPerDay, .fte].contains(measure) {
                    let slots = measure == .fte ? value * p.specialist.consultationsPerFTEDay : value
                    specialistSlotChanges[s, default: []].append((from, to, slots))
                    applied = true
                }
                if let h = hospitalAt[index], measure == .beds {
                    add(.beds(hospital: h, value: value), on: from)
                    applied = true
                }
                if let e = emergencyAt[index], measure == .edVisitsPerDay || measure == .edVisitsPerYear {
                    let perDay = measure == .edVisitsPerYear ? value / 365 : value
                    // A department's visits a day set its staffed capacity (the load it takes without crowding).
                    add(.emergencyVisits(department: e, value: perDay), on: from)
                    applied = true
                }
                if measure == .places {
                    if let s = ssiadAt[index] {
                        add(.places(role: .ssiad, position: s, value: value), on: from)
                        applied = true
                    }
                    if let s = hadAt[index] {
                        add(.places(role: .had, position: s, value: value), on: from)
                        applied = true
                    }
                    if let s = ehpadAt[index] {
                        add(.places(role: .ehpad, position: s, value: value), on: from)
                        applied = true
                    }
                }
                guard applied else {
                    throw fail(
                        "capacity \(measure) does not apply to \(id) (a \(territory.actors[index].kind)) in the simulation"
                    )
                }
            case .surge(let zones, let factor, let needs):
                let mask = try zoneMask(zones)
                let needMask = NeedKind.allCases.map { needs.contains($0) }
                surges.append(ZoneFactor(zones: mask, factor: factor, needs: needMask, from: from, to: to))
                if factor > 1 { for zone in mask.indices where mask[zone] { surgeMax[zone] *= factor } }
                add(.zoneFactors, on: from)
                add(.zoneFactors, on: to + 1)
            case .epidemic(let zones, let peak, let intensity, let needs):
                let mask = try zoneMask(zones)
                let byBand = network.bandIDs.map { intensity[$0] ?? 1 }
                for band in intensity.keys where !network.bandIDs.contains(band) {
                    throw fail("epidemic intensity names age band \(band), which the territory does not have")
                }
                let needMask = NeedKind.allCases.map { needs.contains($0) }
                epidemics.append(
                    Epidemic(zones: mask, needs: needMask, intensity: byBand, from: from, peak: peak + warm, to: to))
                let highest = max(1, byBand.max() ?? 1)
                for zone in mask.indices where mask[zone] { surgeMax[zone] *= highest }
            case .slowTravel(let zones, let factor):
                slowdowns.append(ZoneFactor(zones: try zoneMask(zones), factor: factor, needs: [], from: from, to: to))
                add(.zoneFactors, on: from)
                add(.zoneFactors, on: to + 1)
            }
        }
    }

    private mutating func add(_ action: Action, on day: Int) {
        actions[day, default: []].append(action)
    }

    /// Slots a provider offers on a simulated day, given its base daily capacity.
    static func slots(base: Double, day: Int, changes: [(from: Int, to: Int, slots: Double?)]?) -> Double {
        var value = base
        guard let changes else { return value }
        for change in changes where change.slots != nil && day >= change.from { value = change.slots! }
        for change in changes where change.slots == nil && (change.from...change.to).contains(day) { return 0 }
        return value
    }
}
