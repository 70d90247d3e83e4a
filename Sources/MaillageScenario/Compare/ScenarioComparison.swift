/// One alternative set against the baseline, indicator by indicator, zone by zone.
public struct ScenarioComparison: Sendable {
    public struct Row: Sendable {
        public var indicator: String
        public var source: IndicatorSeries.Source
        /// A zone id, or `*` for the territory-wide value.
        public var zoneID: String
        public var difference: PairedDifference
        /// Benjamini–Hochberg flag across the zones of the indicator (true for `*` when significant).
        public var discovery: Bool
    }

    public var baseline: String
    public var alternative: String
    /// Per indicator of the baseline that the alternative also has (same name and source):
    /// the territory row `*`, then one row per zone of the baseline found in the alternative.
    public var rows: [Row]
}
