import Foundation
import MaillageRuns

/// What `maillage compare … --out DIR` wrote, read back for the report.
///
/// `comparison.json` gives the scenarios, their territory values with intervals and the
/// territory-wide differences; `<alternative>.geojson` gives each zone's differences and
/// significance flags. Only Foundation's JSON reader is needed: the per-zone rows of
/// `comparison.csv` are the same numbers as the GeoJSON's properties.
public struct ComparisonReading: Sendable {
    /// An indicator compared (name, `access` or `simulation`).
    public typealias Indicator = ComparisonSummary.Indicator
    /// A scenario's territory-wide value of an indicator, as drawn: the mean and its 95 % interval.
    public struct Estimate: Sendable, Equatable {
        public var mean: Double?
        public var low: Double?
        public var high: Double?
    }
    /// A scenario and its estimates.
    public typealias Scenario = ComparisonSummary.Scenario
    /// A territory-wide difference, alternative − baseline.
    public typealias Difference = ComparisonSummary.Difference

    /// One indicator's per-zone differences for one alternative.
    public struct ZoneDifferences: Sendable {
        public var indicator: String
        /// Zone id → difference (NaN when undefined).
        public var values: [String: Double]
        public var significant: Set<String>
        /// Zones significant after the Benjamini–Hochberg correction across zones.
        public var fdrSignificant: Set<String>
    }

    public let folder: String
    /// comparison.json, as `maillage compare` wrote it.
    public let summary: ComparisonSummary
    public var baseline: String { summary.baseline }
    public var alternatives: [String] { summary.alternatives }
    public var replications: Int? { summary.replications }
    public var seed: String? { summary.seed }
    public var days: Int? { summary.days }
    public var indicators: [Indicator] { summary.indicators }
    public var scenarios: [Scenario] { summary.scenarios }
    public var differences: [Difference] { summary.differences }
    /// Alternative → its zone differences, in the order of `indicators`.
    public let zones: [String: [ZoneDifferences]]

    /// Reads `folder`/comparison.json and each alternative's GeoJSON.
    ///
    /// - Throws: ``ReportError/unreadableComparison(path:reason:)`` naming the file and what is wrong.
    public init(folder: String) throws {
        self.folder = folder
        let jsonPath = URL(fileURLWithPath: folder).appendingPathComponent("comparison.json").path
        do {
            summary = try RunJSON.read(ComparisonSummary.self, at: jsonPath)
        } catch let error as RunFileError {
            let reason = error.reason == "the file cannot be read"
                ? "the file cannot be read (is this a 'maillage compare --out' folder?)" : error.reason
            throw ReportError.unreadableComparison(path: jsonPath, reason: reason)
        }
        let alternatives = summary.alternatives, indicators = summary.indicators
        var zones: [String: [ZoneDifferences]] = [:]
        for alternative in alternatives {
            let path = URL(fileURLWithPath: folder).appendingPathComponent(Self.fileName(alternative) + ".geojson").path
            guard FileManager.default.fileExists(atPath: path) else { continue }
            zones[alternative] = try Self.zoneDifferences(at: path, order: indicators.map(\.name))
        }
        self.zones = zones
    }

    /// The estimate of a scenario, in the JSON's scenario order.
    public func estimate(_ scenario: String, _ indicator: String) -> Estimate? {
        summary.estimate(scenario, indicator).map { Estimate(mean: $0.mean, low: $0.low, high: $0.high) }
    }

    /// The file name `maillage compare` gives a scenario (`more[x=1]` → `more_x=1_`).
    static func fileName(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber || "-_=.".contains($0) ? $0 : "_" })
    }

    private static func zoneDifferences(at path: String, order: [String]) throws -> [ZoneDifferences] {
        let object = try Self.object(at: path)
        guard let features = object["features"] as? [[String: Any]] else {
            throw ReportError.unreadableComparison(path: path, reason: "it is not a GeoJSON FeatureCollection")
        }
        var byIndicator: [String: ZoneDifferences] = [:]
        for feature in features {
            let properties = feature["properties"] as? [String: Any] ?? [:]
            guard let zone = (properties["zone_id"] as? String) ?? (feature["id"] as? String) ?? (properties["id"] as? String) else { continue }
            for (key, value) in properties where key.hasSuffix("_difference") {
                let indicator = String(key.dropLast("_difference".count))
                var entry = byIndicator[indicator] ?? ZoneDifferences(indicator: indicator, values: [:], significant: [], fdrSignificant: [])
                entry.values[zone] = number(value) ?? .nan
                if flag(properties[indicator + "_significant"]) == true { entry.significant.insert(zone) }
                if flag(properties[indicator + "_fdr_significant"]) == true { entry.fdrSignificant.insert(zone) }
                byIndicator[indicator] = entry
            }
        }
        return byIndicator.values.sorted { (order.firstIndex(of: $0.indicator) ?? .max, $0.indicator) < (order.firstIndex(of: $1.indicator) ?? .max, $1.indicator) }
    }

    private static func object(at path: String) throws -> [String: Any] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReportError.unreadableComparison(path: path, reason: "the file cannot be read (is this a 'maillage compare --out' folder?)")
        }
        do {
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw ReportError.unreadableComparison(path: path, reason: "its JSON is not an object")
            }
            return object
        } catch let error as ReportError {
            throw error
        } catch {
            throw ReportError.unreadableComparison(path: path, reason: "it is not valid JSON")
        }
    }

    /// A JSON number; nil for null, absent or anything else.
    static func number(_ value: Any?) -> Double? {
        let double: Double? = if let number = value as? NSNumber { number.doubleValue } else { value as? Double }
        return double.flatMap { $0.isFinite ? $0 : nil }
    }

    /// `true`/`false` or 1/0; nil for null or absent.
    static func flag(_ value: Any?) -> Bool? {
        if let bool = value as? Bool { return bool }
        return (value as? NSNumber).map { $0.doubleValue != 0 }
    }
}
