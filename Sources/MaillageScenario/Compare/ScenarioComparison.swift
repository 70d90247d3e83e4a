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
    public var rows: [Row]

    /// Pairs the two outcomes replication by replication (they share seeds: common random
    /// numbers). Indicators are matched by name and source, zones by id.
    public init(baseline base: ScenarioOutcome, alternative alt: ScenarioOutcome) {
        baseline = base.name
        alternative = alt.name
        var rows: [Row] = []
        let altZones = Dictionary(alt.zoneIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        for series in base.series {
            guard let other = alt.series.first(where: { $0.name == series.name && $0.source == series.source }) else { continue }
            if let territory = PairedDifference(baseline: series.territory, alternative: other.territory) {
                rows.append(Row(indicator: series.name, source: series.source, zoneID: "*", difference: territory,
                                discovery: territory.isSignificant))
            }
            guard let baseZones = series.zones, let otherZones = other.zones else { continue }
            var zoneRows: [Row] = []
            for (zone, id) in base.zoneIDs.enumerated() {
                guard let position = altZones[id],
                      let difference = PairedDifference(baseline: baseZones[zone], alternative: otherZones[position]) else { continue }
                zoneRows.append(Row(indicator: series.name, source: series.source, zoneID: id, difference: difference, discovery: false))
            }
            let flags = FalseDiscovery.benjaminiHochberg(zoneRows.map(\.difference.pValue))
            for (position, flag) in flags.enumerated() { zoneRows[position].discovery = flag }
            rows += zoneRows
        }
        self.rows = rows
    }
}
