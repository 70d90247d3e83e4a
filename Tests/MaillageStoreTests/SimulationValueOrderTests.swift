import Foundation
import MaillageTestSupport
import Testing

@testable import MaillageStore

/// A simulation run's values are written in `simulation_value`'s primary-key order (scope,
/// subject, replication, name; text by bytes): whatever order they are given in, every value
/// is stored, and the order the store uses is the order SQLite reads them back in.
@Suite struct SimulationValueOrderTests {
    let folder = try! TemporaryFolder()

    typealias Value = SimulationRun.Value

    /// The key order written by hand: `actor` < `territory` < `zone`; `Z10` < `Z2` (bytes, not
    /// numbers); `É1` (0xC3 0x89) after every ASCII id; replication before name.
    static let ordered: [Value] = [
        Value(scope: .actor, subjectID: "h1", replication: 0, name: "occupancy", value: 0.5),
        Value(scope: .territory, subjectID: "", replication: 0, name: "b", value: 1, low: 0.5, high: 1.5),
        Value(scope: .territory, subjectID: "", replication: 1, name: "a", value: 2),
        Value(scope: .zone, subjectID: "Z10", replication: 0, name: "a", value: 3),
        Value(scope: .zone, subjectID: "Z10", replication: 0, name: "b", value: nil),
        Value(scope: .zone, subjectID: "Z2", replication: 0, name: "a", value: 4),
        Value(scope: .zone, subjectID: "Z2", replication: 0, name: "b", value: 5),
        Value(scope: .zone, subjectID: "É1", replication: 0, name: "a", value: 6),
    ]

    @Test func precedesIsTheKeyOrder() {
        for (index, value) in Self.ordered.enumerated() {
            for (other, later) in Self.ordered.enumerated() {
                #expect(value.precedes(later) == (index < other), "\(value) against \(later)")
            }
        }
        #expect(Self.ordered.isInPrimaryKeyOrder)
        #expect(!Array(Self.ordered.reversed()).isInPrimaryKeyOrder)
    }

    /// Given column by column (as runs were built before) or reversed, the run is stored whole
    /// and read back in key order, which is SQLite's `ORDER BY scope, subject_id, replication, name`.
    @Test(arguments: ["ordered", "reversed", "by column"])
    func anyOrderIsStoredWhole(_ arrangement: String) throws {
        let values: [Value] =
            switch arrangement {
            case "reversed": Self.ordered.reversed()
            case "by column": Self.ordered.filter { $0.name == "a" } + Self.ordered.filter { $0.name != "a" }
            default: Self.ordered
            }
        let database = try TerritoryDatabase.create(at: folder.path("\(UUID()).db"))
        let run = SimulationRun(
            parameters: "{}", events: "[]", days: 1, seed: "1", replications: 1, inputsFingerprint: "f", values: values)
        let id = try database.save(run)
        #expect(try database.simulationRun(id: id)?.values == Self.ordered)
    }
}
