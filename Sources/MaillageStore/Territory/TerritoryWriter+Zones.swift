import GRDB
import MaillageCore

/// A stored zone's id, name, point and total population, without its boundary or bands.
public struct ZoneEntry: Sendable, Hashable {
    /// The zone's code (the INSEE commune code for French communes).
    public let id: String
    /// The zone's name, for tables and maps.
    public let name: String
    /// The zone's representative point (WGS84), where its straight-line travel times start.
    public let point: GeoPoint
    /// Inhabitants, all age bands together.
    public let population: Double
}

extension TerritoryWriter {
    /// The stored zone with that id, boundary and age bands included, or nil.
    ///
    /// - Throws: `ValidationError` when the stored row breaks a rule of the domain.
    public func zone(_ id: String) throws -> Zone? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM zone WHERE id = ?"), arguments: [id])
        else {
            return nil
        }
        var bands = [AgeBand: Double]()
        let bandRows = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT age_band_id, population FROM zone_population WHERE zone_id = ?"),
            arguments: [id]
        )
        for band in bandRows { bands[try AgeBand(id: band["age_band_id"])] = band["population"] }
        return try Zone(
            id: id, name: row["name"],
            point: GeoPoint(longitude: row["lon"], latitude: row["lat"]),
            boundary: (row["boundary"] as String?).map(Boundary.init(geoJSON:)),
            population: Population(total: row["population"], byBand: bands),
            densityClass: (row["density_class"] as Int?).flatMap(DensityClass.init(rawValue:)),
            provenance: row["provenance"]
        )
    }

    /// Every stored zone's id, name, point and population, by id (no boundaries: cheap).
    public func zoneEntries() throws -> [String: ZoneEntry] {
        var entries = [String: ZoneEntry]()
        for row in try Row.fetchAll(db, sql: "SELECT id, name, lon, lat, population FROM zone") {
            let entry = ZoneEntry(
                id: row["id"], name: row["name"],
                point: try GeoPoint(longitude: row["lon"], latitude: row["lat"]), population: row["population"]
            )
            entries[entry.id] = entry
        }
        return entries
    }

    /// The age bands the database counts populations in, youngest first (empty when none yet).
    public func ageBands() throws -> [AgeBand] {
        try Row.fetchAll(db, sql: "SELECT lower_age, upper_age FROM age_band ORDER BY lower_age").map {
            try AgeBand(lowerAge: $0["lower_age"], upperAge: $0["upper_age"])
        }
    }

    /// Removes an actor (its capacities, services and links go with it); false when there was none.
    @discardableResult
    public func deleteActor(_ id: String) throws -> Bool {
        try db.cachedStatement(sql: "DELETE FROM actor WHERE id = ?").execute(arguments: [id])
        return db.changesCount > 0
    }
}
