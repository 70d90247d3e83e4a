import Foundation
import GRDB
import MaillageTestSupport
import Testing

@testable import MaillageStore

/// Readers of a territory database while simulation runs are being saved into it: another
/// connection (its own ``TerritoryDatabase``, as another process would have) sees each run
/// absent or whole, with every value and series point, and never gets an error (WAL: a read
/// sees the last commit, it does not wait for the writer).
@Suite struct SimulationRunReadersTests {
    let folder = try! TemporaryFolder()

    /// Zones × indicators: 4,000 × 10 = 40,000 zone values per run, plus 5 territory values.
    static let zones = 4_000, indicators = 10, territoryValues = 5
    /// Series × days: 8 × 365 = 2,920 points per run.
    static let seriesCount = 8, days = 365
    static let runs = 6

    /// A run big enough that saving it takes a while (its values are all known in advance).
    static func run(_ index: Int) -> SimulationRun {
        var values: [SimulationRun.Value] = (0..<territoryValues).map {
            .init(
                scope: .territory, subjectID: "", replication: 0, name: "t\($0)", value: Double(index), low: 0, high: 1)
        }
        for zone in 0..<zones {
            for indicator in 0..<indicators {
                values.append(
                    .init(
                        scope: .zone, subjectID: "Z\(zone)", replication: 0, name: "i\(indicator)",
                        value: Double(zone + index)))
            }
        }
        let series = (0..<seriesCount).map { name in
            SimulationRun.Series(name: "role\(name).used", values: (0..<days).map { Double($0 * name + index) })
        }
        return SimulationRun(
            parameters: "{}", events: "[]", days: days, seed: "\(index)", replications: 1,
            inputsFingerprint: "f", values: values, series: series)
    }

    /// What the readers saw, shared between the writing thread and the reading one.
    final class Sightings: @unchecked Sendable {
        private let lock = NSCondition()
        private var _writing = true
        private(set) var reads = 0, readsWhileWriting = 0, runsRead = 0
        private(set) var partial: [String] = []
        private(set) var errors: [String] = []
        private(set) var runCountsSeenWhileWriting: Set<Int> = []

        var writing: Bool {
            get { lock.withLock { _writing } }
            set { lock.withLock { _writing = newValue } }
        }

        func record(runs: Int, whole: Int, partial found: [String], whileWriting: Bool) {
            lock.withLock {
                reads += 1
                runsRead += whole
                partial += found
                if whileWriting {
                    readsWhileWriting += 1
                    runCountsSeenWhileWriting.insert(runs)
                }
                lock.broadcast()
            }
        }

        /// Waits (at most `seconds`) until the reader has finished more than `count` reads.
        ///
        /// On a loaded 2-core machine the reading thread may not be scheduled at all before the
        /// writer is done; the writer waits for it between saves so that the test always sees
        /// reads interleaved with commits.
        func waitForReads(moreThan count: Int, seconds: Double = 60) {
            let deadline = Date().addingTimeInterval(seconds)
            lock.withLock {
                while reads <= count && errors.isEmpty && lock.wait(until: deadline) {}
            }
        }

        var readCount: Int { lock.withLock { reads } }

        func record(error: any Error) {
            lock.withLock {
                errors.append("\(error)")
                lock.broadcast()
            }
        }
    }

    /// What is wrong with a run read back, if anything: the counts its save wrote.
    static func problems(_ run: SimulationRun?, id: Int64) -> [String] {
        guard let run else { return ["run \(id) is listed but cannot be read"] }
        var found: [String] = []
        // 5 + 4,000 × 10 = 40,005 values; 8 series of 365 days.
        if run.values.count != territoryValues + zones * indicators {
            found.append("run \(id): \(run.values.count) values")
        }
        if run.series.count != seriesCount || run.series.contains(where: { $0.values.count != days }) {
            found.append("run \(id): series \(run.series.map(\.values.count))")
        }
        return found
    }

    @Test func readersSeeEachRunAbsentOrWholeAndNeverAnError() throws {
        let path = folder.path("t.db")
        _ = try TerritoryDatabase.create(at: path)
        let runs = (0..<Self.runs).map(Self.run)
        let sightings = Sightings()
        let readerDone = DispatchSemaphore(value: 0)

        // The reader: its own database value, as a second process would open, until the writer is done.
        Thread.detachNewThread {
            defer { readerDone.signal() }
            do {
                let reader = try TerritoryDatabase.open(at: path)
                var more = true
                while more {
                    let whileWriting = sightings.writing
                    more = whileWriting  // one last read after the last commit
                    // One snapshot: the listing and the rows of every listed run in one read transaction.
                    let (listed, counts) = try reader.read { db in
                        (
                            try Int64.fetchAll(db, sql: "SELECT id FROM simulation_run ORDER BY id"),
                            try Row.fetchAll(
                                db,
                                sql: """
                                    SELECT r.id, (SELECT count(*) FROM simulation_value v WHERE v.run_id = r.id) AS v,
                                           (SELECT count(*) FROM simulation_series s WHERE s.run_id = r.id) AS s
                                    FROM simulation_run r ORDER BY r.id
                                    """
                            ).map { (id: $0["id"] as Int64, values: $0["v"] as Int, points: $0["s"] as Int) }
                        )
                    }
                    var found: [String] = []
                    // 40,005 values and 8 × 365 = 2,920 points, or the run is not there at all.
                    for count in counts where count.values != 40_005 || count.points != 2_920 {
                        found.append(
                            "run \(count.id): \(count.values) values, \(count.points) series points in one snapshot")
                    }
                    // Through the store's own API: the listing, then the newest run read back (a later
                    // read, possibly of a run committed meanwhile; the older ones were checked before).
                    let headers = try reader.simulationRunHeaders()
                    if let newest = headers.last {
                        found += Self.problems(try reader.simulationRun(id: newest.id), id: newest.id)
                    }
                    sightings.record(
                        runs: listed.count, whole: headers.isEmpty ? 0 : 1, partial: found, whileWriting: whileWriting)
                }
            } catch {
                sightings.record(error: error)
            }
        }

        let writer = try TerritoryDatabase.open(at: path)
        let start = Date()
        for run in runs {
            sightings.waitForReads(moreThan: sightings.readCount)
            try writer.save(run)
        }
        let seconds = Date().timeIntervalSince(start)
        sightings.writing = false
        readerDone.wait()

        #expect(sightings.errors.isEmpty, "\(sightings.errors)")
        #expect(sightings.partial.isEmpty, "\(sightings.partial.prefix(5))")
        #expect(try writer.simulationRunIDs().count == Self.runs)
        // The reader did read while the runs were being saved, and saw more than one state.
        #expect(sightings.readsWhileWriting >= 2)
        #expect(sightings.runCountsSeenWhileWriting.count >= 2, "\(sightings.runCountsSeenWhileWriting)")
        print(
            "Simulation run readers: \(sightings.reads) reads (\(sightings.readsWhileWriting) while \(Self.runs) runs were saved in "
                + "\(String(format: "%.1f", seconds)) s), run counts seen while writing \(sightings.runCountsSeenWhileWriting.sorted()), "
                + "the newest run read back whole \(sightings.runsRead) times, none partial")
    }
}
