/// One alternative set against the baseline, indicator by indicator, zone by zone.
public struct ScenarioComparison: Sendable {
    public struct Row: Sendable {
        public var indicator: String
        /// A zone id, or `*` for the territory-wide value.
        public var zoneID: String
        public var difference: PairedDifference
        /// Benjamini–Hochberg flag across the zones of the indicator (true for `*` when significant).
        public var discovery: Bool
    }

    public var baseline: String
    public var alternative: String
    public var rows: [Row]

    /// Compares indicators computed per replication: `base[r]` and `alt[r]` share replication
    /// r's seed (common random numbers). Indicators are matched by label, zones by id.
    public init(baseline: String, alternative: String,
                base: [[ScenarioRunner.IndicatorResult]], alt: [[ScenarioRunner.IndicatorResult]]) {
        self.baseline = baseline
        self.alternative = alternative
        var rows: [Row] = []
        for (index, spec) in (base.first ?? []).map(\.spec).enumerated() {
            guard let altIndex = alt.first?.firstIndex(where: { $0.spec.label == spec.label }) else { continue }
            let baseRuns = base.map { $0[index] }, altRuns = alt.map { $0[altIndex] }
            if let territory = PairedDifference(baseline: baseRuns.map(\.territoryValue), alternative: altRuns.map(\.territoryValue)) {
                rows.append(Row(indicator: spec.label, zoneID: "*", difference: territory, discovery: territory.isSignificant))
            }
            let altZones = Dictionary(altRuns[0].zoneIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            var zoneRows: [Row] = []
            for (zone, id) in baseRuns[0].zoneIDs.enumerated() {
                guard let other = altZones[id],
                      let difference = PairedDifference(baseline: baseRuns.map { $0.values[zone] }, alternative: altRuns.map { $0.values[other] })
                else { continue }
                zoneRows.append(Row(indicator: spec.label, zoneID: id, difference: difference, discovery: false))
            }
            let flags = FalseDiscovery.benjaminiHochberg(zoneRows.map(\.difference.pValue))
            for (position, flag) in flags.enumerated() { zoneRows[position].discovery = flag }
            rows += zoneRows
        }
        self.rows = rows
    }
}
