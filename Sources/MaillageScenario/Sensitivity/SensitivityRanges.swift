import Foundation
import Yams

/// The parameters a sensitivity analysis moves: a YAML file of ranges.
///
/// ```yaml
/// parameters:
///   - name: emergency.base_wait_minutes
///     range: [15, 60]
///     observed: false
///     source: assumed (no national figure)
///   - name: needs.acute_urgent.rate_per_year     # a band table: every band scaled together
///     scale: [0.85, 1.15]
///     observed: true
///     source: DREES, 21 million visits a year
/// ```
/// `data/sensitivity-ranges.yaml` covers every assumed parameter of `data/simulation-parameters.json`.
public struct SensitivityRanges: Sendable, Equatable {
    /// The ranges file, for errors and provenance.
    public var file: String
    /// The parameters, in the file's order.
    public var parameters: [ParameterRange]
    /// FNV-1a 64 of the file's bytes: shards of different files must not merge.
    public var contentHash: String

    /// Ranges given in code; `contentHash` is empty unless read from a file.
    public init(file: String, parameters: [ParameterRange], contentHash: String = "") {
        self.file = file
        self.parameters = parameters
        self.contentHash = contentHash
    }

    /// Reads a ranges file (YAML).
    ///
    /// - Throws: ``ScenarioError`` naming the file, line and key of what is missing, unknown or out of range.
    public static func load(_ path: String) throws -> SensitivityRanges {
        // One reader for every YAML input: missing (66), folder, NUL, non-UTF-8 and YAML errors
        // named with their line, quoting a short excerpt and never the file (it may not be YAML at all).
        let text = try ScenarioText.read(path)
        let data = Data(text.utf8)
        let root = YAMLValue(node: try ScenarioText.compose(text, file: path), file: path, key: "")
        var seen = Set<String>()
        var parameters: [ParameterRange] = []
        for entry in try root.required("parameters").list() {
            for key in try entry.keys()
            where !["name", "range", "scale", "integer", "observed", "source"].contains(key) {
                throw entry.error(
                    "'\(key)' is not a range key; expected name, range or scale, integer, observed, source",
                    key: "\(entry.key).\(key)")
            }
            let name = try entry.required("name").string()
            guard seen.insert(name).inserted else {
                throw entry.error("'\(name)' is given twice", key: "\(entry.key).name")
            }
            let range = try entry.optional("range")
            let scale = try entry.optional("scale")
            guard (range == nil) != (scale == nil), let bounds = range ?? scale else {
                throw entry.error("give exactly one of range: [low, high] or scale: [low, high]")
            }
            let values = try bounds.list().map { try $0.double() }
            guard values.count == 2, values[0] < values[1] else {
                throw bounds.error("expected [low, high] with low < high")
            }
            guard let observed = try entry.required("observed").bool() else {
                throw entry.error("expected true or false", key: "\(entry.key).observed")
            }
            let integer = try entry.optional("integer")?.bool() ?? false
            parameters.append(
                ParameterRange(
                    name: name, low: values[0], high: values[1], mode: range != nil ? .absolute : .scale,
                    integer: integer, observed: observed, source: try entry.optional("source")?.string() ?? ""))
        }
        guard !parameters.isEmpty else { throw root.error("lists no parameter", key: "parameters") }
        return SensitivityRanges(file: path, parameters: parameters, contentHash: Self.fnv1a(data))
    }

    static func fnv1a(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(format: "%016llx", hash)
    }
}

extension YAMLValue {
    /// `true`/`false` (also yes/no), nil for anything else.
    func bool() throws -> Bool? {
        switch try string().lowercased() {
        case "true", "yes": true
        case "false", "no": false
        default: nil
        }
    }
}
