import MaillageCore
import MaillageFormats

/// Actors as the actors importer reads them back: `id, kind, name, lat, lon, zone_id,
/// services, capacity.<measure>[, capacity.<measure>.estimated]`, plus `source_ref, source_x,
/// source_y, source_crs` when the source is asked for, and `practice_start_year` when some actor has one.
struct ActorsExport {
    let actors: [Actor]
    let includeSource: Bool

    /// Capacity measures some actor has, in the measures' declared order, each with whether
    /// some actor's value in it is estimated (which adds a `.estimated` column).
    var measures: [(measure: CapacityMeasure, hasEstimates: Bool)] {
        CapacityMeasure.allCases.compactMap { measure in
            let values = actors.compactMap { $0.capacity(measure) }
            return values.isEmpty ? nil : (measure, values.contains(where: \.isEstimated))
        }
    }

    static let sourceColumns = ["source_ref", "source_x", "source_y", "source_crs"]

    var header: [String] {
        ["id", "kind", "name", "lat", "lon", "zone_id", "services"]
            + measures.flatMap {
                ["capacity.\($0.measure)"] + ($0.hasEstimates ? ["capacity.\($0.measure).estimated"] : [])
            }
            + (includeSource ? Self.sourceColumns : [])
            + (hasPracticeStartYears ? ["practice_start_year"] : [])
    }

    /// Whether some actor has a practice start year (files without any keep the columns they always had).
    var hasPracticeStartYears: Bool { actors.contains { $0.practiceStartYear != nil } }

    func rows(_ write: ([String]) throws -> Void) throws {
        let measures = self.measures
        let practiceYears = hasPracticeStartYears
        for actor in actors {
            var row = [
                actor.id, actor.kind.rawValue, actor.name,
                NumberText.format(actor.point.latitude), NumberText.format(actor.point.longitude),
                actor.zoneID ?? "", actor.services.joined(separator: ";"),
            ]
            for (measure, hasEstimates) in measures {
                let capacity = actor.capacity(measure)
                row.append(capacity.map { NumberText.format($0.value) } ?? "")
                if hasEstimates { row.append(capacity.map { $0.isEstimated ? "1" : "0" } ?? "") }
            }
            if includeSource {
                row += [
                    actor.sourceReference ?? "", actor.sourcePosition.map { NumberText.format($0.x) } ?? "",
                    actor.sourcePosition.map { NumberText.format($0.y) } ?? "", actor.sourcePosition?.crs ?? "",
                ]
            }
            if practiceYears { row.append(actor.practiceStartYear.map { String($0) } ?? "") }
            try write(row)
        }
    }

    /// Points with the same names as the CSV columns; `services` is the same `;`-joined text.
    var features: [String] {
        actors.map { actor in
            var properties: [(String, JSONValue)] = [
                ("id", .string(actor.id)), ("kind", .string(actor.kind.rawValue)), ("name", .string(actor.name)),
                ("zone_id", .string(actor.zoneID)), ("services", .string(actor.services.joined(separator: ";"))),
            ]
            for capacity in actor.capacities {
                properties.append(("capacity.\(capacity.measure)", .number(capacity.value)))
                if capacity.isEstimated { properties.append(("capacity.\(capacity.measure).estimated", .bool(true))) }
            }
            if includeSource {
                properties += [
                    ("source_ref", .string(actor.sourceReference)), ("source_x", .number(actor.sourcePosition?.x)),
                    ("source_y", .number(actor.sourcePosition?.y)), ("source_crs", .string(actor.sourcePosition?.crs)),
                ]
            }
            if let year = actor.practiceStartYear { properties.append(("practice_start_year", .number(Double(year)))) }
            return GeoJSONText.feature(id: actor.id, geometry: GeoJSONText.point(actor.point), properties: properties)
        }
    }
}
