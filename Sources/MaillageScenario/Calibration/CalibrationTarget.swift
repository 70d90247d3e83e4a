/// One figure a calibration fits: a simulated territory indicator (or the ratio of two)
/// against an observed total (or the ratio of two observed totals over the same subjects).
public struct CalibrationTarget: Sendable, Equatable, Codable {
    /// The target's name in the fit tables (`visits_per_inhabitant`).
    public var name: String
    /// The simulated indicator, as `simulate --json` names it.
    public var indicator: String
    /// Divides `indicator` when given (`admissions_from_emergency_per_inhabitant` over `emergency_visits_per_inhabitant`).
    public var indicatorOver: String?
    /// The observed series (`PASSU`…), summed over the scope's subjects.
    public var series: String
    /// Divides the observed sum when given (`dtMCO` over `PASSU`), over the subjects having both.
    public var seriesOver: String?
    /// `actor` (the territory's sites), `zone` or `territory`.
    public var scope: String
    /// Divide the observed sum by the territory's inhabitants.
    public var perInhabitant: Bool
    /// The target's weight in the objective.
    public var weight: Double

    /// A target; the defaults sum the series over the territory's actors with weight 1.
    public init(
        name: String, indicator: String, indicatorOver: String? = nil, series: String, seriesOver: String? = nil,
        scope: String = "actor", perInhabitant: Bool = false, weight: Double = 1
    ) {
        self.name = name
        self.indicator = indicator
        self.indicatorOver = indicatorOver
        self.series = series
        self.seriesOver = seriesOver
        self.scope = scope
        self.perInhabitant = perInhabitant
        self.weight = weight
    }

    /// The observed value in `year`, nil when the table lacks it.
    public func observed(in table: ObservedTable, year: Int) -> Double? {
        if let seriesOver {
            let both = table.subjects(series: series, year: year, scope: scope).intersection(
                table.subjects(series: seriesOver, year: year, scope: scope))
            guard let top = table.total(series: series, year: year, scope: scope, subjects: both),
                let bottom = table.total(series: seriesOver, year: year, scope: scope, subjects: both), bottom > 0
            else { return nil }
            return top / bottom
        }
        guard let total = table.total(series: series, year: year, scope: scope) else { return nil }
        return perInhabitant ? (table.population > 0 ? total / table.population : nil) : total
    }

    /// The simulated value among a run's indicators.
    public func simulated(_ indicators: [(name: String, value: Double)]) -> Double? {
        func value(_ name: String) -> Double? { indicators.first { $0.name == name }?.value }
        guard let top = value(indicator) else { return nil }
        guard let indicatorOver else { return top }
        guard let bottom = value(indicatorOver), bottom != 0 else { return nil }
        return top / bottom
    }
}
