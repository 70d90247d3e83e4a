/// One alternative set against the baseline, indicator by indicator, zone by zone.
public struct ScenarioComparison: Sendable {
    /// One indicator's difference in one zone (or the territory).
    public struct Row: Sendable {
        /// The indicator's name.
        public var indicator: String
        /// Accessibility or simulation.
        public var source: IndicatorSeries.Source
        /// A zone id, or `*` for the territory-wide value.
        public var zoneID: String
        /// The paired difference, alternative − baseline.
        public var difference: PairedDifference
        /// Benjamini–Hochberg flag across the zones of the indicator (true for `*` when significant).
        public var discovery: Bool
    }

    /// The baseline scenario's name.
    public var baseline: String
    /// The alternative's name.
    public var alternative: String
    /// Per indicator of the baseline that the alternative also has (same name and source):
    /// the territory row `*`, then one row per zone of the baseline found in the alternative.
    public var rows: [Row]
}
