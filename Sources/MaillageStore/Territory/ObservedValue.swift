import GRDB

/// One observed figure: a series (`PASSU`, `dt80`…) of one subject in one year, with its source.
public struct ObservedValue: Sendable, Hashable, Codable {
    /// Which kind of subject the value describes.
    public enum Scope: String, Sendable, Hashable, Codable, CaseIterable {
        case actor, zone, territory
    }

    /// Whether the value describes an actor, a zone or the whole territory.
    public var scope: Scope
    /// The actor id (FINESS site number), zone id, or the territory's name.
    public var subjectID: String
    /// The series' name as the source publishes it (`PASSU`, `dt80`).
    public var series: String
    /// The year the figure describes.
    public var year: Int
    /// The observed figure, in the series' own unit.
    public var value: Double
    /// Where the value comes from (file name and its publisher).
    public var source: String

    /// An observed figure with its source.
    public init(scope: Scope, subjectID: String, series: String, year: Int, value: Double, source: String) {
        self.scope = scope
        self.subjectID = subjectID
        self.series = series
        self.year = year
        self.value = value
        self.source = source
    }
}

extension TerritoryWriter {
    /// Stores an observed value, replacing the one of the same subject, series, year and source.
    ///
    /// - Returns: whether the row is new.
    @discardableResult
    public func upsert(_ observed: ObservedValue) throws -> Bool {
        let existed =
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT 1 FROM observed_value WHERE scope = ? AND subject_id = ? AND series = ? AND year = ? AND source = ?
                    """,
                arguments: [
                    observed.scope.rawValue, observed.subjectID, observed.series, observed.year, observed.source,
                ]) ?? false
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO observed_value (scope, subject_id, series, year, value, source) VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                observed.scope.rawValue, observed.subjectID, observed.series, observed.year, observed.value,
                observed.source,
            ])
        return !existed
    }
}

extension TerritoryDatabase {
    /// The observed values of `series` (every series when nil) in `year` (every year when nil),
    /// ordered by scope, subject, series, year and source.
    ///
    /// - Parameter series: the series to read (`PASSU`); every series when nil.
    /// - Parameter year: the year to read; every year when nil.
    /// - Parameter loadedOnly: keep only actors and zones the territory has.
    public func observedValues(series: String? = nil, year: Int? = nil, loadedOnly: Bool = false) throws
        -> [ObservedValue]
    {
        try read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let series {
                conditions.append("series = ?")
                arguments += [series]
            }
            if let year {
                conditions.append("year = ?")
                arguments += [year]
            }
            if loadedOnly {
                conditions.append(
                    """
                    ((scope = 'actor' AND subject_id IN (SELECT id FROM actor)) OR (scope = 'zone' AND subject_id IN (SELECT id FROM zone)) OR scope = 'territory')
                    """)
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT scope, subject_id, series, year, value, source FROM observed_value \(filter)
                    ORDER BY scope, subject_id, series, year, source
                    """, arguments: arguments)
            return rows.map { row in
                ObservedValue(
                    scope: ObservedValue.Scope(rawValue: row["scope"]) ?? .actor, subjectID: row["subject_id"],
                    series: row["series"], year: row["year"], value: row["value"], source: row["source"])
            }
        }
    }
}
