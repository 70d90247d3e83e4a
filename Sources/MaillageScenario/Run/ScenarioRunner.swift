import MaillageAccess
import MaillageCore

/// Runs a scenario's accessibility indicators on its territory as it stands on `access_day`.
public enum ScenarioRunner {
    /// One indicator's values for one scenario.
    public struct IndicatorResult: Sendable {
        /// The indicator computed.
        public var spec: IndicatorSpec
        /// The zones, in the changed territory's order.
        public var zoneIDs: [String]
        /// The indicator's main value per zone (NaN = undefined).
        public var values: [Double]
        /// The territory-wide value: the covered share for coverage, else the
        /// population-weighted mean over zones where the value is defined.
        public var territoryValue: Double
        /// Territory-wide figures, as `MaillageAccess`'s study gives them.
        public var summary: [String: Double]
    }

    /// Applies the changes effective on the scenario's access day to `base` and computes each indicator.
    ///
    /// - Throws: ``ScenarioError`` for a change the territory cannot take, or an indicator it cannot answer, placed at
    ///   the indicator.
    public static func run(_ scenario: Scenario, on base: Territory) throws -> [IndicatorResult] {
        let territory = try base.applying(scenario.changes, onDay: scenario.accessDay)
        let population = territory.zones.map(\.population.total)
        return try scenario.indicators.map { spec in
            let result: AccessStudy.Result
            do {
                // A what-if may close every site of a kind: that is measured (0 % coverage), not refused.
                result = try AccessStudy.run(try spec.request(), on: territory, whenNoSites: .measureNone)
            } catch let error as AccessError {
                let within = spec.file == scenario.file ? "" : " (in scenario \(scenario.name) of \(scenario.file))"
                throw ScenarioError(
                    file: spec.file, line: spec.line, key: "indicators", reason: error.description + within)
            }
            // Coverage per zone is whether the zone is covered (1/0), matching the territory's covered share.
            let column = spec.method == .coverage ? result.columns.first { $0.name == "covered" } : result.columns.first
            let values = column?.values ?? []
            let territoryValue = result.summary["coverage_share"] ?? weightedMean(values, population)
            return IndicatorResult(
                spec: spec, zoneIDs: result.zoneIDs, values: values, territoryValue: territoryValue,
                summary: result.summary)
        }
    }

    static func weightedMean(_ values: [Double], _ weights: [Double]) -> Double {
        var sum = 0.0
        var total = 0.0
        for (value, weight) in zip(values, weights) where !value.isNaN {
            sum += value * weight
            total += weight
        }
        return total > 0 ? sum / total : .nan
    }
}
