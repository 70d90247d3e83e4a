/// The indicators of one replication, territory-wide and per zone, before any averaging.
///
/// Comparisons pair these replication by replication (common random numbers); a run's
/// ``SimulationResult`` averages them instead.
public struct ReplicationIndicators: Sendable, Equatable {
    /// The replication's index (its random stream): the same index in two scenarios shares draws.
    public var replication: Int
    /// Territory-wide indicators in a fixed order, names as in ``SimulationResult``.
    public var territory: [(name: String, value: Double)]
    /// Zone indicators: `zoneValues[c][z]` is column `zoneColumns[c]` for zone `z` (NaN = undefined).
    public var zoneColumns: [String]
    /// The values of each zone column, `zoneValues[c][z]`.
    public var zoneValues: [[Double]]
    /// Each emergency department's visits, visits of the oldest band and admissions (a year, everyone).
    public var sites: [EmergencySiteCounts]

    /// One replication's indicators.
    public init(
        replication: Int, territory: [(name: String, value: Double)], zoneColumns: [String], zoneValues: [[Double]],
        sites: [EmergencySiteCounts] = []
    ) {
        self.replication = replication
        self.territory = territory
        self.zoneColumns = zoneColumns
        self.zoneValues = zoneValues
        self.sites = sites
    }

    /// Equal when every value has the same bits, NaN included: replications are compared for determinism.
    public static func == (a: Self, b: Self) -> Bool {
        a.replication == b.replication && a.zoneColumns == b.zoneColumns
            && a.territory.map(\.name) == b.territory.map(\.name)
            && zip(a.territory, b.territory).allSatisfy { $0.value.bitPattern == $1.value.bitPattern }
            && a.zoneValues.count == b.zoneValues.count
            && zip(a.zoneValues, b.zoneValues).allSatisfy { $0.map(\.bitPattern) == $1.map(\.bitPattern) }
            && a.sites == b.sites
    }

    /// Derives the indicators from one replication's tallies, with the formulas of a run.
    init(_ result: ReplicationResult, replication: Int, network: CareNetwork, days: Int) {
        let zones = network.zoneCount
        let scale = 365 / Double(days)
        var sums = [Double](repeating: 0, count: Tally.count)
        for zone in 0..<zones {
            for index in 0..<Tally.count { sums[index] += result.zoneTally.value(index, zone: zone) }
        }
        territory =
            (IndicatorFormulas.derive(sums, yearScale: scale) + IndicatorFormulas.occupancies(result, network: network))
            .map { (name: $0.0, value: $0.1) }
        var columns: [String] = []
        var values: [[Double]] = []
        for zone in 0..<zones {
            let slice = result.zoneTally.values(zone: zone)
            let derived = IndicatorFormulas.derive(slice, yearScale: scale)
            if columns.isEmpty {
                columns = derived.map(\.0)
                values = columns.map { _ in [Double](repeating: .nan, count: zones) }
            }
            for (index, (_, value)) in derived.enumerated() { values[index][zone] = value }
        }
        self.replication = replication
        zoneColumns = columns
        zoneValues = values
        sites = EmergencySiteCounts.sites(result, network: network, days: days)
    }
}
