import Foundation
import GRDB
import MaillageTestSupport
import Testing

@testable import MaillageStore

/// A run's zone means are stored as packed columns (`simulation_zone_column` over the run's
/// `simulation_zone` list), and migration 10 converts the zone rows of older databases.
@Suite struct SimulationZoneColumnTests {
    let folder = try! TemporaryFolder()

    typealias Value = SimulationRun.Value

    static let table = SimulationRun.ZoneTable(
        zoneIDs: ["É1", "Z2", "Z10"],
        columns: [
            .init(name: "b", values: [.nan, 5, -0.0]),
            .init(name: "a", values: [6, 4.125, 1e-300], low: [5, .nan, 0], high: [7, .nan, 2e-300]),
        ])

    func run(_ table: SimulationRun.ZoneTable?, values: [Value] = []) -> SimulationRun {
        SimulationRun(
            parameters: "{}", events: "[]", days: 1, seed: "1", replications: 2, inputsFingerprint: "f",
            values: values, zoneTable: table)
    }

    /// Zones and indicators keep the order given, NaN stays undefined, the intervals come back
    /// where given, and the other values are unchanged.
    @Test func aZoneTableComesBackAsItWasGiven() throws {
        let database = try TerritoryDatabase.create(at: folder.path("t.db"))
        let others = [Value(scope: .territory, subjectID: "", replication: 0, name: "t", value: 1, low: 0, high: 2)]
        let id = try database.save(run(Self.table, values: others))
        let back = try #require(try database.simulationRun(id: id))
        #expect(back.values == others)
        #expect(back.zoneTable?.zoneIDs == Self.table.zoneIDs)
        #expect(back.zoneTable?.columns.map(\.name) == ["b", "a"])
        // NaN is not equal to itself: compared by bit pattern, which also tells -0.0 from 0.
        for (stored, given) in zip(back.zoneTable?.columns ?? [], Self.table.columns) {
            #expect(stored.values.map(\.bitPattern) == given.values.map(\.bitPattern))
            #expect(stored.low?.map(\.bitPattern) == given.low?.map(\.bitPattern))
            #expect(stored.high?.map(\.bitPattern) == given.high?.map(\.bitPattern))
        }
        // Two tables' rows: one zone list of three, two columns; nothing in simulation_value.
        let counts = try database.read { db in
            try (
                Int.fetchOne(db, sql: "SELECT count(*) FROM simulation_zone WHERE run_id = ?", arguments: [id]),
                Int.fetchOne(db, sql: "SELECT count(*) FROM simulation_zone_column WHERE run_id = ?", arguments: [id]),
                Int.fetchOne(db, sql: "SELECT count(*) FROM simulation_value WHERE scope = 'zone'")
            )
        }
        #expect(counts.0 == 3 && counts.1 == 2 && counts.2 == 0)
    }

    /// A column given as half-widths is stored as its bounds, value ∓ half-width (2 ± 0.5 is 1.5
    /// to 2.5, by hand), and equals the same column given with those bounds.
    @Test func aColumnOfHalfWidthsIsStoredAsItsBounds() throws {
        let halves = SimulationRun.ZoneTable.Column(name: "a", values: [2, .nan, 8], halfWidths: [0.5, 1, .nan])
        let bounds = SimulationRun.ZoneTable.Column(
            name: "a", values: [2, .nan, 8], low: [1.5, .nan, .nan], high: [2.5, .nan, .nan])
        #expect(halves.low?.map(\.bitPattern) == bounds.low?.map(\.bitPattern))
        #expect(halves.high?.map(\.bitPattern) == bounds.high?.map(\.bitPattern))
        let database = try TerritoryDatabase.create(at: folder.path("t.db"))
        let id = try database.save(run(SimulationRun.ZoneTable(zoneIDs: ["Z1", "Z2", "Z3"], columns: [halves])))
        let back = try #require(try database.simulationRun(id: id)?.zoneTable?.columns.first)
        #expect(back.low?.map(\.bitPattern) == bounds.low?.map(\.bitPattern))
        #expect(back.high?.map(\.bitPattern) == bounds.high?.map(\.bitPattern))
        let finite = SimulationRun.ZoneTable.Column(name: "f", values: [2, 3], halfWidths: [0.5, 0])
        #expect(finite == SimulationRun.ZoneTable.Column(name: "f", values: [2, 3], low: [1.5, 3], high: [2.5, 3]))
        #expect(finite != SimulationRun.ZoneTable.Column(name: "f", values: [2, 3], low: [1.5, 3], high: [2.5, 3.5]))
    }

