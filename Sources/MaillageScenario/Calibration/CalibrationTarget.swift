import MaillageSim

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
    /// How the target's miss counts in the objective.
    public var error: TargetError
    /// Fit each observed site on its own (``CalibrationSpec/expandingPerSiteTargets(observed:territory:)``).
    public var perSite: Bool
    /// The only subjects the target observes (one site, once a per-site target is expanded); nil = all.
    public var sites: Set<String>?

    /// A target; the defaults sum the series over the territory's actors with weight 1.
    public init(
        name: String, indicator: String, indicatorOver: String? = nil, series: String, seriesOver: String? = nil,
        scope: String = "actor", perInhabitant: Bool = false, weight: Double = 1, error: TargetError = .relative,
        perSite: Bool = false, sites: Set<String>? = nil
    ) {
        self.name = name
        self.indicator = indicator
        self.indicatorOver = indicatorOver
        self.series = series
        self.seriesOver = seriesOver
        self.scope = scope
        self.perInhabitant = perInhabitant
        self.weight = weight
        self.error = error
        self.perSite = perSite
        self.sites = sites
    }

    /// The per-site indicators a target may name: each simulated emergency department's visits,
    /// visits of the oldest age band and admissions, summed over the sites the target observes.
    public static let siteIndicators = [
        "site_emergency_visits", "site_emergency_visits_oldest_band", "site_emergency_admissions",
    ]

    /// Whether `name` is one of ``siteIndicators``.
    public static func isSiteIndicator(_ name: String) -> Bool { siteIndicators.contains(name) }

    /// The subjects the target observes in `year`: those with `series` (and `seriesOver`), within `within` when given.
    public func subjects(in table: ObservedTable, year: Int, within: Set<String>? = nil) -> Set<String> {
        var subjects = table.subjects(series: series, year: year, scope: scope)
        if let seriesOver { subjects.formIntersection(table.subjects(series: seriesOver, year: year, scope: scope)) }
        if let observing = observing(within) { subjects.formIntersection(observing) }
        return subjects
    }

    /// The observed value in `year` (over `within`'s subjects when given), nil when the table lacks it.
    public func observed(in table: ObservedTable, year: Int, within: Set<String>? = nil) -> Double? {
        if let seriesOver {
            let both = subjects(in: table, year: year, within: within)
            guard let top = table.total(series: series, year: year, scope: scope, subjects: both),
                let bottom = table.total(series: seriesOver, year: year, scope: scope, subjects: both), bottom > 0
            else { return nil }
            return top / bottom
        }
        guard let total = table.total(series: series, year: year, scope: scope, subjects: observing(within)) else {
            return nil
        }
        return perInhabitant ? (table.population > 0 ? total / table.population : nil) : total
    }

    /// `within`, narrowed to ``sites`` when the target observes only those (nil = every subject).
    private func observing(_ within: Set<String>?) -> Set<String>? {
        guard let sites else { return within }
        return within?.intersection(sites) ?? sites
    }

    /// The simulated value among a run's indicators, or for a site indicator the sum over `sites` of `subjects`.
    public func simulated(
        _ indicators: [(name: String, value: Double)], sites: [EmergencySiteCounts] = [], subjects: Set<String> = []
    ) -> Double? {
        func value(_ name: String) -> Double? {
            guard Self.isSiteIndicator(name) else { return indicators.first { $0.name == name }?.value }
            let counted = sites.filter { subjects.contains($0.actorID) }
            switch name {
            case "site_emergency_visits": return counted.reduce(0) { $0 + $1.visits }
            case "site_emergency_visits_oldest_band": return counted.reduce(0) { $0 + $1.visitsOldestBand }
            default: return counted.reduce(0) { $0 + $1.admissions }
            }
        }
        guard let top = value(indicator) else { return nil }
        guard let indicatorOver else { return top }
        guard let bottom = value(indicatorOver), bottom != 0 else { return nil }
        return top / bottom
    }
}
