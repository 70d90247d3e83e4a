import GRDB
import GRDBSQLite

/// Binds values to a prepared statement's parameters in order, through SQLite's C interface.
///
/// GRDB's `StatementArguments` box every value; for the rows of a large import that boxing
/// costs as much as SQLite's own work (see ``TravelTimeInserter``), so batched writers bind
/// directly. Each call binds the next parameter (1-based, as SQLite counts them).
package struct ParameterBinder {
    private let statement: Statement
    private let connection: OpaquePointer?
    private(set) var next: Int32 = 1

    /// A binder whose next parameter is `first` (a statement may bind shared ones itself).
    init(_ statement: Statement, connection: OpaquePointer?, first: Int32 = 1) {
        self.statement = statement
        self.connection = connection
        next = first
    }

    /// Tells SQLite to copy the text it is given (`SQLITE_TRANSIENT`).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Binds text, or NULL for nil; SQLite copies the text.
    ///
    /// The bytes are passed with their length: handing a short Swift string to a C string
    /// parameter makes a NUL-terminated copy on the heap first, one allocation per value.
    package mutating func bind(_ text: String?) throws {
        guard var text else { return try bindNull() }
        let (statement, parameter) = (self.statement.sqliteStatement, next)
        let code = text.withUTF8 { bytes in
            // A non-null pointer even for "", so that SQLite stores empty text, not NULL.
            let start = UnsafeRawPointer(bytes.baseAddress ?? Self.empty.utf8Start)
            return sqlite3_bind_text(
                statement, parameter, start.assumingMemoryBound(to: CChar.self), Int32(bytes.count), Self.transient)
        }
        try advance(code)
    }

    private static let empty: StaticString = ""

    /// Binds a real, or NULL for nil.
    package mutating func bind(_ value: Double?) throws {
        guard let value else { return try bindNull() }
        try advance(sqlite3_bind_double(statement.sqliteStatement, next, value))
    }

    /// Binds a 64-bit integer.
    package mutating func bind(_ value: Int) throws {
        try advance(sqlite3_bind_int64(statement.sqliteStatement, next, Int64(value)))
    }

    /// Binds a 64-bit integer, or NULL for nil.
    package mutating func bind(_ value: Int?) throws {
        guard let value else { return try bindNull() }
        try bind(value)
    }

    /// Binds a flag as 1 or 0, as the schema stores booleans.
    package mutating func bind(_ value: Bool) throws {
        try bind(value ? 1 : 0)
    }

    private mutating func bindNull() throws {
        try advance(sqlite3_bind_null(statement.sqliteStatement, next))
    }

    private mutating func advance(_ code: Int32) throws {
        guard code == SQLITE_OK else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code),
                message: connection.map { String(cString: sqlite3_errmsg($0)) }, sql: statement.sql
            )
        }
        next += 1
    }
}
