import GRDB
import GRDBSQLite

/// Reads `travel_row` rows without copying their blobs: each is handed over as SQLite holds it.
enum StoredTravelRows {
    /// Calls `body` with each row the statement selects; the statement's columns must be
    /// `destinations, minutes, km, pairs` and optionally `origin` fifth. Pointers are valid
    /// only during the call; `km` is nil when the row has no distances.
    ///
    /// Columns are read through SQLite's C interface: GRDB's row and `Data` wrappers around
    /// each blob cost about a tenth of an `access` command on a stored matrix (perf).
    static func forEachRow(
        _ statement: Statement, arguments: StatementArguments,
        _ body: (
            _ origin: UInt32, _ count: Int, _ destinations: UnsafeRawPointer?, _ minutes: UnsafeRawPointer?,
            _ km: UnsafeRawPointer?
        ) throws -> Void
    ) throws {
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        let handle = statement.sqliteStatement
        let hasOrigin = sqlite3_column_count(handle) > 4
        while try rows.next() != nil {
            let count = Int(sqlite3_column_int64(handle, 3))
            let origin = hasOrigin ? UInt32(truncatingIfNeeded: sqlite3_column_int64(handle, 4)) : 0
            let destinations = try blob(handle, column: 0, count: count, width: 4, origin: origin)
            let minutes = try blob(handle, column: 1, count: count, width: 8, origin: origin)
            let km = try blob(handle, column: 2, count: count, width: 8, origin: origin, optional: true)
            try body(origin, count, destinations, minutes, km)
        }
    }

    /// The bytes of a blob column, checked to hold `count` values of `width` bytes; nil when
    /// it holds none (an `optional` column that is NULL, or an empty row).
    ///
    /// A blob whose length does not match the row's pair count was not written by Maillage.
    private static func blob(
        _ handle: OpaquePointer?, column: Int32, count: Int, width: Int, origin: UInt32, optional: Bool = false
    ) throws -> UnsafeRawPointer? {
        let isNull = sqlite3_column_type(handle, column) == SQLITE_NULL
        if isNull && optional { return nil }
        // SQLite's order: the pointer first, then its length.
        let bytes = sqlite3_column_blob(handle, column)
        let length = isNull ? 0 : Int(sqlite3_column_bytes(handle, column))
        guard !isNull, length == count * width else {
            throw DatabaseError(
                resultCode: .SQLITE_CORRUPT,
                message: "travel_row of origin \(origin): a blob of \(length) bytes for \(count) pairs")
        }
        return bytes
    }
}
