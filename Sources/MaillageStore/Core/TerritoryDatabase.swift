import Foundation
import GRDB
import MaillageCore

/// A territory database: one SQLite file on disk holding a whole care-network territory.
///
/// The file is opened in WAL mode, so that readers (`info`, exports, reports) keep working
/// while a writer imports or simulates; foreign keys are enforced and every write runs in
/// one transaction, so a failed import leaves the file exactly as it was.
///
/// ```swift
/// let database = try TerritoryDatabase.create(at: "out/demo.db")
/// try database.save(territory)
/// let summary = try database.summary()
/// ```
public final class TerritoryDatabase: Sendable {
    /// How long a write waits for another process's write to finish before giving up, in seconds.
    public static let busyTimeout: TimeInterval = 30

    /// The file's path, as given.
    public let path: String
    let pool: DatabasePool

    private init(path: String, pool: DatabasePool) {
        self.path = path
        self.pool = pool
    }

    /// Creates a new, empty territory database, refusing to touch an existing file.
    ///
    /// Missing parent folders are created.
    public static func create(at path: String, name: String? = nil, sourceCRS: String? = nil) throws
        -> TerritoryDatabase
    {
        let url = URL(fileURLWithPath: path)
        guard !FileManager.default.fileExists(atPath: path) else { throw StoreError.alreadyExists(path: path) }
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw StoreError.sqlite(
                path: path, code: ResultCode.SQLITE_CANTOPEN.rawValue,
                message: "cannot create its folder: \(error.localizedDescription)")
        }
        let database = try connect(path: path)
        try database.migrate()
        try database.write { db in
            try Metadata.write(.name, name ?? url.deletingPathExtension().lastPathComponent, db)
            try Metadata.write(.createdAt, ISO8601DateFormatter().string(from: Date()), db)
            try Metadata.write(.maillageVersion, MaillageVersion.current, db)
            if let sourceCRS { try Metadata.write(.sourceCRS, sourceCRS, db) }
        }
        return database
    }

    /// Opens an existing territory database, bringing its schema up to date.
    public static func open(at path: String) throws -> TerritoryDatabase {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw StoreError.notFound(path: path)
        }
        guard !isFolder.boolValue else {
            throw StoreError.notATerritoryDatabase(path: path, detail: "it is a folder")
        }
        let database = try connect(path: path)
        try database.migrate(applied: database.appliedIfTerritory())
        return database
    }

    /// Closes the idle reading connections, and with them their maps of the file.
    ///
    /// For a command that has read what it needs and computes for a while: the pages a reader
    /// mapped stay in the process's resident memory while it is open (98 MB of a
    /// 200,000-zone grid's simulation). The next read opens a connection again.
    public func closeReaders() { pool.releaseMemory() }

    /// How much of the file a reader maps at most (SQLite's `mmap_size`); beyond it, reads copy.
    static let mappedBytes = 1 << 32

    private static func connect(path: String) throws -> TerritoryDatabase {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "maillage"
        configuration.prepareDatabase { db in
            // Readers map the file instead of copying it page by page: a command reading a
            // large travel matrix otherwise makes one `pread` per 4 KiB page (6,500 calls for
            // 773,000 pairs; perf showed the copies and the calls as a tenth of the command).
            if db.configuration.readonly { try db.execute(sql: "PRAGMA mmap_size = \(Self.mappedBytes)") }
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            return TerritoryDatabase(path: path, pool: pool)
        } catch {
            throw StoreError.wrap(error, path: path)
        }
    }

    /// Applies the schema steps the file does not have yet, refusing steps it cannot know;
    /// `applied` are those it has, when already read.
    private func migrate(applied: Set<String>? = nil) throws {
        let migrator = TerritoryMigrator.migrator
        let applied = try applied ?? read { try migrator.appliedIdentifiers($0) }
        let unknown = applied.subtracting(TerritoryMigrator.knownIdentifiers)
        guard unknown.isEmpty else {
            throw StoreError.newerSchema(path: path, unknownMigrations: unknown.sorted())
        }
        // An up-to-date file (every command after the first) needs no write transaction.
        guard !applied.isSuperset(of: TerritoryMigrator.knownIdentifiers) else { return }
        do { try migrator.migrate(pool) } catch { throw StoreError.wrap(error, path: path) }
    }

    /// The schema steps the file has, read with the check that Maillage made it: a file that
    /// SQLite reads but Maillage did not make is refused before any schema change.
    private func appliedIfTerritory() throws -> Set<String> {
        let applied = try read { db -> Set<String>? in
            guard try db.tableExists("grdb_migrations") && db.tableExists("metadata"),
                try Metadata.read(.maillageVersion, db) != nil
            else { return nil }
            return try TerritoryMigrator.migrator.appliedIdentifiers(db)
        }
        guard let applied else {
            throw StoreError.notATerritoryDatabase(path: path, detail: "it has no Maillage metadata")
        }
        return applied
    }

    /// The schema steps applied to this file, oldest first.
    public func appliedMigrations() throws -> [String] {
        try read { db in
            let applied = try TerritoryMigrator.migrator.appliedIdentifiers(db)
            return TerritoryMigrator.knownIdentifiers.filter(applied.contains)
        }
    }

    /// Runs a read, turning SQLite failures into ``StoreError``.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch { throw StoreError.wrap(error, path: path) }
    }

    /// Runs a write in one immediate transaction, turning SQLite failures into ``StoreError``.
    ///
    /// If the body throws, nothing it wrote stays.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.write(body) } catch { throw StoreError.wrap(error, path: path) }
    }
}
