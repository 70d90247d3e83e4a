import MaillageCore
import MaillageGenerator
import MaillageSim
import Testing

@Suite struct DeterminismTests {
    static let territory: Territory = try! TerritoryGenerator.generate(
        GeneratorOptions(zones: 25, population: 15_000, seed: 5))

    func run(
        seed: UInt64, threads: Int, replications: Int = 3, parameters: SimulationParameters = .defaults
    ) throws -> SimulationResult {
        try Simulation.run(
            SimulationRequest(
                territory: Self.territory, parameters: parameters, days: 120, seed: seed, replications: replications,
                threads: threads))
    }

    /// Every value as its bit pattern, so that NaN compares equal to NaN.
    func fingerprint(_ result: SimulationResult) -> [UInt64] {
        var bits: [UInt64] = result.territory.flatMap { $0.values.map(\.bitPattern) }
        bits += result.zoneColumns.flatMap { $0.values.map(\.bitPattern) }
        bits += result.actors.flatMap { [$0.contacts.bitPattern, $0.usedDays.bitPattern, $0.occupancy.bitPattern] }
        bits += result.zoneHalfWidths.flatMap { $0.map(\.bitPattern) }
        for row in result.actors {
            for name in row.intervals.keys.sorted() {
                let interval = row.intervals[name]!
                bits += [interval.low.bitPattern, interval.high.bitPattern]
            }
        }
        return bits
    }

    @Test func sameSeedSameResultsWhateverTheThreads() throws {
        let one = try run(seed: 9, threads: 1)
        let two = try run(seed: 9, threads: 2)
        let again = try run(seed: 9, threads: 2)
        #expect(fingerprint(one) == fingerprint(two))
        #expect(fingerprint(two) == fingerprint(again))
    }

    /// The emergency choice model draws from each patient's own stream, like every other choice.
    @Test func theEmergencyChoiceIsTheSameWhateverTheThreads() throws {
        let choice = try ParameterFile.apply([
            "emergency": ["choice": ["minutes_scale": 6, "size_elasticity": 1, "paediatric_weight": 4]]
        ])
        let one = try run(seed: 9, threads: 1, parameters: choice)
        let two = try run(seed: 9, threads: 2, parameters: choice)
        #expect(fingerprint(one) == fingerprint(two))
        #expect(fingerprint(one) != fingerprint(try run(seed: 9, threads: 1)))
    }

    @Test func differentSeedsDiffer() throws {
        #expect(
            fingerprint(try run(seed: 9, threads: 2, replications: 1))
                != fingerprint(try run(seed: 10, threads: 2, replications: 1)))
    }

    @Test func replicationsDifferAndIntervalsCoverTheMean() throws {
        let result = try run(seed: 9, threads: 2)
        let gp = try #require(result.territory.first { $0.name == "gp_contacts_per_inhabitant" })
        #expect(Set(gp.values).count == 3)
        #expect((gp.low ?? .infinity) < gp.mean && gp.mean < (gp.high ?? -.infinity))
    }
}

@Suite struct ReplicationSubsetTests {
    /// A replication's values depend only on the seed and its index: not on which other
    /// replications run with it, nor on the thread count (what shards rely on).
    @Test func aReplicationIsTheSameAloneOrWithOthers() throws {
        let request = try SimulationRequest(territory: DeterminismTests.territory, days: 90, seed: 4, threads: 2)
        let all = try Simulation.indicators(request, replications: [0, 1, 2])
        var single = request
        single.threads = 1
        let alone = try Simulation.indicators(single, replications: [2])
        let pair = try Simulation.indicators(request, replications: [1, 0])
        #expect(alone == [all[2]])
        #expect(pair == [all[1], all[0]])
        #expect(all[0] != all[1])
        // The per-replication territory values are those a whole run averages.
        let run = try Simulation.run(
            SimulationRequest(territory: DeterminismTests.territory, days: 90, seed: 4, replications: 3, threads: 2))
        for indicator in run.territory {
            let mine = all.map { replication in replication.territory.first { $0.name == indicator.name }!.value }
            #expect(mine.map(\.bitPattern) == indicator.values.map(\.bitPattern), "\(indicator.name)")
        }
    }
}
