import Foundation
import MaillageTestSupport
import Testing

@testable import MaillageScenario

/// The streaming accumulation against hand computations: Welford's running statistics, and a
/// whole comparison of two scenarios × 3 replications × 2 zones folded job by job.
@Suite struct ComparisonAccumulatorTests {
    let folder = try! TemporaryFolder()

    @Test func runningStatisticsByHand() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32, variance 32/7.
        let s = RunningStatistics([2, 4, .nan, 4, 4, 5, 5, 7, 9])
        #expect(s.count == 8 && s.mean == 5)
        #expect(abs(s.variance - 32.0 / 7) < 1e-12)
        #expect(RunningStatistics().mean.isNaN && RunningStatistics([3]).variance == 0)
        // Far from 0, where Σx² − n·mean² loses every digit: 1e9 + {4, 7, 13, 16}, deviations ±6, ±3, variance 90/3 = 30.
        let far = RunningStatistics([4, 7, 13, 16].map { 1e9 + $0 })
        #expect(abs(far.mean - (1e9 + 10)) < 1e-6 && abs(far.variance - 30) < 1e-6)
    }

    @Test func pairedAccumulatorByHand() throws {
        // Pairs (1, 2), (NaN, 5) left out, (3, 5): differences 1 and 2, mean 1.5, variance 0.5,
        // standard error √(0.5/2) = 0.5, t(0.975, 1) = 12.706205 (tables).
        var pairs = PairedAccumulator()
        for (b, a) in [(1.0, 2.0), (.nan, 5), (3, 5)] { pairs.add(baseline: b, alternative: a) }
        #expect(
            pairs.count == 2 && pairs.baselineMean == 2 && pairs.alternativeMean == 3.5 && pairs.differenceMean == 1.5)
        #expect(abs(pairs.differenceVariance - 0.5) < 1e-15)
        let d = try #require(PairedDifference(pairs))
        #expect(
            d.replications == 2 && abs(d.lower - (1.5 - 12.706205 * 0.5)) < 1e-6
                && abs(d.upper - (1.5 + 12.706205 * 0.5)) < 1e-6)
        #expect(PairedDifference(PairedAccumulator()) == nil)
    }

    /// Two simulated scenarios, 3 replications, zones A and B, one access indicator and one
    /// simulation indicator `x` kept per zone; every expected figure is worked out in the comments.
    @Test func aComparisonFoldedJobByJobMatchesTheHandComputation() throws {
        try folder.write(
            "base.yaml",
            "name: base\nterritory: t.db\nreplications: 3\nindicators:\n  - {method: nearest, kind: hospital, service: emergency}\n"
        )
        try folder.write("alt.yaml", "extends: base.yaml\nname: alt\n")
        let plan = try ComparisonPlan(
            scenarios: try ScenarioLoader.loadComparison([folder.path("base.yaml"), folder.path("alt.yaml")]))
        // Replication-major: (base, 0), (alt, 0), (base, 1), (alt, 1), (base, 2), (alt, 2).
        #expect(
            plan.jobs.map { [$0.scenario, $0.replication] } == [[0, 0], [1, 0], [0, 1], [1, 1], [0, 2], [1, 2]])
        // x for the territory, zone A, zone B in each replication.
        let base: [[Double]] = [[100, 10, 1], [102, 10, .nan], [104, 10, 3]]
        let alt: [[Double]] = [[100, 11, 2], [104, 12, 5], [108, 13, 5]]
        func job(_ scenario: Int, _ replication: Int) -> JobResult {
            let x = (scenario == 0 ? base : alt)[replication]
            let access =
                replication == 0
                ? [
                    JobResult.AccessValues(
                        label: "near", territory: PackedDoubles([scenario == 0 ? 20 : 26]),
                        zones: PackedDoubles(scenario == 0 ? [15, 25] : [15, 37]))
                ] : []
            return JobResult(
                job: ComparisonJob(scenario: scenario, replication: replication),
                zoneIDs: replication == 0 ? ["A", "B"] : nil,
                access: access,
                simulation: .init(
                    territoryNames: ["x"], territory: PackedDoubles([x[0]]), zoneNames: ["x"],
                    zones: [PackedDoubles([x[1], x[2]])]))
        }
        var accumulator = ComparisonAccumulator(plan: plan)
        #expect { try accumulator.add(job(1, 0)) } throws: { error in "\(error)".contains("was expected") }
        for planned in plan.jobs { try accumulator.add(job(planned.scenario, planned.replication)) }
        let result = try accumulator.result()

        // The baseline's outcome: territory values as they came; zone B's x over 1, NaN, 3: count 2, mean 2, variance 2.
        let x = try #require(result.outcomes[0].series.first { $0.name == "x" })
        #expect(x.source == .simulation && x.territory == [100, 102, 104])
        let zoneB = try #require(x.zones?[1])
        #expect(zoneB.count == 2 && zoneB.mean == 2 && zoneB.variance == 2)

        let rows = result.comparisons[0].rows
        func row(_ indicator: String, _ zone: String) throws -> PairedDifference {
            try #require(rows.first { $0.indicator == indicator && $0.zoneID == zone }?.difference)
        }
        // Access, deterministic: one replication, the interval is the difference.
        let near = try row("near", "B")
        #expect(near.difference == 12 && near.lower == 12 && near.upper == 12 && near.replications == 1)
        #expect(try row("near", "A").difference == 0 && rows.count == 3 + 3)
        // Territory x: differences 0, 2, 4, mean 2, variance 4, se 2/√3, t(0.975, 2) = 4.302653;
        // t = 2 / (2/√3) = √3 and with 2 degrees of freedom p = 1 − t/√(2 + t²) = 1 − √(3/5).
        let territory = try row("x", "*")
        #expect(
            territory.baseline == 102 && territory.alternative == 104 && territory.difference == 2
                && territory.replications == 3)
        #expect(abs(territory.lower - (2 - 4.302653 * 2 / 3.0.squareRoot())) < 1e-5)
        #expect(abs(territory.upper - (2 + 4.302653 * 2 / 3.0.squareRoot())) < 1e-5)
        #expect(abs(territory.pValue - (1 - (3.0 / 5).squareRoot())) < 1e-9)
        // Zone A: 10 → 11, 12, 13: differences 1, 2, 3, mean 2, sd 1, interval 2 ± 4.302653/√3.
        let a = try row("x", "A")
        #expect(a.baseline == 10 && a.alternative == 12 && a.difference == 2)
        #expect(
            abs(a.lower - (2 - 4.302653 / 3.0.squareRoot())) < 1e-5
                && abs(a.upper - (2 + 4.302653 / 3.0.squareRoot())) < 1e-5)
        // Zone B: replication 2 is NaN in the baseline and left out: pairs (1, 2), (3, 5), differences 1, 2:
        // mean 1.5, se 0.5, t(0.975, 1) = 12.706205.
        let b = try row("x", "B")
        #expect(b.replications == 2 && b.baseline == 2 && b.alternative == 3.5 && b.difference == 1.5)
        #expect(abs(b.lower - (1.5 - 12.706205 * 0.5)) < 1e-5 && abs(b.upper - (1.5 + 12.706205 * 0.5)) < 1e-5)
    }
}
