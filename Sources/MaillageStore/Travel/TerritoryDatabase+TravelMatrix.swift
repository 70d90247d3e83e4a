import GRDB

extension TerritoryDatabase {
    /// The stored matrices, by name.
    public func travelMatrices() throws -> [TravelMatrixDefinition] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM travel_matrix ORDER BY name").map(Self.definition)
        }
    }

    /// Loads a matrix for lookups, or nil when no matrix has that name.
    public func travelMatrix(named name: String) throws -> TravelMatrix? {
        guard let stored = try storedTravelMatrix(named: name, distances: true) else { return nil }
        var pairs: [(origin: TravelEndpoint, destination: TravelEndpoint, time: TravelTime)] = []
        pairs.reserveCapacity(stored.pairCount)
        for (row, origin) in stored.origins.enumerated() {
            for slot in stored.offsets[row]..<stored.offsets[row + 1] {
                pairs.append(
                    (
                        stored.endpoints[Int(origin)], stored.endpoints[Int(stored.destinations[slot])],
                        Self.time(stored.minutes[slot], stored.km?[slot] ?? .nan)
                    ))
            }
        }
        return TravelMatrix(definition: stored.definition, pairs: pairs)
    }

    /// Reads a matrix whole, as stored (see ``StoredTravelMatrix``), or nil when no matrix has
    /// that name; `distances` reads the kilometres too.
    ///
    /// The fast way to every pair: one blob read per origin, no text per pair.
    public func storedTravelMatrix(named name: String, distances: Bool = false) throws -> StoredTravelMatrix? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM travel_matrix WHERE name = ?", arguments: [name])
            else {
                return nil
            }
            let id: Int64 = row["id"]
            let endpoints = try Self.endpoints(of: id, db)
            let columns = try Self.packedRows(of: id, distances: distances, db)
            if let outside = columns.origins.first(where: { Int($0) >= endpoints.count }) {
                throw DatabaseError(
                    resultCode: .SQLITE_CORRUPT,
                    message: "travel_row names origin \(outside) of \(endpoints.count) endpoints")
            }
            if let outside = columns.destinations.first(where: { Int($0) >= endpoints.count }) {
                throw DatabaseError(
                    resultCode: .SQLITE_CORRUPT,
                    message: "travel_row names destination \(outside) of \(endpoints.count) endpoints")
            }
            return StoredTravelMatrix(
                definition: Self.definition(row), endpoints: endpoints, origins: columns.origins,
                offsets: columns.offsets, destinations: columns.destinations, minutes: columns.minutes, km: columns.km)
        }
    }

    /// Every row of a matrix, by origin, copied into whole columns.
    ///
    /// The rows are read in the table's own order (rowid) when that is the origins' order, as
    /// an import writes them: reading them by origin instead seeks each row through the
    /// primary-key index, a seventh of the reading of a 5,000-row matrix (perf). A matrix
    /// whose rows are not in that order (an origin given again, merged into a new row) is read
    /// again by origin.
    private static func packedRows(of matrix: Int64, distances: Bool, _ db: Database) throws -> PackedColumnsReader {
        // Answered from the index of pair counts, without visiting the rows.
        let extent = try Row.fetchOne(
            db, sql: "SELECT coalesce(sum(pairs), 0), min(rowid), max(rowid) FROM travel_row WHERE matrix_id = ?",
            arguments: [matrix])
        let (count, first, last) = (extent?[0] as Int? ?? 0, extent?[1] as Int64? ?? 0, extent?[2] as Int64? ?? -1)
        let columns = "destinations, minutes, \(distances ? "km" : "NULL"), pairs, origin"
        // `+matrix_id` keeps SQLite on the table's rowid range rather than on an index.
        let inTableOrder = try PackedColumnsReader(
            db.makeStatement(sql: "SELECT \(columns) FROM travel_row WHERE rowid BETWEEN ? AND ? AND +matrix_id = ?"),
            arguments: [first, last, matrix], count: count, distances: distances)
        if zip(inTableOrder.origins, inTableOrder.origins.dropFirst()).allSatisfy({ $0 < $1 }) { return inTableOrder }
        return try PackedColumnsReader(
            db.makeStatement(sql: "SELECT \(columns) FROM travel_row WHERE matrix_id = ? ORDER BY origin"),
            arguments: [matrix], count: count, distances: distances)
    }

    /// Calls `body` with every stored pair of a matrix, as the file gave them, without
    /// loading them all (an export of millions of pairs streams).
    ///
    /// Pairs come ordered by origin then destination (type, then id, as bytes).
    public func forEachTravelTime(
        of matrix: String, _ body: (TravelEndpoint, TravelEndpoint, TravelTime) throws -> Void
    ) throws {
        try read { db in
            guard
                let id = try Int64.fetchOne(db, sql: "SELECT id FROM travel_matrix WHERE name = ?", arguments: [matrix])
            else { return }
            let endpoints = try Self.endpoints(of: id, db)
            let rank = Self.ranks(endpoints)
            let stored = try UInt32.fetchAll(
                db, sql: "SELECT origin FROM travel_row WHERE matrix_id = ?", arguments: [id])
            let statement = try db.makeStatement(
                sql: "SELECT destinations, minutes, km, pairs FROM travel_row WHERE matrix_id = ? AND origin = ?")
            var destinations: [UInt32] = []
            var minutes: [Double] = []
            var km: [Double] = []
            for origin in stored.sorted(by: { rank[Int($0)] < rank[Int($1)] }) {
                destinations.removeAll(keepingCapacity: true)
                minutes.removeAll(keepingCapacity: true)
                km.removeAll(keepingCapacity: true)
                try StoredTravelRows.forEachRow(statement, arguments: [id, origin]) {
                    _, pairs, destinationBytes, minuteBytes, kmBytes in
                    PackedColumn.append(destinationBytes, count: pairs, to: &destinations)
                    PackedColumn.append(minuteBytes, count: pairs, to: &minutes)
                    if kmBytes != nil {
                        PackedColumn.append(kmBytes, count: pairs, to: &km)
                    } else {
                        km.append(contentsOf: repeatElement(.nan, count: pairs))
                    }
                }
                guard destinations.allSatisfy({ Int($0) < endpoints.count }) else {
                    throw DatabaseError(
                        resultCode: .SQLITE_CORRUPT,
                        message: "travel_row of origin \(origin) names an unknown destination")
                }
                var order = Array(destinations.indices)
                if !zip(destinations, destinations.dropFirst()).allSatisfy({ rank[Int($0)] < rank[Int($1)] }) {
                    order.sort { rank[Int(destinations[$0])] < rank[Int(destinations[$1])] }
                }
                for slot in order {
                    try body(
                        endpoints[Int(origin)], endpoints[Int(destinations[slot])], Self.time(minutes[slot], km[slot]))
                }
            }
        }
    }

    /// The matrix's endpoints by ordinal.
    ///
    /// Columns are read through SQLite's C interface: a GRDB row per endpoint, and a
    /// `String` per kind, was a tenth of the reading of a 6,000-endpoint matrix (perf).
    private static func endpoints(of matrix: Int64, _ db: Database) throws -> [TravelEndpoint] {
        var endpoints: [TravelEndpoint] = []
        try StoredColumns.forEachRow(
            db, sql: "SELECT ordinal, kind = 'zone', id FROM travel_endpoint WHERE matrix_id = ? ORDER BY ordinal",
            arguments: [matrix]
        ) { row in
            guard try row.int(0) == endpoints.count else {
                throw DatabaseError(
                    resultCode: .SQLITE_CORRUPT,
                    message: "travel_endpoint ordinals of matrix \(matrix) are not 0, 1, 2…")
            }
            endpoints.append(TravelEndpoint(try row.int(1) != 0 ? .zone : .actor, try row.text(2)))
        }
        return endpoints
    }

    /// Each endpoint's place in the order (type, then id, compared as UTF-8 bytes like SQLite's
    /// BINARY collation) that exports have always used.
    private static func ranks(_ endpoints: [TravelEndpoint]) -> [Int] {
        let order = endpoints.indices.sorted { a, b in
            let (x, y) = (endpoints[a], endpoints[b])
            if x.kind != y.kind { return x.kind.rawValue.utf8.lexicographicallyPrecedes(y.kind.rawValue.utf8) }
            return x.id.utf8.lexicographicallyPrecedes(y.id.utf8)
        }
        var rank = [Int](repeating: 0, count: endpoints.count)
        for (place, index) in order.enumerated() { rank[index] = place }
        return rank
    }

    private static func time(_ minutes: Double, _ km: Double) -> TravelTime {
        TravelTime(minutes: minutes, km: km.isNaN ? nil : km)
    }

    private static func definition(_ row: Row) -> TravelMatrixDefinition {
        TravelMatrixDefinition(
            name: row["name"], isDirected: row["directed"], intrazoneMinutes: row["intrazone_minutes"],
            description: row["description"]
        )
    }
}
