import Foundation
import MaillageCore
import MaillageGenerator
import Testing

@testable import MaillageSim

/// Issue 14: per-zone and per-actor values carry Student-t 95 % intervals over replications,
/// worked out here by hand from each replication's values.
@Suite struct ZoneAndActorIntervalTests {
    /// t(0.975, df) from a printed table (df = 1 and 2).
    static let t975 = [1: 12.706205, 2: 4.302653]

    /// The interval of `values` written out: mean ± t(0.975, n − 1) · s / √n, s² = Σ(x − mean)² / (n − 1).
    static func handInterval(_ values: [Double]) -> (mean: Double, low: Double, high: Double)? {
        let defined = values.filter { !$0.isNaN }
        guard defined.count >= 2, let t = t975[defined.count - 1] else { return nil }
        let n = Double(defined.count)
        let mean = defined.reduce(0, +) / n
        let s2 = defined.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)
        let half = t * (s2 / n).squareRoot()
        return (mean, mean - half, mean + half)
    }

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-6 * max(1, abs(a), abs(b)) }

    static func request(replications: Int, threads: Int = 2) throws -> SimulationRequest {
        try SimulationRequest(
            territory: DeterminismTests.territory, days: 90, seed: 4, replications: replications, threads: threads)
    }

    /// One replication: each zone value is that replication's own value, bit for bit, though its
    /// tallies are read from the last zone and handed back to the system block by block.
    @Test func oneReplicationsZoneValuesAreItsOwn() throws {
        // More zones than a block (4,096), so that blocks are handed back before the last is read.
        let territory = try TerritoryGenerator.generate(GeneratorOptions(zones: 5_000, population: 20_000, seed: 5))
        let request = try SimulationRequest(territory: territory, days: 30, seed: 4, replications: 1)
        let run = try Simulation.run(request)
        let own = try #require(try Simulation.indicators(request, replications: [0]).first)
        #expect(run.zoneHalfWidths.isEmpty && run.zoneInterval(0) == nil)
        #expect(run.zoneColumns.map(\.name) == own.zoneColumns)
        #expect(run.zoneColumns.count > 50 && run.zoneIDs.count > 4_096, "too few zones to free a block")
        for (column, values) in run.zoneColumns.map(\.values).enumerated() {
            let expected = own.zoneValues[column].map { $0.isNaN ? Double.nan.bitPattern : ($0 + 0).bitPattern }
            #expect(values.map(\.bitPattern) == expected, "\(own.zoneColumns[column])")
        }
    }

    /// Columns made whole at once hold what the fill wrote, each its own length.
    @Test func zoneColumnsHoldWhatTheFillWrote() {
        let columns = ZoneColumns.make(3, zones: 5) { buffers in
            for (index, buffer) in buffers.enumerated() {
                for zone in 0..<5 { buffer[zone] = Double(index * 10 + zone) }
            }
        }
        #expect(columns == [[0, 1, 2, 3, 4], [10, 11, 12, 13, 14], [20, 21, 22, 23, 24]])
        var given = -1
        let none = ZoneColumns.make(0, zones: 5) { given = $0.count }
        #expect(none.isEmpty && given == 0)
    }

    /// Three replications: each zone value's interval is the one worked out from the three
    /// replications' values (those `compare` pairs), with NaN values left out (two defined
    /// values: df = 1; fewer: no interval).
    @Test func zoneIntervalsAreStudentTOverTheReplications() throws {
        let run = try Simulation.run(try Self.request(replications: 3))
        let each = try Simulation.indicators(try Self.request(replications: 3), replications: [0, 1, 2])
        #expect(run.zoneHalfWidths.count == run.zoneColumns.count)
        var checked = 0
        var widths = 0
        for (column, (name, means)) in run.zoneColumns.enumerated() {
            let source = try #require(each[0].zoneColumns.firstIndex(of: name))
            let interval = try #require(run.zoneInterval(column))
            for zone in means.indices {
                let values = each.map { $0.zoneValues[source][zone] }
                guard let hand = Self.handInterval(values) else {
                    #expect(interval.low[zone].isNaN && interval.high[zone].isNaN, "\(name) zone \(zone)")
                    continue
                }
                #expect(Self.close(means[zone], hand.mean), "\(name) zone \(zone) mean")
                #expect(
                    Self.close(interval.low[zone], hand.low),
                    "\(name) zone \(zone): \(interval.low[zone]) ≠ \(hand.low)")
                #expect(Self.close(interval.high[zone], hand.high), "\(name) zone \(zone) high")
                checked += 1
                if hand.high > hand.low { widths += 1 }
            }
        }
        #expect(checked > 1_000 && widths > 500, "\(checked) intervals checked, \(widths) of non-zero width")
    }

    /// Two replications: an actor's mean is (a + b) / 2 and its half-width t(0.975, 1) · |a − b| / 2,
    /// with a the first replication's value (a run of one replication) and b = 2 · mean − a.
    @Test func actorIntervalsAreStudentTOverTheReplications() throws {
        let one = try Simulation.run(try Self.request(replications: 1))
        let two = try Simulation.run(try Self.request(replications: 2))
        #expect(one.actors.allSatisfy { $0.intervals.isEmpty })
        #expect(one.zoneHalfWidths.isEmpty)
        var checked = 0
        for (a, both) in zip(one.actors, two.actors) {
            #expect(a.actor.id == both.actor.id)
            let values =
                [
                    ("contacts", a.contacts, both.contacts), ("used_days", a.usedDays, both.usedDays),
                    ("occupancy", a.occupancy, both.occupancy),
                ]
                + zip(a.pressure, both.pressure).map { ($0.name, $0.value, $1.value) }
            for (name, first, mean) in values {
                guard !first.isNaN, !mean.isNaN else { continue }
                let second = 2 * mean - first
                let half = 12.706205 * abs(first - second) / 2
                let interval = try #require(both.intervals[name], "\(both.actor.id) \(name)")
                #expect(abs(interval.low - (mean - half)) <= 1e-6 * max(1, abs(mean)), "\(both.actor.id) \(name)")
                #expect(abs(interval.high - (mean + half)) <= 1e-6 * max(1, abs(mean)), "\(both.actor.id) \(name)")
                checked += 1
            }
        }
        #expect(checked > 50)
        // A hospital's emergency arrivals vary between replications: a real interval, not a point.
        let hospital = try #require(
            two.actors.first { $0.actor.kind == .hospital && $0.intervals["emergency_arrivals"] != nil })
        let arrivals = try #require(hospital.intervals["emergency_arrivals"])
        #expect(arrivals.low < arrivals.high)
    }

    /// The intervals do not depend on the thread count.
    @Test func intervalsAreTheSameWhateverTheThreads() throws {
        let one = try Simulation.run(try Self.request(replications: 3, threads: 1))
        let two = try Simulation.run(try Self.request(replications: 3, threads: 2))
        func bits(_ result: SimulationResult) -> [UInt64] {
            var bits: [UInt64] = result.zoneHalfWidths.flatMap { $0.map(\.bitPattern) }
            for row in result.actors {
                for name in row.intervals.keys.sorted() {
                    let interval = row.intervals[name]!
                    bits += [interval.low.bitPattern, interval.high.bitPattern]
                }
            }
            return bits
        }
        #expect(bits(one) == bits(two))
        #expect(!bits(one).isEmpty)
    }
}
