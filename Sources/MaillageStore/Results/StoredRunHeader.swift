import GRDB

/// What every stored run shares, whatever its kind: identity, parameters and provenance.
///
/// Indicator, simulation and scenario runs each hold one, plus the fields of their own kind,
/// so that listings, reports and exports label a run from one shape. The columns it reads are
/// those of schema version 7: nothing is stored differently.
public struct StoredRunHeader: Sendable, Codable, Equatable, Hashable {
    /// The table a run lives in; the raw value is the word a listing shows.
    public enum Kind: String, Sendable, Codable, CaseIterable, Comparable {
        case indicator, simulation, scenario

        /// Indicator runs first, then simulations, then scenarios (the order of the tables' creation).
        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// Which kind of run this is; ids are unique within a kind only.
    public var kind: Kind
    /// Assigned by the database when the run was saved.
    public var id: Int64
    /// The method of an indicator run, the scenario's name of a scenario run; nil for a simulation run.
    public var name: String?
    /// The parameters as canonical JSON text (sorted keys).
    public var parameters: String
    /// A hash of the inputs the run was computed from (for a scenario run, the territory's fingerprint).
    public var inputsFingerprint: String
    /// When the run was computed (ISO 8601).
    public var createdAt: String
    /// The Maillage version that computed it.
    public var maillageVersion: String

    /// Creates a header from its fields, as read from the database or written by hand in tests.
    public init(
        kind: Kind, id: Int64, name: String?, parameters: String, inputsFingerprint: String,
        createdAt: String, maillageVersion: String
    ) {
        self.kind = kind
        self.id = id
        self.name = name
        self.parameters = parameters
        self.inputsFingerprint = inputsFingerprint
        self.createdAt = createdAt
        self.maillageVersion = maillageVersion
    }
}

extension StoredRunHeader {
    /// Reads the shared columns of a row of `kind`'s run table.
    init(row: Row, kind: Kind) {
        let name: String? =
            switch kind {
            case .indicator: row["method"]
            case .simulation: nil
            case .scenario: row["name"]
            }
        let fingerprint: String = kind == .scenario ? row["territory_fingerprint"] : row["inputs_fingerprint"]
        self.init(
            kind: kind, id: row["id"], name: name, parameters: row["parameters"], inputsFingerprint: fingerprint,
            createdAt: row["created_at"], maillageVersion: row["maillage_version"])
    }
}

extension TerritoryDatabase {
    /// Every stored run of every kind: indicator runs, then simulation runs, then scenario runs, each oldest first.
    public func storedRunHeaders() throws -> [StoredRunHeader] {
        try read { db in
            var headers: [StoredRunHeader] = []
            for kind in StoredRunHeader.Kind.allCases {
                let table = "\(kind.rawValue)_run"
                headers += try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY id").map {
                    StoredRunHeader(row: $0, kind: kind)
                }
            }
            return headers
        }
    }
}
