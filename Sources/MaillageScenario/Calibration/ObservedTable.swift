/// The observed figures a calibration reads (the database's `observed_value` rows for the
/// actors and zones the territory has), as plain values so this module needs no storage.
public struct ObservedTable: Sendable {
    /// One observed figure.
    public struct Row: Sendable, Equatable {
        /// `actor`, `zone` or `territory`.
        public var scope: String
        /// The actor's or zone's id.
        public var subject: String
        /// The series (`PASSU`, `dtMCO`…).
        public var series: String
        /// The year observed.
        public var year: Int
        /// The figure.
        public var value: Double

        /// A figure of `series` for `subject` in `year`.
        public init(scope: String, subject: String, series: String, year: Int, value: Double) {
            self.scope = scope
            self.subject = subject
            self.series = series
            self.year = year
            self.value = value
        }
    }

    /// Every observed figure of the territory's actors and zones.
    public var rows: [Row]
    /// Inhabitants of the territory, for targets per inhabitant.
    public var population: Double

    /// A table of `rows` for a territory of `population` inhabitants.
    public init(rows: [Row], population: Double) {
        self.rows = rows
        self.population = population
    }

    /// The sum of `series` in `year` over the subjects of `scope`, restricted to `subjects`
    /// when given; nil when there is no such row.
    func total(series: String, year: Int, scope: String, subjects: Set<String>? = nil) -> Double? {
        let matching = rows.filter {
            $0.series == series && $0.year == year && $0.scope == scope && (subjects?.contains($0.subject) ?? true)
        }
        return matching.isEmpty ? nil : matching.reduce(0) { $0 + $1.value }
    }

    /// The subjects with a value of `series` in `year`.
    func subjects(series: String, year: Int, scope: String) -> Set<String> {
        Set(rows.filter { $0.series == series && $0.year == year && $0.scope == scope }.map(\.subject))
    }
}
