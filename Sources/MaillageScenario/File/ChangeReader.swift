import Foundation
import MaillageCore
import MaillageSim

/// Reads one item of `changes:` or `events:`.
///
/// ```yaml
/// changes:
///   - close: hospital-000001          # for good, or for a period with until:
///     from: 2026-03-01
///     until: 2026-06-01
///   - close: hospital-000002          # the emergency department closes at night only
///     night_only: true
///   - open: {id: new-msp, kind: msp, name: MSP du Lac, lat: 43.6, lon: 1.44, capacity: {fte: 4}}
///     from: 30
///   - capacity: {actor: gp-000012, fte: 0}     # a GP retires
///     from: 2026-02-01
///   - add_link: {from: gp-000001, kind: member_of, to: cpts-000001}
///   - remove_link: {from: hospital-000001, kind: discharges_to, to: ssiad-000002}
/// events:
///   - surge: {zones: [Z00001, Z00002], factor: 1.5, needs: [acute_urgent]}
///     from: 2026-07-01
///     until: 2026-08-15
///   - slow_travel: {zones: [Z00003], factor: 1.4}
///     from: 20
///     until: 27
///   - epidemic: {zones: ["*"], peak: 2026-12-10, intensity: {0-14: 1.8, 75+: 1.5}, needs: [acute_urgent]}
///     from: 2026-11-15
///     until: 2027-01-31
/// ```
enum ChangeReader {
    /// The kinds of change, by the key that introduces each item of `changes:`.
    enum ChangeKind: String, CaseIterable {
        case close, open, capacity
        case addLink = "add_link"
        case removeLink = "remove_link"
    }

    /// The events a scenario's `events:` may hold (closures and capacities are changes there).
    static let eventKinds: [SimulationEvent.Kind] = [.surge, .slowTravel, .epidemic]

    static func change(_ item: YAMLValue, start: Date) throws -> Scenario.Placed<ScenarioChange> {
        let kind = try onlyKind(item, among: ChangeKind.allCases)
        let day = try item.optional("from").map { try ScenarioDay.read($0, start: start) } ?? 0
        let until = try item.optional("until").map { try ScenarioDay.read($0, start: start) }
        if let until, until <= day { throw item.error("'until' must come after 'from'", key: "\(item.key).until") }
        let body = try item.required(kind.rawValue)
        let change: ScenarioChange
        do {
            switch kind {
            case .close:
                change = .closeActor(id: try body.string(), day: day, until: until, nightOnly: try nightOnly(item))
            case .open:
                change = .openActor(try actor(body), day: day)
            case .capacity:
                let actorID = try body.required("actor").string()
                let measures = try body.keys().filter { $0 != "actor" }
                guard measures.count == 1 else { throw body.error("give one measure and its value, such as fte: 0") }
                change = .setCapacity(
                    actorID: actorID,
                    try Capacity(CapacityMeasure.parse(measures[0]), body.required(measures[0]).double()), day: day)
            case .addLink:
                change = .addLink(
                    try Link(
                        from: body.required("from").string(), kind: LinkKind.parse(body.required("kind").string()),
                        to: body.required("to").string(), strength: body.optional("strength")?.double() ?? 1), day: day)
            case .removeLink:
                change = .removeLink(
                    from: try body.required("from").string(), kind: try LinkKind.parse(body.required("kind").string()),
                    to: try body.required("to").string(), day: day)
            }
        } catch let error as ValidationError {
            throw body.error(error.description)
        }
        return Scenario.Placed(value: change, file: item.file, line: item.line)
    }

