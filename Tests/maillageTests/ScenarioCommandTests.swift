import Foundation
import MaillageTestSupport
import Testing

@Suite struct ScenarioCommandTests {
    @Test func compareWritesDifferencesAndAnIdenticalAlternativeGivesZero() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("t.db")
        #expect(try CommandLineTests.run("generate", "--zones", "150", "--population", "250000", "--seed", "2", "--out", db, "-q").status == 0)
        try folder.write("base.yaml", """
            name: base
            territory: t.db
            indicators:
              - method: coverage
                kind: hospital
                service: emergency
                limit: 30
            """)
        try folder.write("same.yaml", "extends: base.yaml\nname: same\n")
        let out = folder.path("cmp")
        let result = try CommandLineTests.run("compare", folder.path("base.yaml"), folder.path("same.yaml"), "--out", out, "--json")
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let differences = try #require(json["differences"] as? [[String: Any]])
        #expect(differences.count == 1 && differences[0]["difference"] as? Double == 0)
        let rows = try String(contentsOfFile: out + "/comparison.csv", encoding: .utf8).split(whereSeparator: \.isNewline)
        #expect(rows.count == 1 + 1 + 150)
        #expect(rows.dropFirst().allSatisfy { $0.split(separator: ",")[5] == "0" })
        #expect(FileManager.default.fileExists(atPath: out + "/same.geojson"))

        try folder.write("broken.yaml", "extends: base.yaml\nchanges:\n  - close: nobody\n")
        let broken = try CommandLineTests.run("compare", folder.path("base.yaml"), folder.path("broken.yaml"), "--out", out)
        #expect(broken.status == 65 && broken.stderr.contains("broken.yaml:3") && broken.stderr.contains("nobody"))
    }
}
