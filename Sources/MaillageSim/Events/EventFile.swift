import Foundation
import MaillageCore

/// Reads the events of a run from JSON: `{"events": [ … ]}` or a bare list.
///
/// ```json
/// {"events": [
///   {"type": "close", "actor": "hospital-000002", "from": "2026-03-01", "to": "2026-03-31", "night_only": true},
///   {"type": "capacity", "actor": "gp-000017", "measure": "consultations_per_day", "value": 0, "from": 45},
///   {"type": "surge", "zones": ["Z00001", "Z00002"], "factor": 1.5, "from": 10, "to": 40, "needs": ["acute_urgent"]},
///   {"type": "slow_travel", "zones": ["*"], "factor": 1.8, "from": {"day": 20}, "to": {"day": 22}},
///   {"type": "epidemic", "zones": ["*"], "from": "2026-11-15", "peak": "2026-12-10", "to": "2026-12-31",
///    "intensity": {"0-14": 1.8, "75+": 1.5}, "needs": ["acute_urgent", "acute_minor"]}
/// ]}
/// ```
/// Dates are ISO dates or day offsets from the run's `start_date` (`45` or `{"day": 45}`); both
/// must lie within the horizon. `to` is inclusive and defaults to the horizon's last day.
public enum EventFile {
    /// Reads the events file at `path`, placing its dates against `startDay` within a horizon of `days`.
    ///
    /// - Throws: ``SimulationError/unreadableFile(path:reason:)`` for a file that cannot be read or parsed,
    ///   ``SimulationError/invalidEvent(index:reason:)`` for an event that is not valid.
    public static func load(_ path: String, startDay: Int, days: Int) throws -> [SimulationEvent] {
        guard let data = FileManager.default.contents(atPath: path) else {
            // Told apart here, where the read failed, so that a missing file is missing input (not data).
            guard FileManager.default.fileExists(atPath: path) else { throw SimulationError.missingFile(path: path) }
            throw SimulationError.unreadableFile(path: path, reason: "cannot be read (missing or not a file)")
        }
        return try parse(data, startDay: startDay, days: days, source: path)
    }

    /// Reads events from JSON bytes; `source` names them in errors.
    ///
    /// - Throws: as ``load(_:startDay:days:)``.
    public static func parse(_ data: Data, startDay: Int, days: Int, source: String = "events") throws
        -> [SimulationEvent]
    {
        let json: Any
        do { json = try JSONSerialization.jsonObject(with: data) } catch {
            throw SimulationError.unreadableFile(
                path: source, reason: "is not valid JSON (\(error.localizedDescription))")
        }
        let list: [Any]
        if let array = json as? [Any] {
            list = array
        } else if let object = json as? [String: Any], let array = object["events"] as? [Any] {
            list = array
        } else {
            throw SimulationError.unreadableFile(
                path: source, reason: "must hold a list of events or {\"events\": [...]}")
        }
        return try list.enumerated().map { index, item in
            guard let object = item as? [String: Any] else {
                throw SimulationError.invalidEvent(index: index, reason: "is not an object")
            }
            return try event(object, index: index, startDay: startDay, days: days)
        }
    }

