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
            } catch let error as ValidationError where error.remedy == .repairStoredIDs {
                throw StoreError.idInTwoForms(path: path, detail: error.description)
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
        let bandsByZone = try loadZoneBands(db)
        var zones: [Zone] = []
        zones.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM zone") ?? 0)
        try StoredColumns.forEachRow(
            db, sql: "SELECT id, name, lon, lat, boundary, population, density_class, provenance FROM zone ORDER BY id"
        ) { row in
            let id = try row.text(0)
            let stored = bandsByZone[id]
            do {
                zones.append(
                    try Zone(
                        id: id, name: row.text(1),
                        point: GeoPoint(longitude: row.double(2), latitude: row.double(3)),
                        boundary: row.optionalText(4).map(Boundary.init(geoJSON:)),
                        population: Population(
                            total: row.double(5), bands: stored?.bands ?? [], counts: stored?.counts ?? []),
                        densityClass: row.optionalInt(6).flatMap(DensityClass.init(rawValue:)),
                        provenance: row.optionalText(7)
                    ))
            } catch let error as ValidationError {
                throw error.nested(under: "zone \(id)")
            }
        }
        return zones
    }

    /// Each zone's bands, youngest first, and their counts; zones with the same bands share one
    /// array of them (a grid's cells would otherwise hold 200,000 copies).
    private func loadZoneBands(_ db: Database) throws -> [String: (bands: [AgeBand], counts: [Double])] {
        var bandsByZone = [String: (bands: [AgeBand], counts: [Double])]()
        // Read through SQLite's C interface and each band's id parsed once: a 200,000-zone grid
        // has 1.2 million of these rows, and GRDB's rows with a parse each were most of its
        // loading (perf). In key order, a zone's rows come together.
        var parsed = [String: AgeBand]()
        var shared: [AgeBand] = []
        var zoneID = ""
        var rows: [(band: AgeBand, count: Double)] = []
        func finishZone() {
            guard !rows.isEmpty else { return }
            rows.sort { $0.band < $1.band }
            let bands = rows.map(\.band)
            if bands != shared { shared = bands }
            bandsByZone[zoneID] = (shared, rows.map(\.count))
            rows.removeAll(keepingCapacity: true)
        }
        try StoredColumns.forEachRow(
            db, sql: "SELECT zone_id, age_band_id, population FROM zone_population ORDER BY zone_id, age_band_id"
        ) { row in
            let id = try row.text(0)
            if id != zoneID {
                finishZone()
                zoneID = id
            }
            let bandID = try row.text(1)
            let band = try parsed[bandID] ?? AgeBand(id: bandID)
            parsed[bandID] = band
            rows.append((band, try row.double(2)))
        }
        finishZone()
        return bandsByZone
    }

    private func loadActors(_ db: Database) throws -> [Actor] {
        var capacities = [String: [Capacity]]()
        let capacityRows = try Row.fetchCursor(
            db, sql: "SELECT actor_id, measure, value, estimated FROM actor_capacity")
        while let row = try capacityRows.next() {
            let measure = try CapacityMeasure.parse(row[1])
            capacities[row[0], default: []].append(try Capacity(measure, row[2], isEstimated: row[3]))
        }
        var services = [String: [String]]()
        let serviceRows = try Row.fetchCursor(db, sql: "SELECT actor_id, service FROM actor_service")
        while let row = try serviceRows.next() {
            services[row[0], default: []].append(row[1])
        }
        var actors: [Actor] = []
        try StoredColumns.forEachRow(
            db,
            sql: """
                SELECT id, kind, name, lon, lat, zone_id, source_ref, source_x, source_y, source_crs,
                    practice_start_year
                FROM actor ORDER BY id
                """
        ) { row in
            let id = try row.text(0)
            do {
                let source: SourcePosition? = try row.optionalText(9).map {
                    try SourcePosition(x: row.double(7), y: row.double(8), crs: $0)
                }
                actors.append(
                    try Actor(
                        id: id, kind: ActorKind.parse(row.text(1)), name: row.text(2),
                        point: GeoPoint(longitude: row.double(3), latitude: row.double(4)),
                        zoneID: row.optionalText(5), capacities: capacities[id] ?? [], services: services[id] ?? [],
                        sourceReference: row.optionalText(6), sourcePosition: source,
                        practiceStartYear: row.optionalInt(10)
                    ))
            } catch let error as ValidationError {
                throw error.nested(under: "actor \(id)")
            }
        }
        return actors
    }

    private func loadLinks(_ db: Database) throws -> [Link] {
        // Through SQLite's C interface, each kind parsed once: a grid's `covers` links are
        // several per zone, and GRDB's rows looked up by name lowercased every name (perf).
        var links: [Link] = []
        // Made at its size: a grid's links grown by doubling left up to half their array unused.
        links.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM link") ?? 0)
        var kinds = [String: LinkKind]()
        try StoredColumns.forEachRow(
            db,
            sql: """
                SELECT from_actor_id, kind, coalesce(to_actor_id, to_zone_id) AS target, strength
                FROM link ORDER BY from_actor_id, kind, target
                """
        ) { row in
            let kindText = try row.text(1)
            let kind = try kinds[kindText] ?? LinkKind.parse(kindText)
            kinds[kindText] = kind
            links.append(try Link(from: row.text(0), kind: kind, to: row.text(2), strength: row.double(3)))
        }
        return links
    }
}
