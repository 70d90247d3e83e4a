/// One scenario's outcome, folded job by job: territory values kept (one per replication),
/// zone values summarised as they come.
struct ScenarioFold: Sendable {
    /// One indicator being folded.
    struct Series: Sendable {
        var name: String
        var source: IndicatorSeries.Source
        var territory: [Double] = []
        var isPerZone: Bool
        var zones: [RunningStatistics]

        mutating func add(_ values: SeriesValues) {
            territory += values.territory
            guard isPerZone, let zoneValues = values.zones else { return }
            for (zone, value) in zoneValues.enumerated() { zones[zone].add(value) }
        }
    }

    let name: String
    let file: String
    private(set) var zoneIDs: [String] = []
    private(set) var series: [Series] = []
    /// The simulation's indicators as replication 0 gave them: every later job must give the same.
    private var simulated: [String] = []

    init(name: String, file: String) {
        self.name = name
        self.file = file
    }

    /// Folds one job (replication 0 first, which brings the zones) and returns its values by
    /// position in ``series`` (nil for an indicator this job does not give), for pairing.
    mutating func fold(_ result: JobResult) throws -> [SeriesValues?] {
        if result.job.replication == 0 {
            guard let ids = result.zoneIDs else {
                throw ScenarioError(file: file, reason: "the results of replication 1 (with the zones) are missing")
            }
            zoneIDs = ids
        }
        let values = try SeriesValues.of(result, zoneCount: zoneIDs.count, file: file)
        if result.job.replication == 0 {
            series = values.map {
                Series(
                    name: $0.name, source: $0.source, isPerZone: $0.zones != nil,
                    zones: Array(repeating: RunningStatistics(), count: $0.zones == nil ? 0 : zoneIDs.count))
            }
            simulated = values.filter { $0.source == .simulation }.map(\.name)
        } else if values.map(\.name) != simulated || values.contains(where: { $0.source != .simulation }) {
            throw ScenarioError(
                file: file,
                reason: "the results of \(result.job) do not hold the indicators of replication 1; run that job again")
        }
        // Replication 0 gives every indicator; later ones only the simulation's, which come last.
        let offset = series.count - values.count
        var byPosition = [SeriesValues?](repeating: nil, count: series.count)
        for (index, value) in values.enumerated() {
            series[offset + index].add(value)
            byPosition[offset + index] = value
        }
        return byPosition
    }

    var outcome: ScenarioOutcome {
        ScenarioOutcome(
            name: name, zoneIDs: zoneIDs,
            series: series.map {
                IndicatorSeries(
                    name: $0.name, source: $0.source, territory: $0.territory, zones: $0.isPerZone ? $0.zones : nil)
            })
    }
}
