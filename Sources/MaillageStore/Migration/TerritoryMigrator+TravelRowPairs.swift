import GRDB

extension TerritoryMigrator {
    /// An index of each travel row's pair count, so that a matrix's rows can be sized and placed
    /// before their blobs are read.
    ///
    /// Summing `pairs` from the table itself visits every page of the matrix; read from this
    /// index it is a few pages. Nothing stored changes.
    static func indexTravelRowPairs(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX travel_row_pairs ON travel_row(matrix_id, origin, pairs)")
    }
}
