import Foundation
import MaillageCore
import MaillageGenerator
import MaillageGeo
import MaillageSim
import MaillageTestSupport
import Testing

@testable import MaillageScenario

@Suite struct PairedDifferenceTests {
    @Test func studentIntervalByHand() throws {
        // Differences 1, 2, 3: mean 2, sd 1, se 1/√3; t(0.975, 2) = 4.302653 (tables).
        let d = try #require(PairedDifference(baseline: [10, 10, 10], alternative: [11, 12, 13]))
        #expect(abs(d.difference - 2) < 1e-12)
        #expect(
            abs(d.lower - (2 - 4.302653 / 3.0.squareRoot())) < 1e-9
                && abs(d.upper - (2 + 4.302653 / 3.0.squareRoot())) < 1e-9)
        // With 2 degrees of freedom P(|T| > t) = 1 − t/√(2 + t²); t = 2√3.
        let t = 2 * 3.0.squareRoot()
        #expect(abs(d.pValue - (1 - t / (2 + t * t).squareRoot())) < 1e-9)
        #expect(!d.isSignificant)
    }

    @Test func identicalRunsGiveExactlyZero() throws {
        let d = try #require(PairedDifference(baseline: [0.3, 0.4], alternative: [0.3, 0.4]))
        #expect(d.difference == 0 && d.lower == 0 && d.upper == 0 && d.pValue == 1 && !d.isSignificant)
    }

    @Test func benjaminiHochbergByHand() {
        // m = 4, rate 0.05: rank thresholds 0.0125, 0.025, 0.0375, 0.05.
        // Sorted 0.001 ✓, 0.02 ✓, 0.04 ✗, 0.2 ✗: the two smallest.
        #expect(FalseDiscovery.benjaminiHochberg([0.04, 0.001, 0.02, 0.2]) == [false, true, true, false])
        // Sorted 0.01 ✓, 0.03 ✗, 0.035 ✓ (rank 3 passes, so ranks 1-3 are kept), 0.9 ✗.
        #expect(FalseDiscovery.benjaminiHochberg([0.01, 0.03, 0.035, 0.9]) == [true, true, true, false])
    }
}

@Suite struct ScenarioComparisonTests {
    let folder = try! TemporaryFolder()
    static let territory = try! TerritoryGenerator.generate(GeneratorOptions(zones: 400, population: 450_000, seed: 21))

    func scenario(_ yaml: String) throws -> Scenario {
        try #require(try ScenarioLoader.load(try folder.write("\(UUID()).yaml", "territory: t.db\n" + yaml)).first)
    }

    /// Accessibility only: deterministic, one job per scenario.
    static let indicators = """
        simulation: {enabled: false}
        indicators:
          - method: coverage
            kind: hospital
            service: emergency
            limit: 30
          - method: nearest
            kind: hospital
            service: emergency

        """

    func compare(_ scenarios: [Scenario], on territory: Territory = Self.territory) throws -> ScenarioComparisonResult {
        let plan = try ComparisonPlan(scenarios: scenarios)
        return try ScenarioComparisonResult(
            plan: plan, results: try ComparisonRunner.run(plan, jobs: plan.jobs, threads: 2) { _ in territory })
    }

    @Test func anIdenticalAlternativeChangesNothing() throws {
        let comparison = try compare([try scenario(Self.indicators), try scenario(Self.indicators + "name: same\n")])
            .comparisons[0]
        #expect(comparison.rows.count == 2 * (1 + 400))
        #expect(comparison.rows.allSatisfy { $0.difference.difference == 0 && !$0.difference.isSignificant })
    }

    @Test func closingAnEmergencyDepartmentWorsensCoverageAndTravel() throws {
        let departments = Self.territory.actors.filter { $0.offers("emergency") }
        try #require(departments.count >= 2)
        // The department farthest from any other: the zones around it have no other within reach.
        let closed = departments.max { a, b in
            func isolation(_ d: Actor) -> Double {
                departments.filter { $0.id != d.id }.map { Geodesic.wgs84.distance(from: d.point, to: $0.point) }.min()
                    ?? 0
            }
            return isolation(a) < isolation(b)
        }!
        let comparison = try compare([
            try scenario(Self.indicators),
            try scenario(Self.indicators + "name: closed\nchanges:\n  - close: \(closed.id)\n"),
        ]).comparisons[0]
        let coverage = try #require(comparison.rows.first { $0.indicator.hasPrefix("coverage") && $0.zoneID == "*" })
        #expect(coverage.difference.difference < 0)
        #expect(coverage.difference.upper < 0)  // the interval excludes zero
        // The zones whose nearest department was the closed one travel longer now; no zone gains.
        let longer = comparison.rows.filter {
            $0.indicator.hasPrefix("nearest") && $0.zoneID != "*" && $0.difference.difference > 0
        }
        #expect(!longer.isEmpty && longer.allSatisfy { $0.difference.lower > 0 })
        #expect(comparison.rows.filter { $0.indicator.hasPrefix("nearest") && $0.difference.difference < 0 }.isEmpty)
        // Per zone, coverage is 1/0: the zones that lost it are exactly those with a difference of −1.
        let lost = comparison.rows.filter {
            $0.indicator.hasPrefix("coverage") && $0.zoneID != "*" && $0.difference.difference != 0
        }
        #expect(!lost.isEmpty && lost.allSatisfy { $0.difference.difference == -1 })
    }