    private static func event(_ object: [String: Any], index: Int, startDay: Int, days: Int) throws -> SimulationEvent {
        func fail(_ reason: String) -> SimulationError { .invalidEvent(index: index, reason: reason) }
        let typeName = object["type"] as? String ?? ""
        guard let type = SimulationEvent.Kind(rawValue: typeName) else {
            let types = SimulationEvent.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            throw fail("type '\(typeName)' is not one of \(types)")
        }
        // As in parameter files and scenario files: a misspelt key is refused, not ignored.
        let allowed = type.eventFileKeys
        if let unknown = object.keys.sorted().first(where: { !allowed.contains($0) && !$0.hasPrefix("_") }) {
            throw fail(
                "'\(unknown)' is not understood in a \(type) event; expected \(allowed.sorted().joined(separator: ", "))"
            )
        }
        let from = try day(object["from"], key: "from", index: index, startDay: startDay, days: days) ?? 0
        let to = try day(object["to"], key: "to", index: index, startDay: startDay, days: days) ?? (days - 1)
        guard to >= from else { throw fail("ends (day \(to)) before it starts (day \(from))") }
        func text(_ key: String) throws -> String {
            guard let value = object[key] as? String, !value.isEmpty else {
                throw fail("\(type) needs '\(key)' (a text)")
            }
            return value
        }
        func number(_ key: String) throws -> Double {
            guard let value = (object[key] as? NSNumber)?.doubleValue, value.isFinite, value >= 0 else {
                throw fail("\(type) needs '\(key)' (a number ≥ 0)")
            }
            return value
        }
        func zones() throws -> [String] {
            guard let zones = object["zones"] as? [String], !zones.isEmpty else {
                throw fail("\(type) needs 'zones' (a list of zone ids, or [\"*\"])")
            }
            return zones
        }
        let change: SimulationEvent.Change
        switch type {
        case .close:
            change = .close(actor: try text("actor"), nightOnly: object["night_only"] as? Bool ?? false)
        case .capacity:
            let measure: CapacityMeasure
            do { measure = try CapacityMeasure.parse(try text("measure")) } catch { throw fail("\(error)") }
            change = .capacity(actor: try text("actor"), measure: measure, value: try number("value"))
            return SimulationEvent(change, fromDay: from, toDay: days - 1)
        case .surge:
            let factor = try number("factor")
            if let problem = SimulationEvent.factorProblem(kind: type, factor: factor) { throw fail(problem) }
            var needs = NeedKind.allCases
            if let names = object["needs"] as? [String] {
                needs = try names.map { name in
                    guard let kind = NeedKind(rawValue: name) else {
                        throw fail(
                            "need '\(name)' is not one of \(NeedKind.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    return kind
                }
            }
            change = .surge(zones: try zones(), factor: factor, needs: needs)
        case .slowTravel:
            let factor = try number("factor")
            if let problem = SimulationEvent.factorProblem(kind: type, factor: factor) { throw fail(problem) }
            change = .slowTravel(zones: try zones(), factor: factor)
        case .epidemic:
            guard let peak = try day(object["peak"], key: "peak", index: index, startDay: startDay, days: days) else {
                throw fail("epidemic needs 'peak' (a date or day within from...to)")
            }
            guard peak >= from, peak <= to else {
                throw fail("epidemic peak (day \(peak)) is outside from...to (\(from)...\(to))")
            }
            guard let table = object["intensity"] as? [String: Any], !table.isEmpty else {
                throw fail("epidemic needs 'intensity' (peak multipliers by age band, such as {\"0-14\": 1.8})")
            }
            var intensity: BandValues = [:]
            for (band, value) in table {
                guard let number = (value as? NSNumber)?.doubleValue, number.isFinite, number >= 0, number <= 100 else {
                    throw fail("epidemic intensity for \(band) must be a number in 0...100")
                }
                intensity[band] = number
            }
            var needs: [NeedKind] = [.acuteUrgent, .acuteMinor]
            if let names = object["needs"] as? [String] {
                needs = try names.map { name in
                    guard let kind = NeedKind(rawValue: name) else {
                        throw fail(
                            "need '\(name)' is not one of \(NeedKind.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    return kind
                }
            }
            change = .epidemic(zones: try zones(), peakDay: peak, intensity: intensity, needs: needs)
        }
        return SimulationEvent(change, fromDay: from, toDay: to)
    }

    /// A day number as a whole Int: `1e30` or `2.5` is refused as itself, not truncated or wrapped
    /// (`1e30` used to become day −9223372036854775808).
    private static func whole(_ number: NSNumber, key: String, index: Int, days: Int) throws -> Int {
        let value = number.doubleValue
        guard value.isFinite, value == value.rounded(), let day = Int(exactly: value) else {
            throw SimulationError.invalidEvent(
                index: index,
                reason: "'\(key)': \(number) is not a whole day number within the horizon, days 0...\(days - 1)")
        }
        return day
    }

    /// A day offset from an ISO date, an integer, or `{"day": N}`; nil when absent.
    private static func day(_ value: Any?, key: String, index: Int, startDay: Int, days: Int) throws -> Int? {
        guard let value, !(value is NSNull) else { return nil }
        var offset: Int?
        if let text = value as? String {
            let parts = text.split(separator: "-")
            if parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
                let absolute = CalendarDay.daysSinceEpoch(year: y, month: m, day: d)
            {
                offset = absolute - startDay
            } else {
                throw SimulationError.invalidEvent(
                    index: index, reason: "'\(key)': '\(text)' is not an ISO date such as 2026-03-01")
            }
        } else if let number = value as? NSNumber {
            offset = try whole(number, key: key, index: index, days: days)
        } else if let object = value as? [String: Any], let number = object["day"] as? NSNumber {
            offset = try whole(number, key: key, index: index, days: days)
        }
        guard let offset else {
            throw SimulationError.invalidEvent(
                index: index, reason: "'\(key)' must be an ISO date, a day number or {\"day\": N}")
        }
        guard (0..<days).contains(offset) else {
            // A mistyped offset such as 9223372036854775000 has no calendar date to show.
            let (absolute, overflow) = startDay.addingReportingOverflow(offset)
            let date = !overflow && CalendarDay.representable.contains(absolute) ? ", \(CalendarDay.iso(absolute))" : ""
            throw SimulationError.invalidEvent(
                index: index,
                reason:
                    "'\(key)' (day \(offset)\(date)) is outside the horizon, days 0...\(days - 1) from \(CalendarDay.iso(startDay)) to \(CalendarDay.iso(startDay + days - 1))"
            )
        }
        return offset
    }
}
