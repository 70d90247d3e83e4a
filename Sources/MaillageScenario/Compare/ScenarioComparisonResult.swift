/// A whole comparison put together from its jobs' results, wherever they ran.
///
/// The result depends only on the plan and on the jobs' values, never on the order they
/// arrive in or the machine they ran on: one machine and a merge of shards give the same.
public struct ScenarioComparisonResult: Sendable {
    public var plan: ComparisonPlan
    /// One per scenario, in plan order (the baseline first).
    public var outcomes: [ScenarioOutcome]
    /// One per alternative, against the baseline.
    public var comparisons: [ScenarioComparison]

    /// - Throws: ``ScenarioError`` when a job is missing, given twice, or not in the plan.
    public init(plan: ComparisonPlan, results: [JobResult]) throws {
        self.plan = plan
        let byJob = try Self.index(results, plan: plan)
        let outcomes = try plan.scenarios.enumerated().map { index, scenario in
            try Self.outcome(scenario, jobs: plan.jobs.filter { $0.scenario == index }.compactMap { byJob[$0] })
        }
        self.outcomes = outcomes
        comparisons = outcomes.dropFirst().map { ScenarioComparison(baseline: outcomes[0], alternative: $0) }
    }

    private static func index(_ results: [JobResult], plan: ComparisonPlan) throws -> [ComparisonJob: JobResult] {
        var byJob: [ComparisonJob: JobResult] = [:]
        let planned = Set(plan.jobs)
        for result in results {
            guard planned.contains(result.job) else {
                throw ScenarioError(file: "merge", reason: "a result for \(result.job) is not part of this comparison")
            }
            guard byJob.updateValue(result, forKey: result.job) == nil else {
                throw ScenarioError(file: "merge", reason: "\(result.job) was given twice (the same shard merged twice?)")
            }
        }
        let missing = plan.jobs.filter { byJob[$0] == nil }
        guard missing.isEmpty else {
            let listed = missing.prefix(5).map(\.description).joined(separator: "; ")
            throw ScenarioError(file: "merge", reason: "\(missing.count) of \(plan.jobs.count) jobs are missing (\(listed)\(missing.count > 5 ? "; …" : "")): merge every shard")
        }
        return byJob
    }

    private static func outcome(_ scenario: Scenario, jobs: [JobResult]) throws -> ScenarioOutcome {
        guard let first = jobs.first, let zoneIDs = first.zoneIDs else {
            throw ScenarioError(file: scenario.file, reason: "the results of replication 1 (with the zones) are missing")
        }
        var series = first.access.map {
            IndicatorSeries(name: $0.label, source: .access, territory: $0.territory.values, zones: $0.zones.values.map { [$0] })
        }
        let simulated = jobs.compactMap(\.simulation)
        if let names = simulated.first?.territoryNames, simulated.count == jobs.count {
            for (position, name) in names.enumerated() {
                let territory = simulated.map { $0.territory.values[position] }
                let column = simulated[0].zoneNames.firstIndex(of: name)
                let zones = column.map { column in zoneIDs.indices.map { zone in simulated.map { $0.zones[column].values[zone] } } }
                series.append(IndicatorSeries(name: name, source: .simulation, territory: territory, zones: zones))
            }
        }
        return ScenarioOutcome(name: scenario.name, zoneIDs: zoneIDs, series: series)
    }
}
