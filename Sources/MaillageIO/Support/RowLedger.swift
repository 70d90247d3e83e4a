import GRDB
import MaillageCore
import MaillageGeo
import MaillageStore

/// The ids an import has seen so far, with their line and point, kept in a temporary SQLite
/// table rather than in memory, so that a file of millions of rows streams.
///
/// It answers the two questions a streaming import cannot answer row by row: was this id on
/// an earlier line (an error), and which points lie far from the others (``OutlierCheck``).
/// The table belongs to the import's transaction: it goes when the import fails (rollback)
/// and ``finish()`` drops it when the import succeeds. SQLite keeps a temporary table in a
/// bounded page cache that spills to a temporary file.
struct RowLedger {
    private let db: Database
    private static let table = "temp.maillage_import_rows"

    init(_ writer: TerritoryWriter) throws {
        db = writer.database
        try db.execute(sql: """
            CREATE TEMP TABLE maillage_import_rows (id TEXT PRIMARY KEY NOT NULL, line INTEGER NOT NULL, lon REAL NOT NULL, lat REAL NOT NULL)
            """)
    }

    /// Records an id; returns the line that had it already, or nil the first time.
    func record(_ id: String, line: Int, point: GeoPoint) throws -> Int? {
        try db.cachedStatement(sql: "INSERT INTO \(Self.table)(id, line, lon, lat) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO NOTHING")
            .execute(arguments: [id, line, point.longitude, point.latitude])
        guard db.changesCount == 0 else { return nil }
        return try Int.fetchOne(db.cachedStatement(sql: "SELECT line FROM \(Self.table) WHERE id = ?"), arguments: [id])
    }

    /// ``OutlierCheck``'s warnings over every recorded point, reading them back one by one.
    func outlierWarnings(label: (String, Int) -> String) throws -> [String] {
        let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(Self.table)") ?? 0
        guard count >= OutlierCheck.minimumPoints else { return [] }
        func median(_ column: String) throws -> Double? {
            try Double.fetchOne(db, sql: "SELECT \(column) FROM \(Self.table) ORDER BY \(column) LIMIT 1 OFFSET ?", arguments: [count / 2])
        }
        guard let lon = try median("lon"), let lat = try median("lat"), let center = try? GeoPoint(longitude: lon, latitude: lat) else { return [] }
        var warnings = OutlierCheck.Collector()
        let rows = try Row.fetchCursor(db, sql: "SELECT id, line, lon, lat FROM \(Self.table) ORDER BY line")
        while let row = try rows.next() {
            guard let point = try? GeoPoint(longitude: row["lon"], latitude: row["lat"]) else { continue }
            warnings.check(label(row["id"], row["line"]), point, from: center)
        }
        return warnings.lines
    }

    /// Drops the table (at the end of a successful import, inside its transaction).
    func finish() throws {
        try db.execute(sql: "DROP TABLE \(Self.table)")
    }
}
