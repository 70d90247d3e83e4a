/// One alternative paired with the baseline, replication by replication, indicator by
/// indicator and zone by zone, without keeping the values.
struct AlternativePairing: Sendable {
    /// One indicator of the baseline matched with the alternative's (same name and source).
    struct Series: Sendable {
        var name: String
        var source: IndicatorSeries.Source
        var baseline: Int
        var alternative: Int
        var territory = PairedAccumulator()
        /// Per baseline zone; empty when either scenario does not keep the indicator per zone.
        var zones: [PairedAccumulator]
    }

    private(set) var series: [Series]
    /// `zonePositions[z]`: the alternative's position of the baseline's zone z (nil: not in the alternative).
    private let zonePositions: [Int?]
    private let baselineZones: [String]

    /// Matches indicators and zones once both replication-0 jobs are folded.
    init(baseline: ScenarioFold, alternative: ScenarioFold) {
        baselineZones = baseline.zoneIDs
        let positions = Dictionary(alternative.zoneIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        zonePositions = baseline.zoneIDs.map { positions[$0] }
        series = baseline.series.enumerated().compactMap { index, base in
            guard let other = alternative.series.firstIndex(where: { $0.name == base.name && $0.source == base.source })
            else { return nil }
            let perZone = base.isPerZone && alternative.series[other].isPerZone
            return Series(
                name: base.name, source: base.source, baseline: index, alternative: other,
                zones: Array(repeating: PairedAccumulator(), count: perZone ? baseline.zoneIDs.count : 0))
        }
    }

    /// Folds one replication: the baseline's values and the alternative's, by series position.
    mutating func pair(baseline: [SeriesValues?], alternative: [SeriesValues?]) {
        for index in series.indices {
            let matched = series[index]
            guard matched.baseline < baseline.count, matched.alternative < alternative.count,
                let base = baseline[matched.baseline], let other = alternative[matched.alternative]
            else { continue }
            for (b, a) in zip(base.territory, other.territory) {
                series[index].territory.add(baseline: b, alternative: a)
            }
            guard !matched.zones.isEmpty, let baseZones = base.zones, let otherZones = other.zones else { continue }
            for (zone, position) in zonePositions.enumerated() {
                guard let position, position < otherZones.count else { continue }
                series[index].zones[zone].add(baseline: baseZones[zone], alternative: otherZones[position])
            }
        }
    }

    /// The rows: per indicator the territory `*`, then its zones with Benjamini–Hochberg flags.
    func comparison(baseline: String, alternative: String) -> ScenarioComparison {
        var rows: [ScenarioComparison.Row] = []
        for matched in series {
            if let territory = PairedDifference(matched.territory) {
                rows.append(
                    .init(
                        indicator: matched.name, source: matched.source, zoneID: "*", difference: territory,
                        discovery: territory.isSignificant))
            }
            var zoneRows: [ScenarioComparison.Row] = []
            for (zone, pairs) in matched.zones.enumerated() {
                guard let difference = PairedDifference(pairs) else { continue }
                zoneRows.append(
                    .init(
                        indicator: matched.name, source: matched.source, zoneID: baselineZones[zone],
                        difference: difference,
                        discovery: false))
            }
            let flags = FalseDiscovery.benjaminiHochberg(zoneRows.map(\.difference.pValue))
            for (position, flag) in flags.enumerated() { zoneRows[position].discovery = flag }
            rows += zoneRows
        }
        return ScenarioComparison(baseline: baseline, alternative: alternative, rows: rows)
    }
}
