import Foundation
import MaillageAccess
import MaillageFormats

/// What `maillage access … --json` prints: the method, its counts, the territory-wide figures
/// and each value column's range and undefined zones, as one flat object.
public struct StudySummary: Codable, Sendable, Equatable {
    /// The method's name (`nearest`, `e2sfca`…).
    public var method: String
    /// The results file written.
    public var out: String
    /// Zones and sites the study counted.
    public var zones: Int
    /// Sites the indicator measured access to, after the kind and service selection.
    public var sites: Int
    /// What the study noticed (sites beyond the loaded ones, zones without population).
    public var notes: [String]
    /// The stored run; nil for a study on CSV files.
    public var runID: Int?
    /// Territory-wide figures (`coverage_share`) and column statistics (`minutes_min`, `minutes_max`).
    public var figures: [String: Double]
    /// `<column>_undefined_zones`: zones where a column has no value.
    public var undefinedZones: [String: Int]

    private static let fixedKeys: Set<String> = ["method", "out", "zones", "sites", "notes", "run_id"]

    /// The summary of a computed study.
    public init(_ result: AccessStudy.Result, runID: Int64?, out: String) {
        (method, self.out, notes) = (result.method, out, result.notes)
        (zones, sites) = (result.zoneIDs.count, result.siteIDs.count)
        self.runID = runID.map(Int.init)
        figures = result.summary.filter { !$0.value.isNaN }
        undefinedZones = [:]
        for column in result.columns {
            let defined = column.values.filter { !$0.isNaN }
            undefinedZones["\(column.name)_undefined_zones"] = column.values.count - defined.count
            if let min = defined.min(), let max = defined.max() {
                figures["\(column.name)_min"] = min
                figures["\(column.name)_max"] = max
            }
        }
    }

    /// Writes the method, counts, figures and undefined-zone counts side by side at the top level, as `--json` prints.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: NamedCodingKey.self)
        try container.encode(method, forKey: NamedCodingKey("method"))
        try container.encode(out, forKey: NamedCodingKey("out"))
        try container.encode(zones, forKey: NamedCodingKey("zones"))
        try container.encode(sites, forKey: NamedCodingKey("sites"))
        try container.encode(notes, forKey: NamedCodingKey("notes"))
        try container.encodeIfPresent(runID, forKey: NamedCodingKey("run_id"))
        for (name, value) in figures { try container.encode(value, forKey: NamedCodingKey(name)) }
        for (name, count) in undefinedZones { try container.encode(count, forKey: NamedCodingKey(name)) }
    }

    /// Reads a summary back: the known keys by name, every other number as a figure or an undefined count.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: NamedCodingKey.self)
        method = try container.decode(String.self, forKey: NamedCodingKey("method"))
        out = try container.decode(String.self, forKey: NamedCodingKey("out"))
        zones = try container.decode(Int.self, forKey: NamedCodingKey("zones"))
        sites = try container.decode(Int.self, forKey: NamedCodingKey("sites"))
        notes = try container.decodeIfPresent([String].self, forKey: NamedCodingKey("notes")) ?? []
        runID = try container.decodeIfPresent(Int.self, forKey: NamedCodingKey("run_id"))
        (figures, undefinedZones) = ([:], [:])
        for key in container.allKeys where !Self.fixedKeys.contains(key.stringValue) {
            if key.stringValue.hasSuffix("_undefined_zones") {
                undefinedZones[key.stringValue] = try container.decode(Int.self, forKey: key)
            } else {
                figures[key.stringValue] = try container.decode(Double.self, forKey: key)
            }
        }
    }
}
