import Foundation
import MaillageAccess
import MaillageCore
import MaillageFormats
import MaillageIO
import MaillageStore

/// How a study's result is stored and reported: parameters, a fingerprint of its inputs, JSON.
enum StudyRecord {
    static func run(_ result: AccessStudy.Result, parameters: [String: String], territory: Territory, table: ZoneTable) -> IndicatorRun {
        let values = result.zoneIDs.enumerated().map { row, id in
            var zone = IndicatorRun.ZoneValues(zoneID: id)
            for column in result.columns { zone.numbers[column.name] = column.values[row].isNaN ? .some(nil) : column.values[row] }
            if let nearest = result.nearestSiteIDs?[row] { zone.texts["actor_id"] = nearest }
            return zone
        }
        return IndicatorRun(
            method: result.method, parameters: canonicalJSON(parameters),
            inputsFingerprint: fingerprint(territory, siteIDs: result.siteIDs, parameters: parameters),
            summary: result.summary.isEmpty ? nil : canonicalJSON(result.summary.filter { !$0.value.isNaN }),
            values: values
        )
    }

    /// FNV-1a over the zones (id, point, population), the sites used and the parameters:
    /// two runs with the same fingerprint were computed from the same inputs.
    static func fingerprint(_ territory: Territory, siteIDs: [String], parameters: [String: String]) -> String {
        var fingerprint = Fingerprint()
        func mix(_ text: String) { fingerprint.mix(text) }
        for zone in territory.zones {
            mix(zone.id); mix("\(zone.point.longitude),\(zone.point.latitude),\(zone.population.total)")
        }
        let sites = Set(siteIDs)
        for actor in territory.actors where sites.contains(actor.id) {
            mix(actor.id); mix("\(actor.point.longitude),\(actor.point.latitude)")
            for capacity in actor.capacities { mix("\(capacity.measure)=\(capacity.value)") }
        }
        mix(canonicalJSON(parameters))
        return fingerprint.hex
    }

    static func canonicalJSON<Value: Encodable>(_ object: [String: Value]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(object)) ?? Data("{}".utf8), as: UTF8.self)
    }

    static func summaryText(_ result: AccessStudy.Result) -> String {
        guard let share = result.summary["coverage_share"] else { return "" }
        let threshold = result.summary["threshold_minutes"] ?? 0
        let covered = result.summary["covered_population"] ?? 0, total = result.summary["population"] ?? 0
        return String(format: "coverage within %.0f min: %.2f %% of %.0f inhabitants (%.0f beyond)", threshold, share * 100, total, total - covered)
    }

    static func json(_ result: AccessStudy.Result, runID: Int64?, out: String) -> String {
        var object: [String: Any] = ["method": result.method, "out": out, "zones": result.zoneIDs.count,
                                     "sites": result.siteIDs.count, "notes": result.notes]
        if let runID { object["run_id"] = runID }
        for (name, value) in result.summary where !value.isNaN { object[name] = value }
        for column in result.columns {
            let defined = column.values.filter { !$0.isNaN }
            object["\(column.name)_undefined_zones"] = column.values.count - defined.count
            if let min = defined.min(), let max = defined.max() {
                object["\(column.name)_min"] = min
                object["\(column.name)_max"] = max
            }
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
