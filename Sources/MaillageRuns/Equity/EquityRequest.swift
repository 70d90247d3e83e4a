import MaillageAccess

/// What an equity analysis of a stored indicator run is asked: the run, its column, and where to write.
public struct EquityRequest {
    /// The territory database holding the run.
    public var database: String
    /// The indicator run to analyse.
    public var run: Int64
    /// The run's value column; nil picks the run's only numeric one (coverage flags aside).
    public var column: String?
    /// A second run on the same zones: the change of each measure to it, with paired bootstrap intervals.
    public var against: Int64?
    /// Bootstrap resamples of the zones for the intervals of `against`.
    public var bootstrap: Int
    /// Weighting, grouping, ranking, thresholds, neighbourhood and permutations of the analysis.
    public var options: EquityAnalysis.Options
    /// The results file: `.csv` (one row per measure) or `.json` (an ``EquityRecord``).
    public var out: String
    /// Also the local Moran of each zone: `.csv` or `.geojson`.
    public var zonesOut: String?

    /// Creates a request; `options` defaults to the analysis' own defaults.
    public init(
        database: String, run: Int64, column: String? = nil, against: Int64? = nil, bootstrap: Int = 999,
        options: EquityAnalysis.Options = .init(), out: String, zonesOut: String? = nil
    ) {
        self.database = database
        self.run = run
        self.column = column
        self.against = against
        self.bootstrap = bootstrap
        self.options = options
        self.out = out
        self.zonesOut = zonesOut
    }
}
