/// What an event may ask for: bounded factors, so that a typo cannot ask for a million times
/// the work.
///
/// A surge factor of 1e6, or 30 overlapping ×2 surges (they multiply: 2^30), used to run for
/// tens of seconds and abort on allocation. Both event readers (JSON `--events`, scenario YAML)
/// use the same bounds, and a request refuses overlapping surges whose product exceeds
/// ``maximumSurge`` before anything is allocated.
extension SimulationEvent {
    /// The most a surge (alone, or several overlapping) may multiply needs by.
    public static let maximumSurge = 10.0
    /// The most a slowdown may multiply travel times by; less than 1 would be a speed-up.
    public static let slowTravelRange = 1.0...10.0

    /// Why a factor is refused for an event kind (`surge`, `slow_travel`), or nil.
    public static func factorProblem(kind: Kind, factor: Double) -> String? {
        guard factor.isFinite else { return "a factor must be a finite number, not \(factor)" }
        switch kind {
        case .surge:
            guard factor > 0, factor <= maximumSurge else {
                return
                    "a surge factor must be more than 0 and at most \(Self.format(maximumSurge)) (needs × factor), not \(Self.format(factor))"
            }
        case .slowTravel:
            guard slowTravelRange.contains(factor) else {
                return
                    "a slow_travel factor must be between \(Self.format(slowTravelRange.lowerBound)) and \(Self.format(slowTravelRange.upperBound)) (travel times × factor), not \(Self.format(factor))"
            }
        case .close, .capacity, .epidemic: break
        }
        return nil
    }

    /// Refuses events whose factors are out of bounds, or surges that overlap (in time and
    /// zones) into a product above ``maximumSurge``; the message gives the product and the day.
    public static func checkLimits(_ events: [SimulationEvent]) throws {
        var surges: [(index: Int, zones: Set<String>, factor: Double, from: Int, to: Int)] = []
        for (index, event) in events.enumerated() {
            switch event.change {
            case .surge(let zones, let factor, _):
                if let problem = factorProblem(kind: .surge, factor: factor) {
                    throw SimulationError.invalidEvent(index: index, reason: problem)
                }
                surges.append((index, Set(zones), factor, event.fromDay, event.toDay))
            case .slowTravel(_, let factor):
                if let problem = factorProblem(kind: .slowTravel, factor: factor) {
                    throw SimulationError.invalidEvent(index: index, reason: problem)
                }
            case .close, .capacity: break
            case .epidemic: break  // intensities are bounded (0...100) where the event file is read
            }
        }
        let amplifying = surges.filter { $0.factor > 1 }
        guard amplifying.count > 1 else { return }
        // The product is highest on some surge's first day, in some zone it names (or everywhere, `*`).
        let zoneNames = amplifying.reduce(into: Set<String>()) { $0.formUnion($1.zones) }
        for start in amplifying {
            for zone in zoneNames where start.zones.contains(zone) || start.zones.contains("*") || zone == "*" {
                let active = amplifying.filter {
                    $0.from <= start.from && start.from <= $0.to && ($0.zones.contains(zone) || $0.zones.contains("*"))
                }
                let product = active.reduce(1.0) { $0 * $1.factor }
                if product > maximumSurge {
                    throw SimulationError.invalidEvent(
                        index: start.index,
                        reason:
                            "\(active.count) surges overlap on day \(start.from) in zone \(zone == "*" ? "'*' (every zone)" : zone) and multiply needs by \(Self.format(product)); the most allowed is \(Self.format(maximumSurge))"
                    )
                }
            }
        }
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
