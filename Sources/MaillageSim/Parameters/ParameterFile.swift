import Foundation
import MaillageFormats

/// Reads a parameter file: any subset of ``SimulationParameters`` in JSON, laid over the defaults.
///
/// The file's object is merged key by key into the defaults' object, so a file that sets only
/// `{"gp": {"tolerance_acute_days": 3}}` keeps every other default. A key the defaults do not
/// have is refused (a misspelt `tolerence` must not be silently ignored); keys starting with
/// `_` are comments. `data/simulation-parameters.json` is the documented default file.
public enum ParameterFile {
    /// The parameters of the file at `path`, laid over the defaults.
    ///
    /// - Throws: ``SimulationError/unreadableFile(path:reason:)`` for a file that cannot be read or parsed,
    ///   ``SimulationError/invalidParameter(name:reason:)`` for an unknown key or a value out of range.
    public static func load(_ path: String) throws -> SimulationParameters {
        guard let data = FileManager.default.contents(atPath: path) else {
            // Told apart here, where the read failed, so that a missing file is missing input (not data).
            guard FileManager.default.fileExists(atPath: path) else { throw SimulationError.missingFile(path: path) }
            throw SimulationError.unreadableFile(path: path, reason: "cannot be read (missing or not a file)")
        }
        return try parse(data, source: path)
    }

    /// Parses parameter overrides from JSON text, then validates the result.
    public static func parse(_ data: Data, source: String = "parameters") throws -> SimulationParameters {
        let overrides: Any
        do {
            overrides = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw SimulationError.unreadableFile(
                path: source, reason: "is not valid JSON (\(error.localizedDescription))")
        }
        guard let object = overrides as? [String: Any] else {
            throw SimulationError.unreadableFile(path: source, reason: "must hold a JSON object of parameters")
        }
        return try apply(object)
    }

    /// The defaults as a JSON object, made once: every parameter file is merged into it.
    nonisolated(unsafe) private static let defaultsObject: [String: Any] = {
        let data = (try? JSONEncoder().encode(SimulationParameters.defaults)) ?? Data("{}".utf8)
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }()

    /// The defaults with `overrides` laid over them, validated.
    public static func apply(_ overrides: [String: Any]) throws -> SimulationParameters {
        let merged = try merge(overrides, into: defaultsObject, path: "")
        let parameters: SimulationParameters
        do {
            parameters = try JSONDecoder().decode(
                SimulationParameters.self, from: JSONSerialization.data(withJSONObject: merged))
        } catch let error as DecodingError {
            // Foundation on Linux reports `1.5` for a whole-number parameter as "not valid JSON",
            // with no path: find the value that is to blame.
            if let name = wholeNumberCulprit(overrides, merged: merged) {
                throw SimulationError.invalidParameter(
                    name: name, reason: "must be a whole number, not \(value(at: name, in: overrides) ?? "")")
            }
            throw describe(error)
        }
        try parameters.validate()
        return parameters
    }

    /// The parameters as canonical JSON (sorted keys): what a run records.
    public static func canonicalJSON(_ parameters: SimulationParameters, pretty: Bool = false) -> String {
        (try? JSONText.string(parameters, pretty: pretty)) ?? "{}"
    }

    private static func merge(_ overrides: [String: Any], into base: [String: Any], path: String) throws -> [String:
        Any]
    {
        var result = base
        // Keys starting with "_" are comments (`_about`), so that a parameter file documents itself.
        for key in overrides.keys.sorted() where !key.hasPrefix("_") {
            let name = path.isEmpty ? key : "\(path).\(key)"
            let value = overrides[key]!
            guard let current = base[key] else {
                // Values per age band may name bands the defaults lack (a territory with other bands).
                if isBandTable(base) {
                    result[key] = value
                    continue
                }
                throw SimulationError.invalidParameter(name: name, reason: "is not a known parameter")
            }
            if let inner = value as? [String: Any], let currentObject = current as? [String: Any] {
                // A distribution given with its type replaces the default whole: unused keys must not linger.
                let replaces = currentObject["type"] != nil && inner["type"] != nil
                result[key] = replaces ? inner : try merge(inner, into: currentObject, path: name)
            } else if value is [String: Any] || current is [String: Any], !(current is NSNull) {
                throw SimulationError.invalidParameter(
                    name: name,
                    reason: "has the wrong shape (expected \(current is [String: Any] ? "an object" : "a value"))")
            } else {
                result[key] = value
            }
        }
        return result
    }

