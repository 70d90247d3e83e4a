import GRDB
import GRDBSQLite

/// Adds one matrix's pairs inside a transaction, in batches through prepared statements.
///
/// Made by ``TerritoryWriter/replaceTravelMatrix(_:)``; valid only inside that transaction;
/// call ``finish()`` after the last pair. A matrix can hold tens of millions of pairs, which
/// is why (see BENCHMARKS.md):
/// - pairs go in batches of ``batchSize`` rows per `INSERT`: SQLite keeps its cursor on the
///   last row between the rows of one statement, so a file in key order appends without a
///   search from the root for every row;
/// - values are bound through SQLite's C interface on GRDB's cached statements, because
///   GRDB's `StatementArguments` box every value and cost as much as SQLite's own work;
/// - the matrix name is bound once per statement.
public final class TravelTimeInserter {
    /// A pair waiting for its batch, with the caller's tag (a line number) for errors.
    private struct Pending {
        let origin: TravelEndpoint
        let destination: TravelEndpoint
        let minutes: Double
        let km: Double?
        let tag: Int
    }

    /// Rows per batched `INSERT` (6 parameters each, plus the shared matrix name).
    public static let batchSize = 128

    private let database: Database
    private let single: Statement
    private let batch: Statement
    private var pending: [Pending] = []

    init(database: Database, matrix: String) throws {
        self.database = database
        let columns = "INSERT INTO travel_time(matrix, origin_type, origin_id, destination_type, destination_id, minutes, km) VALUES "
        single = try database.cachedStatement(sql: columns + Self.tuple(0))
        batch = try database.cachedStatement(sql: columns + (0..<Self.batchSize).map(Self.tuple).joined(separator: ","))
        for statement in [single, batch] {
            sqlite3_reset(statement.sqliteStatement)
            var binder = ParameterBinder(statement, connection: database.sqliteConnection)
            try binder.bind(matrix)
        }
        pending.reserveCapacity(Self.batchSize)
    }

    /// `(?1, ?k…)`: the matrix name is parameter 1 in every row, row `r` has the next six.
    private static func tuple(_ row: Int) -> String {
        "(?1," + (0..<6).map { "?\(2 + 6 * row + $0)" }.joined(separator: ",") + ")"
    }

    /// Adds a pair; `tag` (a line number, say) comes back in ``DuplicateTravelPair`` when the
    /// pair is stored twice. The error may come from a later call, when the batch is written.
    public func add(from origin: TravelEndpoint, to destination: TravelEndpoint, minutes: Double, km: Double?, tag: Int = 0) throws {
        pending.append(Pending(origin: origin, destination: destination, minutes: minutes, km: km, tag: tag))
        if pending.count == Self.batchSize { try flush() }
    }

    /// Writes the pairs still waiting.
    public func finish() throws {
        try flush()
    }

    private func flush() throws {
        defer { pending.removeAll(keepingCapacity: true) }
        if pending.count == Self.batchSize {
            try bind(pending, to: batch)
            let code = sqlite3_step(batch.sqliteStatement)
            sqlite3_reset(batch.sqliteStatement)
            if code == SQLITE_DONE { return }
            guard isDuplicate() else { throw error(batch) }
            // SQLite undid the whole statement: replay the batch row by row to name the duplicate.
        }
        for pair in pending {
            try bind([pair], to: single)
            let code = sqlite3_step(single.sqliteStatement)
            sqlite3_reset(single.sqliteStatement)
            if code == SQLITE_DONE { continue }
            guard isDuplicate() else { throw error(single) }
            throw DuplicateTravelPair(origin: pair.origin, destination: pair.destination, tag: pair.tag)
        }
    }

    /// Binds the rows' values after the shared matrix name (parameter 1).
    private func bind(_ rows: [Pending], to statement: Statement) throws {
        var binder = ParameterBinder(statement, connection: database.sqliteConnection, first: 2)
        for pair in rows {
            try binder.bind(pair.origin.kind.rawValue)
            try binder.bind(pair.origin.id)
            try binder.bind(pair.destination.kind.rawValue)
            try binder.bind(pair.destination.id)
            try binder.bind(pair.minutes)
            try binder.bind(pair.km)
        }
    }

    private func isDuplicate() -> Bool {
        sqlite3_extended_errcode(database.sqliteConnection) == ResultCode.SQLITE_CONSTRAINT_PRIMARYKEY.rawValue
    }

    private func error(_ statement: Statement) -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: sqlite3_extended_errcode(database.sqliteConnection)),
            message: database.lastErrorMessage, sql: statement.sql
        )
    }
}

/// A pair given twice to a ``TravelTimeInserter``; `tag` is the one given with the second.
public struct DuplicateTravelPair: Error, Sendable, Equatable {
    public let origin: TravelEndpoint
    public let destination: TravelEndpoint
    public let tag: Int
}
