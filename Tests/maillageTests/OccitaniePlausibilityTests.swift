import Foundation
import MaillageTestSupport
import Testing

/// The simulation on the real territory (scripts/build-occitanie.sh from ../shared/data) with
/// default parameters: national orders of magnitude from the domain primer must come out.
@Suite(.enabled(if: SharedData.shouldRun, SharedData.skipMessage))
struct OccitaniePlausibilityTests {
    @Test func defaultParametersGivePlausibleRates() throws {
        _ = try SharedData.path("communes/communes_occitanie5_attributes.csv")
        let folder = try TemporaryFolder()
        let db = folder.path("occitanie5.db")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/build-occitanie.sh").path
        let build = Process()
        build.executableURL = URL(fileURLWithPath: "/bin/bash")
        build.arguments = [script, db]
        build.environment = ProcessInfo.processInfo.environment.merging(
            ["MAILLAGE": CommandLineTests.binary.path, "SHARED_DATA": SharedData.root.path], uniquingKeysWith: { $1 })
        build.standardOutput = FileHandle.nullDevice
        try build.run()
        build.waitUntilExit()
        #expect(build.terminationStatus == 0)

        // A 5 % sample keeps the test to seconds; rates are weighted back to the population.
        let result = try CommandLineTests.run(
            "simulate", "--db", db, "--sample", "0.05", "--seed", "3",
            "--out", folder.path("sim"), "--json", "-q")
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        func value(_ name: String) -> Double { json[name] as? Double ?? .nan }
        // Primer: ~4 GP contacts, 0.31 ED visits, 0.17 stays per inhabitant and year; ~1 in 10
        // without a declared GP. Bands are wide: GP supply here is SIRENE establishment counts
        // read as FTE (an upper bound), so fewer people lack a GP than nationally.
        #expect((2.5...5.5).contains(value("gp_contacts_per_inhabitant")), "\(value("gp_contacts_per_inhabitant"))")
        #expect(
            (0.18...0.45).contains(value("emergency_visits_per_inhabitant")),
            "\(value("emergency_visits_per_inhabitant"))")
        #expect((0.10...0.25).contains(value("admissions_per_inhabitant")), "\(value("admissions_per_inhabitant"))")
        #expect((0.01...0.25).contains(value("share_without_declared_gp")), "\(value("share_without_declared_gp"))")
        #expect((0.05...0.25).contains(value("readmission_30_days_share")), "\(value("readmission_30_days_share"))")
    }
}
