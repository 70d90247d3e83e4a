import Foundation
import MaillageCore
import MaillageFormats

/// Who made a run's results, when and how: provenance.json, kept apart from the byte-identical results.
///
/// The fields every run's provenance has; each run kind adds its own (the run id, the scenario
/// file) through `details`, written beside them at the top level.
public struct RunProvenance: Encodable, Sendable {
    /// When the files were written (ISO 8601).
    public var createdAt = ISO8601DateFormatter().string(from: Date())
    /// The Maillage version that wrote the files.
    public var maillageVersion = MaillageVersion.current
    /// The machine, for simulations and comparisons whose timings it explains.
    public var host: String?
    /// The command line, for simulations and comparisons.
    public var command: String?
    /// The run kind's own fields.
    public var details: [String: RunProvenanceValue]

    /// Provenance with the run kind's own fields; `withHost` adds the host and the command line.
    public init(_ details: [String: RunProvenanceValue], withHost: Bool) {
        self.details = details
        if withHost {
            host = ProcessInfo.processInfo.hostName
            command = CommandLine.arguments.joined(separator: " ")
        }
    }

    /// Writes `created_at`, the version, host and command beside the run kind's own values, at one level.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: NamedCodingKey.self)
        try container.encode(createdAt, forKey: NamedCodingKey("created_at"))
        try container.encode(maillageVersion, forKey: NamedCodingKey("maillage_version"))
        try container.encodeIfPresent(host, forKey: NamedCodingKey("host"))
        try container.encodeIfPresent(command, forKey: NamedCodingKey("command"))
        for (key, value) in details { try container.encode(value, forKey: NamedCodingKey(key)) }
    }
}

/// A value in a provenance file: text, a whole number, a number, or a list of objects.
public enum RunProvenanceValue: Encodable, Sendable {
    case text(String)
    case integer(Int64)
    case unsigned(UInt64)
    case number(Double)
    case objects([[String: String]])

    /// Writes the value as the JSON it stands for (string, number or array of objects).
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .integer(let value): try container.encode(value)
        case .unsigned(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .objects(let objects): try container.encode(objects)
        }
    }
}
