import GRDB

/// What identifies a stored indicator run without its values: for listings and provenance.
public struct IndicatorRunHeader: Sendable, Equatable {
    /// The run's id in the database, to load its values or name it in a listing.
    public var id: Int64
    /// The access method, such as `e2sfca` or `coverage`.
    public var method: String
    /// The parameters as canonical JSON text (sorted keys).
    public var parameters: String
    /// A hash of the inputs the values were computed from, to tell a stale run.
    public var inputsFingerprint: String
    /// When the run was computed (ISO 8601).
    public var createdAt: String
    /// The Maillage version that computed it.
    public var maillageVersion: String

    /// A header as read from the `indicator_run` table.
    public init(id: Int64, method: String, parameters: String, inputsFingerprint: String, createdAt: String, maillageVersion: String) {
        self.id = id
        self.method = method
        self.parameters = parameters
        self.inputsFingerprint = inputsFingerprint
        self.createdAt = createdAt
        self.maillageVersion = maillageVersion
    }
}

extension TerritoryDatabase {
    /// Every stored indicator run, oldest first.
    public func indicatorRunHeaders() throws -> [IndicatorRunHeader] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, method, parameters, inputs_fingerprint, created_at, maillage_version
                FROM indicator_run ORDER BY id
                """).map(IndicatorRunHeader.init(row:))
        }
    }

    /// One run's header, or nil when no run has that id.
    public func indicatorRunHeader(id: Int64) throws -> IndicatorRunHeader? {
        try read { db in
            try Row.fetchOne(db, sql: """
                SELECT id, method, parameters, inputs_fingerprint, created_at, maillage_version
                FROM indicator_run WHERE id = ?
                """, arguments: [id]).map(IndicatorRunHeader.init(row:))
        }
    }
}

extension IndicatorRunHeader {
    init(row: Row) {
        self.init(id: row["id"], method: row["method"], parameters: row["parameters"], inputsFingerprint: row["inputs_fingerprint"],
                  createdAt: row["created_at"], maillageVersion: row["maillage_version"])
    }
}
