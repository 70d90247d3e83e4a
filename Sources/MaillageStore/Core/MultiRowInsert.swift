import GRDB
import GRDBSQLite

/// An `INSERT` that writes many rows per statement: `head (?,…),(?,…)… tail`.
///
/// One statement of ``maxRows`` rows costs SQLite little more than one of a single row, and
/// keeps its cursor near the last row between them, so a large import writes a few hundred
/// rows per step instead of one. Statements are GRDB's cached ones (one per row count used),
/// valid inside the transaction that made this value; values are bound through
/// ``ParameterBinder``.
///
/// ```swift
/// let insert = MultiRowInsert(db, head: "INSERT INTO actor_service(actor_id, service) VALUES ",
///                             width: 2, tail: " ON CONFLICT DO NOTHING")
/// try insert.run(pairs) { pair, binder in try binder.bind(pair.id); try binder.bind(pair.service) }
/// ```
package struct MultiRowInsert {
    /// Rows per statement at most (SQLite allows 32,766 parameters since 3.32).
    package static let defaultMaxRows = 256

    private let database: Database
    private let head: String
    private let width: Int
    private let tail: String
    private let maxRows: Int

    /// - Parameters:
    ///   - head: the statement up to `VALUES ` included.
    ///   - width: the number of parameters of one row.
    ///   - tail: what follows the rows (an `ON CONFLICT` clause), or empty.
    package init(_ database: Database, head: String, width: Int, tail: String = "", maxRows: Int = Self.defaultMaxRows)
    {
        self.database = database
        self.head = head
        self.width = max(width, 1)
        self.tail = tail
        self.maxRows = max(maxRows, 1)
    }

    /// Writes every row, ``maxRows`` at a time; `bind` binds one row's `width` values in order.
    package func run<Rows: Collection>(_ rows: Rows, bind: (Rows.Element, inout ParameterBinder) throws -> Void) throws
    {
        var start = rows.startIndex
        // Every statement but the last is full: its SQL text is built once.
        var fullSQL: String?
        while start != rows.endIndex {
            let end = rows.index(start, offsetBy: maxRows, limitedBy: rows.endIndex) ?? rows.endIndex
            let chunk = rows[start..<end]
            let text = chunk.count == maxRows ? fullSQL ?? sql(rows: maxRows) : sql(rows: chunk.count)
            if chunk.count == maxRows { fullSQL = text }
            let statement = try database.cachedStatement(sql: text)
            sqlite3_reset(statement.sqliteStatement)
            var binder = ParameterBinder(statement, connection: database.sqliteConnection)
            for row in chunk { try bind(row, &binder) }
            let code = sqlite3_step(statement.sqliteStatement)
            sqlite3_reset(statement.sqliteStatement)
            guard code == SQLITE_DONE else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: sqlite3_extended_errcode(database.sqliteConnection)),
                    message: database.lastErrorMessage, sql: statement.sql
                )
            }
            start = end
        }
    }

    private func sql(rows: Int) -> String {
        let tuple = "(" + Array(repeating: "?", count: width).joined(separator: ",") + ")"
        return head + Array(repeating: tuple, count: rows).joined(separator: ",") + tail
    }
}