    /// The dotted name of a fractional number in `overrides` that a whole-number parameter refuses.
    ///
    /// Rounding a fractional value that a real-valued parameter holds never changes whether the
    /// parameters decode, so "all candidates up to k rounded" decodes exactly when every culprit
    /// is among the first k: a bisection finds the first culprit in O(log n) decodes, where trying
    /// the candidates one by one cost a decode each (hundreds for a large file).
    private static func wholeNumberCulprit(_ overrides: [String: Any], merged: [String: Any]) -> String? {
        let candidates: [(path: [String], whole: Double)] = leafPaths(overrides).compactMap { path in
            guard let number = leaf(at: path, in: overrides) as? NSNumber, !(number is Bool),
                number.doubleValue.isFinite, number.doubleValue != number.doubleValue.rounded()
            else { return nil }
            return (path, number.doubleValue.rounded(.towardZero))
        }
        func decodesWithFirst(_ count: Int) -> Bool {
            let fixed = candidates.prefix(count).reduce(merged) { replacing(at: $1.path, with: $1.whole, in: $0) }
            guard let data = try? JSONSerialization.data(withJSONObject: fixed) else { return false }
            return (try? JSONDecoder().decode(SimulationParameters.self, from: data)) != nil
        }
        guard !candidates.isEmpty, decodesWithFirst(candidates.count) else { return nil }
        var (low, high) = (0, candidates.count)  // decodes with `high` rounded, not with `low`
        while high - low > 1 {
            let middle = (low + high) / 2
            if decodesWithFirst(middle) { high = middle } else { low = middle }
        }
        return candidates[high - 1].path.joined(separator: ".")
    }

    private static func leafPaths(_ object: [String: Any], prefix: [String] = []) -> [[String]] {
        object.keys.sorted().filter { !$0.hasPrefix("_") }.flatMap { key -> [[String]] in
            if let inner = object[key] as? [String: Any] { return leafPaths(inner, prefix: prefix + [key]) }
            return [prefix + [key]]
        }
    }

    private static func leaf(at path: [String], in object: [String: Any]) -> Any? {
        guard let first = path.first else { return nil }
        if path.count == 1 { return object[first] }
        return (object[first] as? [String: Any]).flatMap { leaf(at: Array(path.dropFirst()), in: $0) }
    }

    private static func value(at name: String, in object: [String: Any]) -> String? {
        leaf(at: name.split(separator: ".").map(String.init), in: object).map { "\($0)" }
    }

    private static func replacing(at path: [String], with value: Any, in object: [String: Any]) -> [String: Any] {
        guard let first = path.first else { return object }
        var copy = object
        if path.count == 1 {
            copy[first] = value
        } else if let inner = object[first] as? [String: Any] {
            copy[first] = replacing(at: Array(path.dropFirst()), with: value, in: inner)
        }
        return copy
    }

    private static func isBandTable(_ object: [String: Any]) -> Bool {
        !object.isEmpty && object.keys.allSatisfy { $0.first?.isNumber == true }
    }

    private static func describe(_ error: DecodingError) -> SimulationError {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .typeMismatch(let type, let context):
            return .invalidParameter(name: path(context), reason: "has the wrong type (expected \(type))")
        case .valueNotFound(let type, let context):
            return .invalidParameter(name: path(context), reason: "is missing (expected \(type))")
        case .keyNotFound(let key, let context):
            let name = (path(context).isEmpty ? "" : path(context) + ".") + key.stringValue
            return .invalidParameter(name: name, reason: "is missing")
        case .dataCorrupted(let context):
            return .invalidParameter(name: path(context), reason: context.debugDescription)
        @unknown default:
            return .invalidParameter(name: "?", reason: "\(error)")
        }
    }
}
