import Foundation
import MaillageSim

/// Turns a point of the unit hypercube into the dotted parameter overrides a scenario takes.
///
/// The simulation is driven only through its public parameter surface (the same dotted
/// overrides as a scenario's `overrides:`), so any engine that reads `SimulationParameters`
/// can be screened or calibrated.
public struct ParameterPoint: Sendable {
    /// The ranges, one per coordinate of a point.
    public let ranges: [ParameterRange]
    /// The base parameters' values, flattened by dotted name, for `scale` ranges.
    private let baseValues: [String: Double]

    /// A mapping of the unit hypercube onto `ranges` around `base`.
    ///
    /// - Throws: `SimulationError.invalidParameter` for a range naming no numeric parameter of `base`.
    public init(ranges: [ParameterRange], base: SimulationParameters) throws {
        self.ranges = ranges
        let flat = try Self.flatValues(base)
        baseValues = flat
        let unset = try Self.unsetTables(base)
        for range in ranges {
            // An entry of a table unset by default (`gp.retirement_rate_by_years_in_practice.35`) sets that
            // entry alone.
            let inUnsetTable = unset.contains { range.name.hasPrefix($0 + ".") }
            let known = flat[range.name] != nil || flat.keys.contains { $0.hasPrefix(range.name + ".") } || inUnsetTable
            guard known else {
                throw SimulationError.invalidParameter(
                    name: range.name,
                    reason: "is not a numeric simulation parameter (see data/simulation-parameters.json)")
            }
            if inUnsetTable, range.mode == .scale {
                throw SimulationError.invalidParameter(
                    name: range.name, reason: "has no default value to scale: give range: [low, high]")
            }
            if range.mode == .absolute, flat[range.name] == nil, !inUnsetTable {
                throw SimulationError.invalidParameter(
                    name: range.name, reason: "is a table: give scale: [low, high] to scale all its values")
            }
        }
    }

    /// The overrides at `unit` (one coordinate per range, in [0, 1]).
    public func overrides(at unit: [Double]) -> [String: Double] {
        var result: [String: Double] = [:]
        for (range, u) in zip(ranges, unit) {
            let value = range.value(at: u)
            switch range.mode {
            case .absolute:
                result[range.name] = value
            case .scale:
                if let base = baseValues[range.name] {
                    result[range.name] = range.integer ? (base * value).rounded() : base * value
                } else {
                    for (key, base) in baseValues
                    where key.hasPrefix(range.name + ".") && !key.dropFirst(range.name.count + 1).contains(".") {
                        result[key] = base * value
                    }
                }
            }
        }
        return result
    }

    /// The parameter values at `unit` as a reader sees them (multipliers for `scale`).
    public func values(at unit: [Double]) -> [Double] {
        zip(ranges, unit).map { $0.value(at: $1) }
    }

    /// Every numeric parameter by dotted name.
    static func flatValues(_ parameters: SimulationParameters) throws -> [String: Double] {
        var flat: [String: Double] = [:]
        flatten(try JSONSerialization.jsonObject(with: JSONEncoder().encode(parameters)), prefix: "", into: &flat)
        return flat
    }

    /// The dotted names of the parameters whose default is null (tables a file may set).
    static func unsetTables(_ parameters: SimulationParameters) throws -> [String] {
        func walk(_ object: Any, _ prefix: String) -> [String] {
            guard let dictionary = object as? [String: Any] else { return object is NSNull ? [prefix] : [] }
            return dictionary.flatMap { key, value in walk(value, prefix.isEmpty ? key : "\(prefix).\(key)") }
        }
        return walk(try JSONSerialization.jsonObject(with: JSONEncoder().encode(parameters)), "")
    }

    private static func flatten(_ object: Any, prefix: String, into flat: inout [String: Double]) {
        if let dictionary = object as? [String: Any] {
            for (key, value) in dictionary {
                flatten(value, prefix: prefix.isEmpty ? key : "\(prefix).\(key)", into: &flat)
            }
        } else if let number = object as? NSNumber {
            flat[prefix] = number.doubleValue
        }
    }
}
