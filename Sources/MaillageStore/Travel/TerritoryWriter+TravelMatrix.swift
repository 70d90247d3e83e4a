import GRDB

extension TerritoryWriter {
    /// Empties the matrix of that name, or creates it, and returns an inserter for its pairs.
    ///
    /// The old pairs go in the same transaction as the new ones arrive, so a failed import
    /// leaves the previous matrix untouched.
    ///
    /// - Returns: the inserter, and how many pairs the replaced matrix had (0 for a new one).
    package func replaceTravelMatrix(_ definition: TravelMatrixDefinition) throws -> (
        inserter: TravelTimeInserter, replacedPairs: Int
    ) {
        var replaced = 0
        if let id = try Int64.fetchOne(
            db, sql: "SELECT id FROM travel_matrix WHERE name = ?", arguments: [definition.name])
        {
            replaced =
                try Int.fetchOne(
                    db, sql: "SELECT coalesce(sum(pairs), 0) FROM travel_row WHERE matrix_id = ?", arguments: [id]) ?? 0
            try db.execute(sql: "DELETE FROM travel_row WHERE matrix_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM travel_endpoint WHERE matrix_id = ?", arguments: [id])
        }
        let id = try Int64.fetchOne(
            db,
            sql: """
                INSERT INTO travel_matrix(name, directed, intrazone_minutes, description) VALUES (?, ?, ?, ?)
                ON CONFLICT(name) DO UPDATE SET directed = excluded.directed,
                    intrazone_minutes = excluded.intrazone_minutes, description = excluded.description
                RETURNING id
                """,
            arguments: [definition.name, definition.isDirected, definition.intrazoneMinutes, definition.description])
        guard let id else {
            throw DatabaseError(resultCode: .SQLITE_INTERNAL, message: "no id for travel matrix \(definition.name)")
        }
        return (try TravelTimeInserter(database: db, matrixID: id), replaced)
    }

    /// Every stored zone's id, for resolving the ids of a matrix.
    public func zoneIDs() throws -> Set<String> {
        try String.fetchSet(db, sql: "SELECT id FROM zone")
    }

    /// Every stored actor's id, for resolving the ids of a matrix.
    public func actorIDs() throws -> Set<String> {
        try String.fetchSet(db, sql: "SELECT id FROM actor")
    }
}
