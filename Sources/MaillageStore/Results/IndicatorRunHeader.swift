import GRDB

/// What identifies a stored indicator run without its values: for listings and provenance.
///
/// Everything it records is the shared ``StoredRunHeader``; the properties below read through to it.
public struct IndicatorRunHeader: Sendable, Equatable {
    /// The identity and provenance every stored run shares (kind `.indicator`, name = the method).
    public var header: StoredRunHeader

    /// Assigned by the database when the run was saved.
    public var id: Int64 { header.id }
    /// The method, such as `e2sfca` or `coverage`.
    public var method: String { header.name ?? "" }
    /// The parameters as canonical JSON text (sorted keys).
    public var parameters: String { header.parameters }
    /// A hash of the inputs the values were computed from.
    public var inputsFingerprint: String { header.inputsFingerprint }
    /// When the run was computed (ISO 8601).
    public var createdAt: String { header.createdAt }
    /// The Maillage version that computed it.
    public var maillageVersion: String { header.maillageVersion }

    /// Creates a header from its fields.
    public init(
        id: Int64, method: String, parameters: String, inputsFingerprint: String, createdAt: String,
        maillageVersion: String
    ) {
        header = StoredRunHeader(
            kind: .indicator, id: id, name: method, parameters: parameters,
            inputsFingerprint: inputsFingerprint, createdAt: createdAt,
            maillageVersion: maillageVersion)
    }

    /// Wraps a shared header read from the indicator run table.
    public init(header: StoredRunHeader) {
        self.header = header
    }
}

extension TerritoryDatabase {
    /// Every stored indicator run, oldest first.
    public func indicatorRunHeaders() throws -> [IndicatorRunHeader] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, method, parameters, inputs_fingerprint, created_at, maillage_version
                    FROM indicator_run ORDER BY id
                    """
            ).map(IndicatorRunHeader.init(row:))
        }
    }

    /// One run's header, or nil when no run has that id.
    public func indicatorRunHeader(id: Int64) throws -> IndicatorRunHeader? {
        try read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT id, method, parameters, inputs_fingerprint, created_at, maillage_version
                    FROM indicator_run WHERE id = ?
                    """, arguments: [id]
            ).map(IndicatorRunHeader.init(row:))
        }
    }
}

extension IndicatorRunHeader {
    init(row: Row) {
        self.init(header: StoredRunHeader(row: row, kind: .indicator))
    }
}