    @Test func unknownActorsInChangesNameTheLine() throws {
        let bad = try scenario(Self.indicators + "changes:\n  - close: nobody\n")
        #expect { _ = try ScenarioRunner.run(bad, on: Self.territory) } throws: { error in
            (error as? ScenarioError)?.line == 12
        }
    }
}

/// Comparisons with the simulation: common random numbers, intervals, shards.
@Suite struct SimulatedComparisonTests {
    let folder = try! TemporaryFolder()
    /// Two emergency departments at least; small enough for a debug build.
    static let territory = try! TerritoryGenerator.generate(GeneratorOptions(zones: 120, population: 200_000, seed: 5))

    func scenario(_ yaml: String, simulation: String = "{sample: 0.3}") throws -> Scenario {
        try #require(
            try ScenarioLoader.load(
                try folder.write(
                    "\(UUID()).yaml",
                    """
                    territory: t.db
                    days: 60
                    seed: 7
                    replications: 4
                    simulation: \(simulation)
                    indicators:
                      - method: nearest
                        kind: hospital
                        service: emergency

                    """ + yaml)
            ).first)
    }

    func results(_ plan: ComparisonPlan, jobs: [ComparisonJob], threads: Int = 2) throws -> [JobResult] {
        try ComparisonRunner.run(plan, jobs: jobs, threads: threads) { _ in Self.territory }
    }

    @Test func anIdenticalAlternativeGivesExactlyZeroEverywhere() throws {
        let plan = try ComparisonPlan(scenarios: [try scenario("name: base\n"), try scenario("name: same\n")])
        let result = try ScenarioComparisonResult(plan: plan, results: try results(plan, jobs: plan.jobs))
        let rows = result.comparisons[0].rows
        #expect(rows.contains { $0.source == .simulation && $0.zoneID == "*" })
        #expect(rows.contains { $0.source == .simulation && $0.zoneID != "*" })
        // Common random numbers: the same scenario draws the same numbers, replication by replication.
        #expect(
            rows.allSatisfy { $0.difference.difference == 0 && $0.difference.lower == 0 && $0.difference.upper == 0 })
        #expect(rows.allSatisfy { !$0.difference.isSignificant && !$0.discovery })
    }

    @Test func closingTheOnlyDepartmentOfItsZonesRaisesTheirTravel() throws {
        let departments = Self.territory.actors.filter { $0.offers("emergency") }
        try #require(departments.count == 2)
        let closed = departments[0]
        let plan = try ComparisonPlan(scenarios: [
            try scenario("name: base\n"),
            try scenario("name: closed\nchanges:\n  - close: \(closed.id)\n"),
        ])
        let comparison = try ScenarioComparisonResult(plan: plan, results: try results(plan, jobs: plan.jobs))
            .comparisons[0]
        func territory(_ name: String) throws -> PairedDifference {
            try #require(comparison.rows.first { $0.indicator == name && $0.zoneID == "*" }?.difference)
        }
        // Accessibility: the zones whose nearest department was the closed one are now farther from one;
        // no zone gets nearer. Deterministic, so each interval is its difference and excludes 0.
        let nearest = comparison.rows.filter { $0.indicator.hasPrefix("nearest") && $0.zoneID != "*" }
        let served = Set(nearest.filter { $0.difference.difference > 0 }.map(\.zoneID))
        try #require(served.count >= 10)
        #expect(nearest.allSatisfy { $0.difference.difference >= 0 })
        #expect(nearest.filter { served.contains($0.zoneID) }.allSatisfy { $0.difference.lower > 0 })
        // Simulation, 4 paired replications: emergency visits take longer on average, with a 95 % interval above 0,
        // and those served zones whose patients still reach a department travel longer to it.
        let travel = try territory("emergency_travel_minutes_mean")
        #expect(travel.difference > 0 && travel.lower > 0 && travel.replications == 4)
        let servedTravel = comparison.rows.filter {
            $0.indicator == "emergency_travel_minutes_mean" && served.contains($0.zoneID)
        }
        #expect(!servedTravel.isEmpty && servedTravel.allSatisfy { $0.difference.difference > 0 })
        #expect(servedTravel.contains { $0.difference.lower > 0 })
        // No department refuses patients any more (crowding, not a daily cap): the other one takes
        // both loads and its patients wait longer; nobody gets an emergency department they lacked.
        let wait = try territory("emergency_wait_minutes_mean")
        #expect(wait.difference > 0 && wait.lower > 0, "wait \(wait)")
        #expect(try territory("unmet_urgent_needs").difference >= 0)
    }

    /// Every number a comparison gives, as bits: differences, territory values, zone summaries.
    static func bits(_ result: ScenarioComparisonResult) -> [UInt64] {
        var bits: [UInt64] = []
        for row in result.comparisons.flatMap(\.rows) {
            let d = row.difference
            bits += [
                d.baseline.bitPattern, d.alternative.bitPattern, d.difference.bitPattern, d.lower.bitPattern,
                d.upper.bitPattern,
                d.pValue.bitPattern, UInt64(d.replications), row.discovery ? 1 : 0,
            ]
        }
        for series in result.outcomes.flatMap(\.series) {
            bits += series.territory.map(\.bitPattern)
            for zone in series.zones ?? [] {
                bits += [UInt64(zone.count), zone.mean.bitPattern, zone.variance.bitPattern]
            }
        }
        return bits
    }

    @Test func shardsGiveExactlyTheResultOfOneRun() throws {
        let plan = try ComparisonPlan(
            scenarios: [
                try scenario("name: base\n"),
                try scenario(
                    "name: surge\nevents:\n  - surge: {zones: ['*'], factor: 1.3}\n    from: 10\n    until: 40\n"),
            ],
            replications: 3)
        let whole = try ComparisonRunner.compare(plan, threads: 1) { _ in Self.territory }
        // Three worker threads with a reorder window of one job: they finish out of order, and are folded in order.
        let threaded = try ComparisonRunner.compare(plan, threads: 3, window: 1) { _ in Self.territory }
        #expect(Self.bits(whole) == Self.bits(threaded))
        // Three shards written as files (JSON Lines), merged as streams given in reverse and shuffled order, 2 threads.
        var paths: [String] = []
        for index in [3, 1, 2] {
            let shard = ComparisonShard(index: index, count: 3)
            let writer = try ComparisonShardWriter(
                path: folder.path("shards/shard-\(index)-of-3.json"),
                header: ComparisonShardHeader(files: plan.scenarios.map(\.file), plan: plan, shard: shard))
            try ComparisonRunner.stream(
                plan, jobs: plan.jobs(in: shard), threads: 2, territory: { _ in Self.territory }
            ) { try writer.append($0) }
            try writer.finish()
            paths.append(writer.path)
        }
        let again = try ComparisonShardFile.merge(paths)
        #expect(Self.bits(whole) == Self.bits(again))
        #expect(Self.bits(whole) == Self.bits(try ComparisonShardFile.merge(paths.reversed())))
        #expect(whole.comparisons[0].rows.count == again.comparisons[0].rows.count)
        #expect(
            whole.comparisons[0].rows.contains { $0.indicator == "needs_per_inhabitant" && $0.difference.lower > 0 })
        // Results held in memory, in any order, fold into the same bits.
        let merged = try results(plan, jobs: plan.jobs).reversed().map { $0 }
        #expect(Self.bits(whole) == Self.bits(try ScenarioComparisonResult(plan: plan, results: merged)))
        // A shard missing, or given twice, is refused with a message saying what to do.
        #expect { _ = try ScenarioComparisonResult(plan: plan, results: Array(merged.dropLast())) } throws: { error in
            "\(error)".contains("missing") && "\(error)".contains("merge every shard")
        }
        #expect { _ = try ScenarioComparisonResult(plan: plan, results: merged + [merged[0]]) } throws: { error in
            "\(error)".contains("twice")
        }
        #expect { _ = try ComparisonShardFile.merge(paths + [paths[0]]) } throws: { error in
            "\(error)".contains("twice")
        }
        #expect { _ = try ComparisonShardFile.merge(Array(paths.dropFirst())) } throws: { error in
            "\(error)".contains("shard 3/3 missing")
        }
        // A shard cut short (an interrupted copy) is named, with what to do.
        let text = try String(contentsOfFile: paths[1], encoding: .utf8)
        try String(text.split(separator: "\n").dropLast().joined(separator: "\n") + "\n").write(
            toFile: paths[1], atomically: true, encoding: .utf8)
        #expect { _ = try ComparisonShardFile.merge(paths) } throws: { error in
            "\(error)".contains("shard-1-of-3.json") && "\(error)".contains("ends after")
                && "\(error)".contains("run this shard again")
        }
    }

    /// Version 1 shards were one JSON document holding every result; this version reads JSON Lines.
    @Test func anOldFormatShardIsRefusedWithWhatToDo() throws {
        let path = try folder.write(
            "shard-1-of-1.json",
            """
            {"files":["/x/base.yaml","/x/alt.yaml"],"format":"maillage-comparison-shard","planFingerprint":"0f","replications":2,\
            "results":[],"shard":{"count":1,"index":1},"version":1}
            """)
        #expect { _ = try ComparisonShardReader(path: path) } throws: { error in
            let text = "\(error)"
            return text.contains("shard-1-of-1.json") && text.contains("version 1") && text.contains("reads version 2")
                && text.contains("compute that shard again with this version of Maillage")
        }
        let other = try folder.write("other.json", "{\"type\": \"FeatureCollection\"}\n")
        #expect { _ = try ComparisonShardReader(path: other) } throws: { error in
            "\(error)".contains("is not a comparison shard")
        }
    }

    @Test func packedDoublesComeBackBitForBit() throws {
        let values: [Double] = [
            .nan, -0.0, 0.1 + 0.2, .leastNonzeroMagnitude, -.greatestFiniteMagnitude, .infinity, 1e-300, 7,
        ]
        let data = try JSONEncoder().encode(PackedDoubles(values))
        let back = try JSONDecoder().decode(PackedDoubles.self, from: data)
        #expect(back.values.map(\.bitPattern) == values.map(\.bitPattern))
        #expect { _ = try JSONDecoder().decode(PackedDoubles.self, from: Data("\"AAAA\"".utf8)) } throws: { _ in true }
    }

    @Test func eventsAndChangesBecomeDatedSimulationEvents() throws {
        let hospital = try #require(Self.territory.actors.first { $0.offers("emergency") })
        let gp = try #require(Self.territory.actors.first { $0.kind == .gp })
        let s = try scenario(
            """
            name: dated
            changes:
              - close: \(hospital.id)
                night_only: true
                from: 5
                until: 20
              - capacity: {actor: \(gp.id), fte: 0}
                from: 30
              - open: {id: new-msp, kind: msp, name: MSP nouvelle, lat: \(gp.point.latitude), lon: \(gp.point.longitude), capacity: {fte: 3}}
                from: 10
            events:
              - slow_travel: {zones: ['*'], factor: 1.5}
                from: 50
                until: 70
            """)
        let request = try s.simulationRequest(on: Self.territory)
        // Until is exclusive in scenario files and inclusive in simulation events; the horizon is 60 days (0…59).
        #expect(
            request.events == [
                SimulationEvent(.close(actor: hospital.id, nightOnly: true), fromDay: 5, toDay: 19),
                SimulationEvent(.capacity(actor: gp.id, measure: .fte, value: 0), fromDay: 30, toDay: 59),
                SimulationEvent(.close(actor: "new-msp", nightOnly: false), fromDay: 0, toDay: 9),
                SimulationEvent(.slowTravel(zones: ["*"], factor: 1.5), fromDay: 50, toDay: 59),
            ])
        #expect(request.territory.actors.contains { $0.id == "new-msp" })
        #expect(request.parameters.startDate == "2026-01-01")
        // A night-only closure leaves the department open for accessibility.
        #expect(try Self.territory.applying(s.changes, onDay: 10).actors.contains { $0.id == hospital.id })
    }

    @Test func badSimulationSettingsNameTheirPlace() throws {
        #expect { _ = try scenario("", simulation: "{sample: 2}") } throws: { error in
            "\(error)".contains("simulation.sample") && "\(error)".contains("(0, 1]")
        }
        #expect {
            _ = try scenario("events:\n  - surge: {zones: ['*'], factor: 2, needs: [flu]}\n    from: 1\n    until: 3\n")
        } throws: { error in
            (error as? ScenarioError)?.line == 11 && "\(error)".contains("acute_urgent")
        }
        let overrides = try scenario("overrides: {gp.no_such_parameter: 3}\n")
        #expect { _ = try overrides.simulationRequest(on: Self.territory) } throws: { error in
            "\(error)".contains("overrides") && "\(error)".contains("no_such_parameter")
        }
        let zones = try scenario("", simulation: "{zone_indicators: [nonsense]}")
        let plan = try ComparisonPlan(scenarios: [zones, try scenario("name: b\n")])
        #expect { _ = try results(plan, jobs: [ComparisonJob(scenario: 0, replication: 0)]) } throws: { error in
            "\(error)".contains("simulation.zone_indicators") && "\(error)".contains("travel_minutes_per_inhabitant")
        }
    }
}
