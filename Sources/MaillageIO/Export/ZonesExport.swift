import MaillageCore
import MaillageFormats

/// Zones as agreed for the zones importer: `id, name, lat, lon, population, density_class`,
/// then `population.<band>` for the territory's age bands, plus `provenance` when the source
/// is asked for.
struct ZonesExport {
    let zones: [Zone]
    let ageBands: [AgeBand]
    let includeSource: Bool

    /// The territory's bands, when some zone has its population by band.
    var bands: [AgeBand] {
        zones.contains { !$0.population.bands.isEmpty } ? ageBands : []
    }

    var header: [String] {
        ["id", "name", "lat", "lon", "population", "density_class"] + bands.map { "population.\($0.id)" }
            + (includeSource ? ["provenance"] : [])
    }

    func rows(_ write: ([String]) throws -> Void) throws {
        let bands = self.bands
        for zone in zones {
            var row = [
                zone.id, zone.name, NumberText.format(zone.point.latitude), NumberText.format(zone.point.longitude),
                NumberText.format(zone.population.total), zone.densityClass.map { String($0.rawValue) } ?? "",
            ]
            row += bands.map { band in zone.population[band].map(NumberText.format) ?? "" }
            if includeSource { row.append(zone.provenance ?? "") }
            try write(row)
        }
    }

    /// The boundary when known, else the point; the point is also given as `lat`/`lon`.
    var features: [String] {
        zones.map { zone in
            var properties: [(String, JSONValue)] = [
                ("id", .string(zone.id)), ("name", .string(zone.name)),
                ("lat", .number(zone.point.latitude)), ("lon", .number(zone.point.longitude)),
                ("population", .number(zone.population.total)),
                ("density_class", .number(zone.densityClass.map { Double($0.rawValue) })),
            ]
            for band in ageBands {
                guard let count = zone.population[band] else { continue }
                properties.append(("population.\(band.id)", .number(count)))
            }
            if includeSource { properties.append(("provenance", .string(zone.provenance))) }
            let geometry = zone.boundary.map(GeoJSONText.boundary) ?? GeoJSONText.point(zone.point)
            return GeoJSONText.feature(id: zone.id, geometry: geometry, properties: properties)
        }
    }
}
