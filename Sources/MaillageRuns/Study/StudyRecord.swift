import Foundation
import MaillageAccess
import MaillageCore
import MaillageIO
import MaillageStore

/// How a study's result is stored: its parameters, a fingerprint of its inputs, its values.
public enum StudyRecord {
    /// The indicator run a study stores in its territory's database.
    public static func run(
        _ result: AccessStudy.Result, parameters: StudyParameters, territory: Territory
    ) -> IndicatorRun {
        let values = result.zoneIDs.enumerated().map { row, id in
            var zone = IndicatorRun.ZoneValues(zoneID: id)
            for column in result.columns {
                zone.numbers[column.name] = column.values[row].isNaN ? .some(nil) : column.values[row]
            }
            if let nearest = result.nearestSiteIDs?[row] { zone.texts["actor_id"] = nearest }
            return zone
        }
        let summary = result.summary.filter { !$0.value.isNaN }
        return IndicatorRun(
            method: result.method, parameters: parameters.json,
            inputsFingerprint: InputsFingerprint.study(territory, siteIDs: result.siteIDs, parameters: parameters.json),
            summary: result.summary.isEmpty ? nil : RunJSON.compact(summary),
            values: values
        )
    }

    /// The coverage sentence printed after a coverage run; empty for other methods.
    public static func summaryText(_ result: AccessStudy.Result) -> String {
        guard let share = result.summary["coverage_share"] else { return "" }
        let threshold = result.summary["threshold_minutes"] ?? 0
        let covered = result.summary["covered_population"] ?? 0
        let total = result.summary["population"] ?? 0
        return String(
            format: "coverage within %.0f min: %.2f %% of %.0f inhabitants (%.0f beyond)",
            threshold, share * 100, total, total - covered)
    }
}