    static func event(_ item: YAMLValue, start: Date) throws -> Scenario.Placed<ScenarioEvent> {
        let kind = try onlyKind(item, among: eventKinds)
        let day = try ScenarioDay.read(try item.required("from"), start: start)
        let until = try ScenarioDay.read(try item.required("until"), start: start)
        guard until > day else { throw item.error("'until' must come after 'from'", key: "\(item.key).until") }
        let body = try item.required(kind.rawValue)
        let zones = try body.required("zones").strings()
        if kind == .epidemic {
            return try epidemic(item, body: body, zones: zones, day: day, until: until, start: start)
        }
        let factorValue = try body.required("factor")
        let factor = try factorValue.double()
        if let problem = SimulationEvent.factorProblem(kind: kind, factor: factor) { throw factorValue.error(problem) }
        let needs = try body.optional("needs")?.strings() ?? []
        let needNames = NeedKind.allCases.map(\.rawValue)
        for need in needs where !needNames.contains(need) {
            throw body.error(
                "'\(need)' is not a need; expected one of \(needNames.joined(separator: ", "))",
                key: "\(body.key).needs")
        }
        if kind != .surge && !needs.isEmpty {
            throw body.error("'needs' applies to a surge only", key: "\(body.key).needs")
        }
        let event: ScenarioEvent =
            kind == .surge
            ? .demandSurge(zones: zones, factor: factor, day: day, until: until, needs: needs)
            : .travelSlowdown(zones: zones, factor: factor, day: day, until: until)
        return Scenario.Placed(value: event, file: item.file, line: item.line)
    }

    /// An epidemic: its peak (a date or day within from...until) and peak multipliers by age band.
    private static func epidemic(_ item: YAMLValue, body: YAMLValue, zones: [String], day: Int, until: Int, start: Date)
        throws -> Scenario.Placed<ScenarioEvent>
    {
        let peakValue = try body.required("peak")
        let peak = try ScenarioDay.read(peakValue, start: start)
        guard peak >= day, peak < until else { throw peakValue.error("the peak must lie within from...until") }
        let table = try body.required("intensity")
        var intensity: [String: Double] = [:]
        for band in try table.keys() {
            let value = try table.required(band)
            let number = try value.double()
            guard number >= 0, number <= 100 else { throw value.error("an intensity is a multiplier in 0...100") }
            intensity[band] = number
        }
        let needs = try body.optional("needs")?.strings() ?? []
        let needNames = NeedKind.allCases.map(\.rawValue)
        for need in needs where !needNames.contains(need) {
            throw body.error(
                "'\(need)' is not a need; expected one of \(needNames.joined(separator: ", "))",
                key: "\(body.key).needs")
        }
        return Scenario.Placed(
            value: .epidemic(zones: zones, peak: peak, intensity: intensity, day: day, until: until, needs: needs),
            file: item.file, line: item.line)
    }

    /// The one kind an item names among `kinds` (its key), refusing keys that are not the
    /// kind's or its dates'.
    private static func onlyKind<Kind: RawRepresentable>(_ item: YAMLValue, among kinds: [Kind]) throws -> Kind
    where Kind.RawValue == String {
        let names = kinds.map(\.rawValue)
        let present = try item.keys().filter(names.contains)
        guard present.count == 1, let kind = Kind(rawValue: present[0]) else {
            throw item.error("each item needs exactly one of \(names.joined(separator: ", "))")
        }
        let extra = present[0] == "close" ? ["from", "until", "night_only"] : ["from", "until"]
        for key in try item.keys() where !names.contains(key) && !extra.contains(key) {
            throw item.error(
                "'\(key)' is not understood here; expected \(([present[0]] + extra).joined(separator: ", "))",
                key: "\(item.key).\(key)")
        }
        return kind
    }

    private static func nightOnly(_ item: YAMLValue) throws -> Bool {
        guard let value = try item.optional("night_only") else { return false }
        switch try value.string().lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw value.error("expected true or false")
        }
    }

    private static func actor(_ body: YAMLValue) throws -> Actor {
        let capacities =
            try body.optional("capacity").map { value in
                try value.keys().map { try Capacity(CapacityMeasure.parse($0), value.required($0).double()) }
            } ?? []
        return try Actor(
            id: body.required("id").string(), kind: ActorKind.parse(body.required("kind").string()),
            name: body.optional("name")?.string() ?? body.required("id").string(),
            point: GeoPoint(longitude: body.required("lon").double(), latitude: body.required("lat").double()),
            zoneID: body.optional("zone_id")?.string(), capacities: capacities,
            services: body.optional("services")?.strings() ?? [],
            practiceStartYear: body.optional("practice_start_year")?.int()
        )
    }
}