    /// Half-widths of the wrong length are refused like bounds of the wrong length.
    @Test func halfWidthsOfTheWrongLengthAreRefused() throws {
        let database = try TerritoryDatabase.create(at: folder.path("t.db"))
        let column = SimulationRun.ZoneTable.Column(name: "a", values: [1, 2], halfWidths: [0.5])
        #expect {
            _ = try database.save(run(SimulationRun.ZoneTable(zoneIDs: ["Z1", "Z2"], columns: [column])))
        } throws: { "\($0)".contains("zone column a") }
    }

    /// The layout as documented, read with SQL alone: 8 bytes a zone, little-endian.
    @Test func aColumnIsEightLittleEndianBytesAZoneInListOrder() throws {
        let database = try TerritoryDatabase.create(at: folder.path("t.db"))
        let id = try database.save(run(Self.table))
        let cells = try database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT z.zone_id, hex(substr(c.zone_values, 8 * z.ordinal + 1, 8)) AS cell
                    FROM simulation_zone z JOIN simulation_zone_column c ON c.run_id = z.run_id
                    WHERE z.run_id = ? AND c.name = 'a' ORDER BY z.ordinal
                    """, arguments: [id]
            ).map { "\($0["zone_id"] as String)=\($0["cell"] as String)" }
        }
        // 6 = 0x4018000000000000, 4.125 = 0x4010800000000000, 1e-300 = 0x01A56E1FC2F8F359: bytes reversed.
        #expect(cells == ["É1=0000000000001840", "Z2=0000000000801040", "Z10=59F3F8C21F6EA501"])
    }

    /// A blob cut short (a hand-edited file) is an error naming the column, not a crash or zeros.
    @Test func aColumnOfTheWrongLengthIsAnErrorNamingIt() throws {
        let database = try TerritoryDatabase.create(at: folder.path("t.db"))
        let id = try database.save(run(Self.table))
        try database.write { db in
            try db.execute(sql: "UPDATE simulation_zone_column SET ci_high = X'00' WHERE name = 'a'")
        }
        #expect {
            _ = try database.simulationRun(id: id)
        } throws: { "\($0)".contains("a.ci_high") && "\($0)".contains("3 zones") }
    }

    /// Deleting a run deletes its zones and columns.
    @Test func deletingARunDeletesItsZoneColumns() throws {
        let database = try TerritoryDatabase.create(at: folder.path("t.db"))
        let id = try database.save(run(Self.table))
        let left = try database.write { db in
            try db.execute(sql: "DELETE FROM simulation_run WHERE id = ?", arguments: [id])
            return try Int.fetchOne(
                db, sql: "SELECT (SELECT count(*) FROM simulation_zone) + (SELECT count(*) FROM simulation_zone_column)"
            )
        }
        #expect(left == 0)
    }

    /// A database written before migration 10 (zone means as `simulation_value` rows) gets them
    /// as columns: zones and indicators in SQLite's byte order, a missing value undefined, the
    /// bounds kept; rows of other scopes and replications stay where they were.
    @Test func anOldDatabaseHasItsZoneRowsConvertedToColumns() throws {
        let path = folder.path("old.db")
        let queue = try DatabaseQueue(path: path)
        try TerritoryMigrator.migrator.migrate(queue, upTo: "9-travel-row-pairs-index")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO metadata(key, value) VALUES ('maillage_version', '0.old'), ('name', 'old');
                    INSERT INTO simulation_run(parameters, events, days, seed, replications, inputs_fingerprint,
                        created_at, maillage_version)
                        VALUES ('{}', '[]', 1, '1', 2, 'f', '2026-01-01T00:00:00Z', '0.old');
                    INSERT INTO simulation_value VALUES
                        (1, 'zone', 'Z2', 0, 'b', 5, NULL, NULL),
                        (1, 'zone', 'Z2', 0, 'A0', 1, NULL, NULL),
                        (1, 'zone', 'Z10', 0, 'a', 3, 2.5, 3.5),
                        (1, 'zone', 'Z10', 0, 'b', NULL, NULL, NULL),
                        (1, 'zone', 'É1', 0, 'a', 6, 5, 7),
                        (1, 'zone', 'Z10', 1, 'a', 3.25, NULL, NULL),
                        (1, 'territory', '', 0, 'a', 4, 3, 5);
                    """)
        }
        try queue.close()
        let database = try TerritoryDatabase.open(at: path)
        let run = try #require(try database.simulationRun(id: 1))
        #expect(
            run.values == [
                Value(scope: .territory, subjectID: "", replication: 0, name: "a", value: 4, low: 3, high: 5),
                Value(scope: .zone, subjectID: "Z10", replication: 1, name: "a", value: 3.25),
            ])
        let table = try #require(run.zoneTable)
        #expect(table.zoneIDs == ["Z10", "Z2", "É1"])
        // "A0" first appears at the second zone, and comes first by bytes.
        #expect(table.columns.map(\.name) == ["A0", "a", "b"])
        func text(_ values: [Double]?) -> String { values.map { $0.map { "\($0)" }.joined(separator: " ") } ?? "-" }
        #expect(table.columns.map { text($0.values) } == ["nan 1.0 nan", "3.0 nan 6.0", "nan 5.0 nan"])
        #expect(table.columns.map { text($0.low) + "/" + text($0.high) } == ["-/-", "2.5 nan 5.0/3.5 nan 7.0", "-/-"])
        var means: [String] = []
        run.forEachZoneMean { zone, name, value, _, _ in
            means.append("\(zone).\(name)=\(value.map { "\($0)" } ?? "-")")
        }
        let expected = [
            "Z10.A0=-", "Z10.a=3.0", "Z10.b=-", "Z2.A0=1.0", "Z2.a=-", "Z2.b=5.0",
            "É1.A0=-", "É1.a=6.0", "É1.b=-",
        ]
        #expect(means.sorted() == expected)
    }
}
