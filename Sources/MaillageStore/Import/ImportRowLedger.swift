import GRDB
import MaillageCore

/// The ids an import has seen so far, with their line and point, kept in a temporary SQLite
/// table rather than in memory, so that a file of millions of rows streams.
///
/// It answers the two questions a streaming import cannot answer row by row: was this id on
/// an earlier line (an error), and where do the points lie (the importers' outlier check).
/// Ids are looked up and recorded a batch of rows at a time (``lines(of:)``, ``record(_:)``).
/// The table belongs to the import's transaction: it goes when the import fails (rollback)
/// and ``finish()`` drops it when the import succeeds. SQLite keeps a temporary table in a
/// bounded page cache that spills to a temporary file.
///
/// It lives in the store so that only the store writes SQL; importers reach it through
/// ``TerritoryWriter/rowLedger()``.
package struct ImportRowLedger {
    private let db: Database
    private let insert: MultiRowInsert
    private static let table = "temp.maillage_import_rows"

    init(_ db: Database) throws {
        self.db = db
        try db.execute(
            sql: """
                CREATE TEMP TABLE maillage_import_rows (
                  id TEXT PRIMARY KEY NOT NULL, line INTEGER NOT NULL, lon REAL NOT NULL, lat REAL NOT NULL)
                """)
        insert = MultiRowInsert(db, head: "INSERT INTO \(Self.table)(id, line, lon, lat) VALUES ", width: 4)
    }

    /// The line each of `ids` was recorded with, for those already recorded (one query per
    /// ``MultiRowInsert/defaultMaxRows`` ids).
    package func lines(of ids: [String]) throws -> [String: Int] {
        var lines: [String: Int] = [:]
        for start in stride(from: 0, to: ids.count, by: MultiRowInsert.defaultMaxRows) {
            let chunk = Array(ids[start..<min(start + MultiRowInsert.defaultMaxRows, ids.count)])
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let rows = try Row.fetchCursor(
                db.cachedStatement(sql: "SELECT id, line FROM \(Self.table) WHERE id IN (\(marks))"),
                arguments: StatementArguments(chunk)
            )
            while let row = try rows.next() { lines[row["id"]] = row["line"] }
        }
        return lines
    }

    /// Records ids not recorded yet (check them with ``lines(of:)`` first: a duplicate fails).
    package func record(_ rows: [(id: String, line: Int, point: GeoPoint)]) throws {
        try insert.run(rows) { row, binder in
            try binder.bind(row.id)
            try binder.bind(row.line)
            try binder.bind(row.point.longitude)
            try binder.bind(row.point.latitude)
        }
    }

    /// How many ids are recorded.
    package func count() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM \(Self.table)") ?? 0
    }

    /// The median longitude and latitude of the recorded points, each taken on its own (the
    /// value at rank count / 2 once sorted), nil when nothing is recorded.
    package func medianPoint() throws -> GeoPoint? {
        let count = try count()
        guard count > 0 else { return nil }
        func median(_ column: String) throws -> Double? {
            let sql = "SELECT \(column) FROM \(Self.table) ORDER BY \(column) LIMIT 1 OFFSET ?"
            return try Double.fetchOne(db, sql: sql, arguments: [count / 2])
        }
        guard let lon = try median("lon"), let lat = try median("lat") else { return nil }
        return try? GeoPoint(longitude: lon, latitude: lat)
    }

    /// Every recorded row in line order, read back one by one (memory does not grow with the file).
    package func forEach(_ body: (_ id: String, _ line: Int, _ point: GeoPoint) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT id, line, lon, lat FROM \(Self.table) ORDER BY line")
        while let row = try rows.next() {
            guard let point = try? GeoPoint(longitude: row["lon"], latitude: row["lat"]) else { continue }
            try body(row["id"], row["line"], point)
        }
    }

    /// Drops the table (at the end of a successful import, inside its transaction).
    package func finish() throws {
        try db.execute(sql: "DROP TABLE \(Self.table)")
    }
}

extension TerritoryWriter {
    /// A fresh ledger of the rows this import sees, in a temporary table of its transaction.
    package func rowLedger() throws -> ImportRowLedger { try ImportRowLedger(db) }
}
