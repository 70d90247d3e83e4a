import GRDB
import GRDBSQLite
import MaillageCore

/// Reads the columns of the current row of a statement through SQLite's C interface, by position.
///
/// Loading a territory read every zone and actor through GRDB's `Row`, which boxes each value:
/// its accessors were 3.1 % of the main thread's samples of `access --db` on 5,000 zones, against
/// 10.6 % for the zones' whole load (perf). A value of the wrong storage class (a hand-edited
/// file) is a ``ValidationError`` naming the column, where GRDB's conversion either stops the
/// process (text where a number belongs) or reads whatever a blob's bytes decode to.
struct StoredColumns {
    private let handle: OpaquePointer?
    private let names: [String]

    /// Calls `body` with each row `sql` selects.
    static func forEachRow(
        _ db: Database, sql: String, arguments: StatementArguments = [], _ body: (StoredColumns) throws -> Void
    ) throws {
        let statement = try db.makeStatement(sql: sql)
        let columns = StoredColumns(handle: statement.sqliteStatement, names: statement.columnNames)
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        while try rows.next() != nil { try body(columns) }
    }

    /// The text of a column that cannot be NULL.
    func text(_ index: Int32) throws -> String { try required(index, optionalText, expected: "text") }

    /// The text of a column, nil for NULL.
    func optionalText(_ index: Int32) throws -> String? {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_NULL: return nil
        case SQLITE_TEXT:
            // SQLite's order: the text first, then its length.
            let bytes = sqlite3_column_text(handle, index)
            return String(
                decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, index))),
                as: UTF8.self)
        default: throw wrongType(index, expected: "text")
        }
    }

    /// The number in a column that cannot be NULL.
    func double(_ index: Int32) throws -> Double { try required(index, optionalDouble, expected: "a number") }

    /// The integer in a column that cannot be NULL.
    func int(_ index: Int32) throws -> Int { try required(index, optionalInt, expected: "an integer") }

    /// The number in a column, nil for NULL.
    func optionalDouble(_ index: Int32) throws -> Double? {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_NULL: return nil
        case SQLITE_INTEGER, SQLITE_FLOAT: return sqlite3_column_double(handle, index)
        default: throw wrongType(index, expected: "a number")
        }
    }

    /// The integer in a column, nil for NULL.
    func optionalInt(_ index: Int32) throws -> Int? {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_NULL: return nil
        case SQLITE_INTEGER: return Int(sqlite3_column_int64(handle, index))
        default: throw wrongType(index, expected: "an integer")
        }
    }

    /// The value `read` finds, a wrong-type error for NULL.
    private func required<Value>(
        _ index: Int32, _ read: (Int32) throws -> Value?, expected: String
    ) throws -> Value {
        guard let value = try read(index) else { throw wrongType(index, expected: expected) }
        return value
    }

    private func wrongType(_ index: Int32, expected: String) -> ValidationError {
        ValidationError(
            field: names[Int(index)], reason: "the database holds \(storageClass(index)) where \(expected) belongs")
    }

    private func storageClass(_ index: Int32) -> String {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_NULL: return "NULL"
        case SQLITE_INTEGER: return "an integer"
        case SQLITE_FLOAT: return "a real"
        case SQLITE_TEXT: return "text"
        default: return "a blob"
        }
    }
}
