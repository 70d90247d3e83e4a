import Foundation
import GRDB
import MaillageTestSupport
import Testing

@testable import MaillageStore

/// The three kinds of stored run (indicator, simulation, scenario) list through one shared
/// header, read from rows written here by hand in schema version 7's columns.
@Suite struct StoredRunHeaderTests {
    let folder = try! TemporaryFolder()

    /// One run of each kind (and a second indicator run), inserted as raw rows.
    func database() throws -> TerritoryDatabase {
        let database = try TerritoryDatabase.create(at: folder.path("runs-\(UUID()).db"))
        try database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO indicator_run(id, method, parameters, inputs_fingerprint, summary, created_at,
                                              maillage_version)
                    VALUES (3, 'e2sfca', '{"per":1000}', 'fp-a', NULL, '2026-01-02T03:04:05Z', '0.9.0'),
                           (8, 'coverage', '{"threshold":30}', 'fp-b', '{}', '2026-01-03T00:00:00Z', '0.9.1');
                    INSERT INTO simulation_run(id, parameters, events, days, seed, replications, sample, inputs_fingerprint,
                                               created_at, maillage_version)
                    VALUES (5, '{"days":30}', '[]', 30, '42', 4, 0.5, 'fp-c', '2026-02-01T00:00:00Z', '0.9.2');
                    INSERT INTO scenario_run(id, name, scenario_file, scenario_hash, territory_fingerprint, parameters,
                                             seed,
                                             replications, days, simulation_run_id, created_at, maillage_version)
                    VALUES (2, 'Fermeture nuit', 's/nuit.yaml', 'h-1', 'fp-d', '{}', '7', 3, 60, 5,
                            '2026-03-01T00:00:00Z', '0.9.3');
                    """)
        }
        return database
    }

    @Test func listsTheThreeKindsThroughTheSharedHeader() throws {
        let headers = try database().storedRunHeaders()
        #expect(
            headers == [
                StoredRunHeader(
                    kind: .indicator, id: 3, name: "e2sfca", parameters: #"{"per":1000}"#,
                    inputsFingerprint: "fp-a",
                    createdAt: "2026-01-02T03:04:05Z", maillageVersion: "0.9.0"),
                StoredRunHeader(
                    kind: .indicator, id: 8, name: "coverage", parameters: #"{"threshold":30}"#,
                    inputsFingerprint: "fp-b", createdAt: "2026-01-03T00:00:00Z", maillageVersion: "0.9.1"),
                StoredRunHeader(
                    kind: .simulation, id: 5, name: nil, parameters: #"{"days":30}"#, inputsFingerprint: "fp-c",
                    createdAt: "2026-02-01T00:00:00Z", maillageVersion: "0.9.2"),
                StoredRunHeader(
                    kind: .scenario, id: 2, name: "Fermeture nuit", parameters: "{}", inputsFingerprint: "fp-d",
                    createdAt: "2026-03-01T00:00:00Z", maillageVersion: "0.9.3"),
            ])
    }

    @Test func eachKindsListingHoldsTheSameHeaderPlusItsOwnFields() throws {
        let database = try database()
        let shared = try database.storedRunHeaders()
        let indicators = try database.indicatorRunHeaders()
        #expect(indicators.map(\.header) == shared.filter { $0.kind == .indicator })
        #expect(indicators.map(\.method) == ["e2sfca", "coverage"])

        let simulations = try database.simulationRunHeaders()
        #expect(simulations.map(\.header) == shared.filter { $0.kind == .simulation })
        #expect(simulations.map(\.events) == ["[]"])
        #expect(simulations.map(\.days) == [30])
        #expect(simulations.map(\.seed) == ["42"])
        #expect(simulations.map(\.replications) == [4])
        #expect(simulations.map(\.sample) == [0.5])

        let scenarios = try database.scenarioRunHeaders()
        #expect(scenarios.map(\.header) == shared.filter { $0.kind == .scenario })
        #expect(
            scenarios == [
                ScenarioRunHeader(
                    header: shared[3], scenarioFile: "s/nuit.yaml", scenarioHash: "h-1", seed: "7", replications: 3,
                    days: 60,
                    simulationRunID: 5)
            ])
    }

    @Test func anIndicatorHeaderBuiltFromItsFieldsIsTheSharedOne() {
        let header = IndicatorRunHeader(
            id: 1, method: "nearest", parameters: "{}", inputsFingerprint: "f",
            createdAt: "t", maillageVersion: "v")
        #expect(
            header.header
                == StoredRunHeader(
                    kind: .indicator, id: 1, name: "nearest", parameters: "{}",
                    inputsFingerprint: "f", createdAt: "t", maillageVersion: "v"))
        #expect(header.method == "nearest")
    }
}
