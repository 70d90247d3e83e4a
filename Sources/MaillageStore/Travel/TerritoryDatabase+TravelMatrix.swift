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
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM travel_matrix WHERE name = ?", arguments: [name]) else {
                return nil
            }
            var pairs: [(origin: TravelEndpoint, destination: TravelEndpoint, time: TravelTime)] = []
            try Self.forEachPair(of: name, db) { pairs.append(($0, $1, $2)) }
            return TravelMatrix(definition: Self.definition(row), pairs: pairs)
        }
    }

    /// Calls `body` with every stored pair of a matrix, as the file gave them, without
    /// loading them all (an export of millions of pairs streams).
    ///
    /// Pairs come ordered by origin then destination (type, then id).
    public func forEachTravelTime(
        of matrix: String, _ body: (TravelEndpoint, TravelEndpoint, TravelTime) throws -> Void
    ) throws {
        try read { db in try Self.forEachPair(of: matrix, db, body) }
    }

    private static func forEachPair(
        of matrix: String, _ db: Database, _ body: (TravelEndpoint, TravelEndpoint, TravelTime) throws -> Void
    ) throws {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT origin_type, origin_id, destination_type, destination_id, minutes, km
            FROM travel_time WHERE matrix = ? ORDER BY origin_type, origin_id, destination_type, destination_id
            """, arguments: [matrix])
        while let row = try rows.next() {
            try body(
                endpoint(row[0], row[1]), endpoint(row[2], row[3]),
                TravelTime(minutes: row[4], km: row[5])
            )
        }
    }

    /// Types other than zone and actor cannot be stored (a CHECK constraint); read them as actors.
    private static func endpoint(_ type: String, _ id: String) -> TravelEndpoint {
        TravelEndpoint(TravelEndpoint.Kind(rawValue: type) ?? .actor, id)
    }

    private static func definition(_ row: Row) -> TravelMatrixDefinition {
        TravelMatrixDefinition(
            name: row["name"], isDirected: row["directed"], intrazoneMinutes: row["intrazone_minutes"],
            description: row["description"]
        )
    }
}
