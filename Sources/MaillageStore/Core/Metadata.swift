import GRDB

/// The keys of the `metadata` table: who made the database, when, and from what.
///
/// Provenance lives here and nowhere else, so that the territory tables can be compared
/// byte for byte between two runs with the same seed.
public enum MetadataKey: String, Sendable, CaseIterable {
    case name
    /// The CRS the data came in before conversion to WGS84.
    case sourceCRS = "source_crs"
    case createdAt = "created_at"
    case maillageVersion = "maillage_version"
    /// How the territory was made, such as `generate --zones 120 --population 150000 --seed 42`.
    case origin
    /// Where each road matrix comes from (JSON by matrix name; `maillage travel osrm`).
    case travelProvenance = "travel_provenance"
    /// The straight-line model fitted on the territory's road times (JSON; `maillage travel calibrate`).
    case lineModel = "line_model"
}

enum Metadata {
    static func write(_ key: MetadataKey, _ value: String, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO metadata(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [key.rawValue, value]
        )
    }

    static func read(_ key: MetadataKey, _ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM metadata WHERE key = ?", arguments: [key.rawValue])
    }
}

extension TerritoryDatabase {
    /// A metadata value, or nil when it was never set.
    public func metadata(_ key: MetadataKey) throws -> String? {
        try read { try Metadata.read(key, $0) }
    }

    /// Sets a metadata value, replacing the old one.
    public func setMetadata(_ key: MetadataKey, _ value: String) throws {
        try write { try Metadata.write(key, value, $0) }
    }
}
