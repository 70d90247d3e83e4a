import GRDB

extension TerritoryWriter {
    /// Empties the matrix of that name, or creates it, and returns an inserter for its pairs.
    ///
    /// The old pairs go in the same transaction as the new ones arrive, so a failed import
    /// leaves the previous matrix untouched.
    ///
    /// - Returns: the inserter, and how many pairs the replaced matrix had (0 for a new one).
    public func replaceTravelMatrix(_ definition: TravelMatrixDefinition) throws -> (inserter: TravelTimeInserter, replacedPairs: Int) {
        try db.execute(sql: "DELETE FROM travel_time WHERE matrix = ?", arguments: [definition.name])
        let replaced = db.changesCount
        try db.execute(sql: """
            INSERT INTO travel_matrix(name, directed, intrazone_minutes, description) VALUES (?, ?, ?, ?)
            ON CONFLICT(name) DO UPDATE SET directed = excluded.directed,
                intrazone_minutes = excluded.intrazone_minutes, description = excluded.description
            """, arguments: [definition.name, definition.isDirected, definition.intrazoneMinutes, definition.description])
        return (try TravelTimeInserter(database: db, matrix: definition.name), replaced)
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
