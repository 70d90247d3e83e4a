import Foundation
import GRDB
import MaillageCore

/// One accessibility computation stored with its provenance, and its values per zone.
public struct IndicatorRun: Sendable, Equatable {
    /// Assigned by the database when the run is saved.
    public var id: Int64?
    /// The method, such as `e2sfca` or `coverage`.
    public var method: String
    /// The parameters as canonical JSON text (sorted keys), so that runs can be compared.
    public var parameters: String
    /// A hash of the inputs (zones, sites, capacities, travel times) the values were computed from.
    public var inputsFingerprint: String
    /// Territory-wide results as JSON text (coverage share, counts), when the method has some.
    public var summary: String?
    /// Per-zone values: zone id, then the value of each named column (nil = undefined).
    public var values: [ZoneValues]

    /// One zone's stored values, as its `indicator_value` rows read back.
    public struct ZoneValues: Sendable, Equatable {
        /// The zone the values describe.
        public var zoneID: String
        /// Column name (`minutes`, `e2sfca`, `covered`) → value; nil where the method leaves it undefined.
        public var numbers: [String: Double?]
        /// Text values (a nearest site's id); an absent one is left out rather than stored as nil.
        public var texts: [String: String]

        /// A zone's values; columns not given are absent rather than undefined.
        public init(zoneID: String, numbers: [String: Double?] = [:], texts: [String: String] = [:]) {
            self.zoneID = zoneID
            self.numbers = numbers
            self.texts = texts
        }
    }

    /// A run to save; the database assigns its id and records when and by which version it was computed.
    public init(
        method: String, parameters: String, inputsFingerprint: String, summary: String? = nil, values: [ZoneValues]
    ) {
        self.method = method
        self.parameters = parameters
        self.inputsFingerprint = inputsFingerprint
        self.summary = summary
        self.values = values
    }
}

extension TerritoryDatabase {
    /// Stores a run and its values in one transaction; returns the run's id.
    @discardableResult
    public func save(_ run: IndicatorRun) throws -> Int64 {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO indicator_run(method, parameters, inputs_fingerprint, summary, created_at, maillage_version)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    run.method, run.parameters, run.inputsFingerprint, run.summary,
                    StoredTimestamp.text(), MaillageVersion.current,
                ])
            let id = db.lastInsertedRowID
            // Rows bound through SQLite's C interface, many per statement: one GRDB statement
            // execution per value cost a tenth of an `access` command on 5,000 zones (perf).
            let insert = MultiRowInsert(
                db, head: "INSERT INTO indicator_value(run_id, zone_id, name, value, text) VALUES ", width: 5)
            try insert.run(Self.storedRows(run.values)) { row, binder in
                try binder.bind(Int(id))
                try binder.bind(row.zoneID)
                try binder.bind(row.name)
                try binder.bind(row.number)
                try binder.bind(row.text)
            }
            return id
        }
    }

    /// The rows of `indicator_value`, zone by zone: numbers (NULL where missing), then texts,
    /// each by name.
    private static func storedRows(
        _ values: [IndicatorRun.ZoneValues]
    ) -> [(zoneID: String, name: String, number: Double?, text: String?)] {
        var rows: [(zoneID: String, name: String, number: Double?, text: String?)] = []
        rows.reserveCapacity(values.reduce(0) { $0 + $1.numbers.count + $1.texts.count })
        for zone in values {
            for (name, number) in zone.numbers.sorted(by: { $0.key < $1.key }) {
                rows.append((zone.zoneID, name, number, nil))
            }
            for (name, text) in zone.texts.sorted(by: { $0.key < $1.key }) {
                rows.append((zone.zoneID, name, nil, text))
            }
        }
        return rows
    }

    /// Reads a stored run back, values ordered by zone id; nil when no run has that id.
    public func indicatorRun(id: Int64) throws -> IndicatorRun? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM indicator_run WHERE id = ?", arguments: [id])
            else { return nil }
            var byZone: [String: IndicatorRun.ZoneValues] = [:]
            for value in try Row.fetchAll(
                db, sql: "SELECT zone_id, name, value, text FROM indicator_value WHERE run_id = ?", arguments: [id])
            {
                let zone: String = value["zone_id"]
                var entry = byZone[zone] ?? IndicatorRun.ZoneValues(zoneID: zone)
                if let text = value["text"] as String? {
                    entry.texts[value["name"]] = text
                } else {
                    entry.numbers[value["name"]] = .some(value["value"] as Double?)
                }
                byZone[zone] = entry
            }
            var run = IndicatorRun(
                method: row["method"], parameters: row["parameters"], inputsFingerprint: row["inputs_fingerprint"],
                summary: row["summary"], values: byZone.keys.sorted().map { byZone[$0]! }
            )
            run.id = id
            return run
        }
    }
}
