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
        /// The mean over replications, nil when undefined.
        public var mean: Double?
        /// The lower bound of the 95 % interval, nil when undefined.
        public var low: Double?
        /// The upper bound of the 95 % interval, nil when undefined.
        public var high: Double?
    }
    /// A scenario and its estimates.
    public typealias Scenario = ComparisonSummary.Scenario
    /// A territory-wide difference, alternative − baseline.
    public typealias Difference = ComparisonSummary.Difference

    /// One indicator's per-zone differences for one alternative.
    public struct ZoneDifferences: Sendable {
        /// The indicator whose differences these are, by name.
        public var indicator: String
        /// Zone id → difference (NaN when undefined).
        public var values: [String: Double]
        /// Zones whose own 95 % interval excludes 0, before any correction for multiple zones.
        public var significant: Set<String>
        /// Zones significant after the Benjamini–Hochberg correction across zones.
        public var fdrSignificant: Set<String>
    }

    /// The comparison's output folder, to name in errors and to find the GeoJSON files.
    public let folder: String
    /// comparison.json, as `maillage compare` wrote it.
    public let summary: ComparisonSummary
    /// The baseline scenario's name.
    public var baseline: String { summary.baseline }
    /// The alternatives, in the order they were compared.
    public var alternatives: [String] { summary.alternatives }
    /// Replications per scenario, when the file says.
    public var replications: Int? { summary.replications }
    /// The seed, as text, so that the report states how to reproduce the comparison.
    public var seed: String? { summary.seed }
    /// Days simulated, when the comparison ran a simulation.
    public var days: Int? { summary.days }
    /// The indicators compared, in the order of the file.
    public var indicators: [Indicator] { summary.indicators }
    /// The baseline, then each alternative, with their territory-wide estimates.
    public var scenarios: [Scenario] { summary.scenarios }
    /// Territory-wide differences, alternative by alternative.
    public var differences: [Difference] { summary.differences }
    /// Alternative → its zone differences, in the order of `indicators`.
    public let zones: [String: [ZoneDifferences]]

    /// Reads `folder`/comparison.json and each alternative's GeoJSON.
    ///
    /// - Throws: ``ReportError/unreadableComparison(path:reason:)`` naming the file and what is wrong.
    public init(folder: String) throws {
        self.folder = folder
        let jsonPath = URL(fileURLWithPath: folder).appendingPathComponent("comparison.json").path
        guard FileManager.default.fileExists(atPath: jsonPath) else {
            throw ReportError.missingFile(path: jsonPath, what: "the comparison")
        }
        do {
            summary = try RunJSON.read(ComparisonSummary.self, at: jsonPath)
        } catch let error as RunFileError {
            let reason =
                error.reason == "the file cannot be read"
                ? "the file cannot be read (is this a comparison's results folder?)" : error.reason
            throw ReportError.unreadableComparison(path: jsonPath, reason: reason)
        }
        let alternatives = summary.alternatives
        let indicators = summary.indicators
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

    /// The file name `maillage compare` gives a scenario (`more[x=1]` → `more_x=1_`): the writer's own rule.
    static func fileName(_ name: String) -> String {
        ScenarioFiles.fileName(ofScenario: name)
    }

    private static func zoneDifferences(at path: String, order: [String]) throws -> [ZoneDifferences] {
        let file: FeatureFile<ZoneDifferenceProperties, AnyJSON>
        switch FeatureFile<ZoneDifferenceProperties, AnyJSON>.read(path) {
        case .success(let read): file = read
        case .failure(let error):
            let reason =
                error.reason == "the file does not exist or cannot be read"
                ? "the file cannot be read (is this a comparison's results folder?)" : error.reason
            throw ReportError.unreadableComparison(path: path, reason: reason)
        }
        var byIndicator: [String: ZoneDifferences] = [:]
        for feature in file.features {
            guard let properties = feature.properties, let zone = properties.zoneID ?? feature.id ?? properties.id
            else { continue }
            for (indicator, value) in properties.differences {
                var entry =
                    byIndicator[indicator]
                    ?? ZoneDifferences(indicator: indicator, values: [:], significant: [], fdrSignificant: [])
                entry.values[zone] = value ?? .nan
                if properties.significant.contains(indicator) { entry.significant.insert(zone) }
                if properties.fdrSignificant.contains(indicator) { entry.fdrSignificant.insert(zone) }
                byIndicator[indicator] = entry
            }
        }
        return byIndicator.values.sorted {
            (order.firstIndex(of: $0.indicator) ?? .max, $0.indicator) < (
                order.firstIndex(of: $1.indicator) ?? .max, $1.indicator
            )
        }
    }
}
