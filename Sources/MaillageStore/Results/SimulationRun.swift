import Foundation
import GRDB
import MaillageCore

/// One simulation run stored with the parameters, events, seed and replications it used.
public struct SimulationRun: Sendable, Equatable {
    /// Assigned by the database when the run is saved.
    public var id: Int64?
    /// The complete parameters as canonical JSON (every value, defaults included).
    public var parameters: String
    /// The events as canonical JSON (an empty list when none).
    public var events: String
    /// Days simulated and counted.
    public var days: Int
    /// The seed as decimal text (a UInt64 does not fit SQLite's signed integers).
    public var seed: String
    /// Replications run, each with its own random stream derived from the seed.
    public var replications: Int
    /// The fraction of inhabitants simulated (1 = everyone).
    public var sample: Double
    /// A hash of the territory and travel inputs the run was computed from, to tell a stale run.
    public var inputsFingerprint: String
    /// Indicator values per subject and replication, with the means over replications.
    public var values: [Value]
    /// Daily series (mean over replications), such as `hospital_beds.used`.
    public var series: [Series]
    /// Zone means (replication 0) as columns, stored as columns (`simulation_zone_column`) and
    /// read back here: 200,000 zones × 76 indicators take 8 bytes a value instead of a ``Value``
    /// each (about 100 bytes: 1.5 GB) and 76 rows instead of 15.2 million.
    /// ``forEachZoneMean(_:)`` visits them with the zone values given in ``values``.
    public var zoneTable: ZoneTable?

    /// Per-zone values given by columns: `columns[c].values[z]` belongs to `zoneIDs[z]`.
    public struct ZoneTable: Sendable, Equatable {
        /// The zones, in any order.
        public var zoneIDs: [String]
        /// One column per indicator; NaN is undefined.
        public var columns: [Column]

        /// One indicator over every zone.
        public struct Column: Sendable, Equatable {
            /// The indicator's name.
            public var name: String
            /// One value per zone, in ``ZoneTable/zoneIDs`` order; NaN is undefined.
            public var values: [Double]
            /// The 95 % intervals, as given: their bounds, or half-widths around ``values``.
            private var intervals: Intervals?

            /// How a column's intervals are held.
            private enum Intervals: Sendable, Equatable {
                case bounds(low: [Double]?, high: [Double]?)
                /// `value ± halfWidth` (``StudentT/bounds(mean:halfWidth:)``), made when asked
                /// for: a simulation's result holds its intervals so, and its 200,000-zone
                /// columns are not held twice more to be stored.
                case halfWidths([Double])
            }

            /// The lower 95 % bounds, zone by zone (NaN or nil: no interval).
            public var low: [Double]? {
                switch intervals {
                case .bounds(let low, _): low
                case .halfWidths(let halves): zip(values, halves).map { StudentT.bounds(mean: $0, halfWidth: $1).low }
                case nil: nil
                }
            }

            /// The upper 95 % bounds, zone by zone (NaN or nil: no interval).
            public var high: [Double]? {
                switch intervals {
                case .bounds(_, let high): high
                case .halfWidths(let halves): zip(values, halves).map { StudentT.bounds(mean: $0, halfWidth: $1).high }
                case nil: nil
                }
            }

            /// A column, with its intervals' bounds when the run has them.
            public init(name: String, values: [Double], low: [Double]? = nil, high: [Double]? = nil) {
                self.name = name
                self.values = values
                self.intervals = low == nil && high == nil ? nil : .bounds(low: low, high: high)
            }

            /// A column whose intervals are `values[zone] ± halfWidths[zone]`, bounds made only when
            /// read or stored.
            public init(name: String, values: [Double], halfWidths: [Double]) {
                self.name = name
                self.values = values
                self.intervals = .halfWidths(halfWidths)
            }

            /// Whether two columns hold the same name, values and bounds, however their intervals are held.
            public static func == (a: Column, b: Column) -> Bool {
                a.name == b.name && a.values == b.values && a.low == b.low && a.high == b.high
            }

            /// How many bounds each interval column holds, when they differ from the zone count.
            var intervalLengths: [Int] {
                switch intervals {
                case .bounds(let low, let high): [low?.count, high?.count].compactMap { $0 }
                case .halfWidths(let halves): [halves.count]
                case nil: []
                }
            }
        }

        /// A table of `columns` over `zoneIDs`.
        public init(zoneIDs: [String], columns: [Column]) {
            self.zoneIDs = zoneIDs
            self.columns = columns
        }
    }

    /// An indicator value for the territory (subject ""), a zone or an actor.
    public struct Value: Sendable, Equatable {
        /// What a value describes; the subject id is empty for the territory.
        public enum Scope: String, Sendable { case territory, zone, actor }
        /// What the value describes: the territory, a zone or an actor.
        public var scope: Scope
        /// The zone or actor id; empty for the territory.
        public var subjectID: String
        /// 1…N for one replication; 0 for the mean over replications.
        public var replication: Int
        /// The indicator's name, such as `emergency_wait_minutes_mean`.
        public var name: String
        /// The value; nil when undefined (no patient counted, say).
        public var value: Double?
        /// The lower 95 % bound, for a mean over replications.
        public var low: Double?
        /// The upper 95 % bound, for a mean over replications.
        public var high: Double?

