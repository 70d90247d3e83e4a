import GRDB
import MaillageFormats

/// A failure of the territory database, saying which file and what to do about it.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// `init` was asked to create a database where a file already exists.
    case alreadyExists(path: String)
    /// The database file does not exist.
    case notFound(path: String)
    /// The file exists but is not an SQLite database, or not a Maillage one.
    case notATerritoryDatabase(path: String, detail: String)
    /// The database was written by a newer Maillage whose schema this one does not know.
    case newerSchema(path: String, unknownMigrations: [String])
    /// The content to write breaks a rule of the domain or of the schema.
    case invalidContent(path: String, detail: String)
    /// A stored id appears twice, in two Unicode forms (written by a version that did not normalise ids).
    case idInTwoForms(path: String, detail: String)
    /// SQLite refused an operation; carries SQLite's result code and message.
    case sqlite(path: String, code: Int32, message: String)

    /// The message for the planner: the database file and what is wrong.
    public var description: String {
        switch self {
        case .alreadyExists(let path):
            "\(path) already exists; choose another path or delete it first (Maillage never overwrites a database)"
        case .notFound(let path):
            "\(path) does not exist; create an empty territory database there or generate a synthetic territory into it"
        case .notATerritoryDatabase(let path, let detail):
            "\(path) is not a Maillage territory database (\(detail))"
        case .newerSchema(let path, let unknown):
            "\(path) was written by a newer Maillage (schema steps \(unknown.joined(separator: ", ")) are unknown here); upgrade Maillage"
        case .invalidContent(let path, let detail), .idInTwoForms(let path, let detail):
            "\(path): \(detail)"
        case .sqlite(let path, let code, let message)
        where [ResultCode.SQLITE_BUSY, .SQLITE_LOCKED].contains(ResultCode(rawValue: code).primaryResultCode):
            // Another process held the write lock past the busy timeout (a long import or simulation).
            "\(path) is busy: another process has been writing to it for more than \(Int(TerritoryDatabase.busyTimeout)) s; "
                + "nothing was written to it, run this again when it has finished (SQLite error \(code): \(message))"
        case .sqlite(let path, let code, let message) where Self.isDiskFull(code: code, path: path):
            "the disk holding \(path) is full: nothing was written; free space and run again (SQLite error \(code): \(message))"
        case .sqlite(let path, let code, let message):
            "\(path): SQLite error \(code): \(message)"
        }
    }

    /// SQLite's own verdict (`SQLITE_FULL`), or a write error on a file system with no room left
    /// (SQLite reports some of those, such as a shared-memory file it cannot grow, as I/O errors).
    private static func isDiskFull(code: Int32, path: String) -> Bool {
        switch ResultCode(rawValue: code).primaryResultCode {
        case .SQLITE_FULL: true
        case .SQLITE_IOERR: DiskSpace.isFull(at: path)
        default: false
        }
    }

    /// The SQLite result code, when SQLite caused the failure.
    public var sqliteCode: Int32? {
        if case .sqlite(_, let code, _) = self { return code }
        return nil
    }

    /// Whether the disk or the file system failed (full disk, I/O error, read-only file).
    public var isIOFailure: Bool {
        guard let code = sqliteCode.map({ ResultCode(rawValue: $0).primaryResultCode }) else { return false }
        let io: [ResultCode] = [
            .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_BUSY, .SQLITE_LOCKED,
        ]
        return io.contains(code)
    }

    /// Wraps whatever a database call threw, keeping SQLite's code and message.
    static func wrap(_ error: any Error, path: String) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        let primary = error.resultCode.primaryResultCode
        if primary == .SQLITE_NOTADB {
            return StoreError.notATerritoryDatabase(
                path: path, detail: "SQLite says: \(error.message ?? "file is not a database")")
        }
        if primary == .SQLITE_CONSTRAINT {
            return StoreError.invalidContent(path: path, detail: error.message ?? "a constraint failed")
        }
        return StoreError.sqlite(
            path: path, code: error.extendedResultCode.rawValue, message: error.message ?? "\(error)")
    }
}
