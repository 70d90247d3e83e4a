import Foundation
import MaillageTestSupport
import Testing

/// `report --comparison DIR --sensitivity DIR`: each difference says whether it rests on
/// assumed parameters, from what `maillage sensitivity --scenario` wrote.
extension ReportModesCommandTests {
    /// A sensitivity.json as `sensitivity --scenario` writes it, by hand: 72 % of the GP
    /// contacts' variance from assumed parameters, 10 % of the coverage's.
    func writeScreening(to name: String, scenario: String?) throws -> String {
        let out = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        var document: [String: Any] = [
            "method": "morris", "assumption_rule": "more than half",
            "indicators": [
                ["name": "gp_contacts_per_inhabitant", "assumption_share": 0.72, "assumption_driven": true],
                ["name": "coverage_hospital_emergency_30", "assumption_share": 0.1, "assumption_driven": false],
            ],
        ]
        document["scenario"] = scenario ?? NSNull()
        try JSONSerialization.data(withJSONObject: document).write(to: out.appendingPathComponent("sensitivity.json"))
        return out.path
    }

    @Test func eachDifferenceSaysWhetherItRestsOnAssumptions() throws {
        let comparison = try writeComparison(to: "compare")
        // Matched by the scenario file's name (close-ed.yaml screened, alternative close-ed).
        let screening = try writeScreening(to: "sens", scenario: path("scenarios/close-ed.yaml"))
        let run = try CommandLineTests.run(
            "report", "--db", db, "--comparison", comparison, "--sensitivity", screening, "--out", path("flags.html"))
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: path("flags.html"), encoding: .utf8)
        #expect(html.contains("Rests on assumptions"))
        #expect(html.contains("assumption-driven (72 %)"))
        #expect(html.contains("mostly observed (10 % assumed)"))

        // Without a screening every difference says so, and how to get one.
        #expect(
            try CommandLineTests.run(
                "report", "--db", db, "--comparison", comparison, "--out", path("plain.html"), "-q"
            ).status == 0)
        let plain = try String(contentsOfFile: path("plain.html"), encoding: .utf8)
        #expect(plain.contains("not screened") && !plain.contains("assumption-driven ("))

        // A screening of another scenario needs its alternative named; one of the territory is refused.
        let other = try writeScreening(to: "other", scenario: path("elsewhere.yaml"))
        let unmatched = try CommandLineTests.run(
            "report", "--db", db, "--comparison", comparison, "--sensitivity", other, "--out", path("x.html"), "-q")
        #expect(unmatched.status == 0, "the only alternative takes it: \(unmatched.stderr)")
        let named = try CommandLineTests.run(
            "report", "--db", db, "--comparison", comparison, "--sensitivity", "nosuch=\(other)", "--out",
            path("y.html"), "-q")
        #expect(named.status == 65 && named.stderr.contains("ALTERNATIVE="), "\(named.stderr)")
        let territory = try writeScreening(to: "territory", scenario: nil)
        let refused = try CommandLineTests.run(
            "report", "--db", db, "--comparison", comparison, "--sensitivity", territory, "--out", path("z.html"), "-q")
        #expect(refused.status == 65 && refused.stderr.contains("not a scenario's differences"))
        let alone = try CommandLineTests.run(
            "report", "--db", db, "--sensitivity", screening, "--out", path("w.html"), "-q")
        #expect(alone.status == 64)
    }
}