        /// A value; the interval is given only for means over replications.
        public init(
            scope: Scope, subjectID: String, replication: Int, name: String, value: Double?, low: Double? = nil,
            high: Double? = nil
        ) {
            self.scope = scope
            self.subjectID = subjectID
            self.replication = replication
            self.name = name
            self.value = value
            self.low = low
            self.high = high
        }
    }

    /// One value per simulated day, the first on the start date; nil where undefined.
    public struct Series: Sendable, Equatable {
        /// The series' name, such as `hospital_beds.used`.
        public var name: String
        /// One value per simulated day, in day order.
        public var values: [Double?]

        /// A daily series.
        public init(name: String, values: [Double?]) {
            self.name = name
            self.values = values
        }
    }

    /// A run to save; the database assigns its id and records when and by which version it was computed.
    public init(
        parameters: String, events: String, days: Int, seed: String, replications: Int, sample: Double = 1,
        inputsFingerprint: String, values: [Value], series: [Series] = [], zoneTable: ZoneTable? = nil
    ) {
        self.zoneTable = zoneTable
        self.sample = sample
        self.series = series
        self.parameters = parameters
        self.events = events
        self.days = days
        self.seed = seed
        self.replications = replications
        self.inputsFingerprint = inputsFingerprint
        self.values = values
    }
}

extension SimulationRun.Value {
    /// Whether this value comes before `other` in `simulation_value`'s primary key (scope, subject,
    /// replication, name), text compared byte by byte as SQLite's BINARY collation does.
    public func precedes(_ other: SimulationRun.Value) -> Bool {
        if scope != other.scope { return scope.rawValue.utf8.lexicographicallyPrecedes(other.scope.rawValue.utf8) }
        if !subjectID.utf8.elementsEqual(other.subjectID.utf8) {
            return subjectID.utf8.lexicographicallyPrecedes(other.subjectID.utf8)
        }
        if replication != other.replication { return replication < other.replication }
        return name.utf8.lexicographicallyPrecedes(other.name.utf8)
    }
}

extension [SimulationRun.Value] {
    /// Whether the values are in `simulation_value`'s primary-key order (one pass).
    var isInPrimaryKeyOrder: Bool {
        indices.dropFirst().allSatisfy { !self[$0].precedes(self[$0 - 1]) }
    }
}

extension TerritoryDatabase {
    /// Stores a simulation run, its values and series in one transaction; returns the run's id.
    @discardableResult
    public func save(_ run: SimulationRun) throws -> Int64 {
        try write { db in try Self.insert(run, into: db) }
    }

    /// Inserts a simulation run within the caller's transaction.
    static func insert(_ run: SimulationRun, into db: Database) throws -> Int64 {
        do {
            try db.execute(
                sql: """
                    INSERT INTO simulation_run(parameters, events, days, seed, replications, sample, inputs_fingerprint, created_at, maillage_version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    run.parameters, run.events, run.days, run.seed, run.replications, run.sample, run.inputsFingerprint,
                    StoredTimestamp.text(), MaillageVersion.current,
                ])
            let id = db.lastInsertedRowID
            // Rows bound through SQLite's C interface, many per statement: one GRDB execution
            // per value was most of storing the 15.2 million values of a 200,000-zone run (perf).
            let insert = MultiRowInsert(
                db,
                head:
                    "INSERT INTO simulation_value(run_id, scope, subject_id, replication, name, value, ci_low, ci_high) VALUES ",
                width: 8)
            var batch: [SimulationRun.Value] = []
            batch.reserveCapacity(MultiRowInsert.defaultMaxRows)
            func flush() throws {
                try insert.run(batch) { value, binder in
                    try binder.bind(Int(id))
                    try binder.bind(value.scope.rawValue)
                    try binder.bind(value.subjectID)
                    try binder.bind(value.replication)
                    try binder.bind(value.name)
                    try binder.bind(value.value.flatMap { $0.isNaN ? nil : $0 })
                    try binder.bind(value.low.flatMap { $0.isNaN ? nil : $0 })
                    try binder.bind(value.high.flatMap { $0.isNaN ? nil : $0 })
                }
                batch.removeAll(keepingCapacity: true)
            }
            // In primary-key order: a value out of order lands on a page of its own in the b-tree,
            // and with zone values column by column every insert touched another page, each
            // rewritten into the WAL again and again (200,000 zones: 3.7 GB written for an 875 MB
            // table, 13 GB under memory pressure). Runs built by `SimulationRecord` come in order.
            func store(_ value: SimulationRun.Value) throws {
                batch.append(value)
                if batch.count == MultiRowInsert.defaultMaxRows { try flush() }
            }
            if run.values.isInPrimaryKeyOrder {
                for value in run.values { try store(value) }
            } else {
                for index in run.values.indices.sorted(by: { run.values[$0].precedes(run.values[$1]) }) {
                    try store(run.values[index])
                }
            }
            try flush()
            if let table = run.zoneTable { try insertZoneTable(table, run: id, into: db) }
            let point = try db.cachedStatement(
                sql: "INSERT INTO simulation_series(run_id, name, day, value) VALUES (?, ?, ?, ?)")
            for series in run.series {
                for (day, value) in series.values.enumerated() {
                    try point.execute(arguments: [id, series.name, day, value.flatMap { $0.isFinite ? $0 : nil }])
                }
            }
            return id
        }
    }

    /// The ids of the stored simulation runs, oldest first.
    public func simulationRunIDs() throws -> [Int64] {
        try read { try Int64.fetchAll($0, sql: "SELECT id FROM simulation_run ORDER BY id") }
    }
}
