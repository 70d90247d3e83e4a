import GRDB
import MaillageCore

extension TerritoryDatabase {
    /// Reads the whole territory back, every list ordered by id.
    ///
    /// - Throws: ``StoreError/invalidContent(path:detail:)`` when a stored row breaks a
    ///   rule of the domain (a file edited by hand, say), naming the row.
    public func loadTerritory() throws -> Territory {
        try read { db in
            do {
                let bands = try loadAgeBands(db)
                return try Territory(
                    name: Metadata.read(.name, db) ?? "",
                    sourceCRS: Metadata.read(.sourceCRS, db),
                    ageBands: bands.isEmpty ? AgeBand.insee : bands,
                    zones: loadZones(db),
                    actors: loadActors(db),
                    links: loadLinks(db)
                )
            } catch let error as ValidationError {
                throw StoreError.invalidContent(path: path, detail: error.description)
            }
        }
    }

    private func loadAgeBands(_ db: Database) throws -> [AgeBand] {
        try Row.fetchAll(db, sql: "SELECT lower_age, upper_age FROM age_band ORDER BY lower_age").map {
            try AgeBand(lowerAge: $0["lower_age"], upperAge: $0["upper_age"])
        }
    }

    private func loadZones(_ db: Database) throws -> [Zone] {
        var bandsByZone = [String: [AgeBand: Double]]()
        for row in try Row.fetchAll(db, sql: "SELECT zone_id, age_band_id, population FROM zone_population") {
            bandsByZone[row["zone_id"], default: [:]][try AgeBand(id: row["age_band_id"])] = row["population"]
        }
        return try Row.fetchAll(db, sql: "SELECT * FROM zone ORDER BY id").map { row in
            let id: String = row["id"]
            do {
                return try Zone(
                    id: id, name: row["name"],
                    point: GeoPoint(longitude: row["lon"], latitude: row["lat"]),
                    boundary: (row["boundary"] as String?).map(Boundary.init(geoJSON:)),
                    population: Population(total: row["population"], byBand: bandsByZone[id] ?? [:]),
                    densityClass: (row["density_class"] as Int?).flatMap(DensityClass.init(rawValue:)),
                    provenance: row["provenance"]
                )
            } catch let error as ValidationError {
                throw error.nested(under: "zone \(id)")
            }
        }
    }

    private func loadActors(_ db: Database) throws -> [Actor] {
        var capacities = [String: [Capacity]]()
        for row in try Row.fetchAll(db, sql: "SELECT * FROM actor_capacity") {
            let measure = try CapacityMeasure.parse(row["measure"])
            capacities[row["actor_id"], default: []].append(
                try Capacity(measure, row["value"], isEstimated: row["estimated"])
            )
        }
        var services = [String: [String]]()
        for row in try Row.fetchAll(db, sql: "SELECT actor_id, service FROM actor_service") {
            services[row["actor_id"], default: []].append(row["service"])
        }
        return try Row.fetchAll(db, sql: "SELECT * FROM actor ORDER BY id").map { row in
            let id: String = row["id"]
            do {
                let source: SourcePosition? = try (row["source_crs"] as String?).map {
                    try SourcePosition(x: row["source_x"], y: row["source_y"], crs: $0)
                }
                return try Actor(
                    id: id, kind: ActorKind.parse(row["kind"]), name: row["name"],
                    point: GeoPoint(longitude: row["lon"], latitude: row["lat"]),
                    zoneID: row["zone_id"], capacities: capacities[id] ?? [], services: services[id] ?? [],
                    sourceReference: row["source_ref"], sourcePosition: source
                )
            } catch let error as ValidationError {
                throw error.nested(under: "actor \(id)")
            }
        }
    }

    private func loadLinks(_ db: Database) throws -> [Link] {
        try Row.fetchAll(db, sql: """
            SELECT from_actor_id, kind, coalesce(to_actor_id, to_zone_id) AS target, strength
            FROM link ORDER BY from_actor_id, kind, target
            """).map {
            try Link(from: $0["from_actor_id"], kind: LinkKind.parse($0["kind"]), to: $0["target"], strength: $0["strength"])
        }
    }
}
