import Foundation
import MaillageTestSupport
import Testing

/// `maillage report --locate FILE.geojson`: the sites `maillage locate` chose, drawn over the
/// zones and listed with the people they serve and gain.
@Suite struct ReportLocationCommandTests {
    let folder: URL
    /// Holds `folder`, removed with the suite instance after each test.
    let scratch: TemporaryFolder
    let db: String

    init() throws {
        scratch = try TemporaryFolder(prefix: "maillage-cli")
        (folder, db) = try CommandLineTests.generatedDatabase(zones: 40, population: 20_000, seed: 4, in: scratch)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    @Test func theChosenSitesAreDrawnAndListed() throws {
        let located = try CommandLineTests.run(
            "locate", "mclp", "--db", db, "--kind", "hospital", "--candidates", "zones", "-p", "3",
            "--limit", "20", "--out", path("sites.geojson"), "--json")
        #expect(located.status == 0, "\(located.stderr)")
        // The ids come from the command's own JSON, not from the file the report reads.
        let json = try #require(JSONSerialization.jsonObject(with: Data(located.stdout.utf8)) as? [String: Any])
        let chosen = try #require(json["sites"] as? [[String: Any]]).compactMap {
            $0["site_id"] as? String ?? $0["id"] as? String
        }
        #expect(chosen.count == 3, "\(located.stdout)")

        let report = try CommandLineTests.run(
            "report", "--db", db, "--locate", path("sites.geojson"), "--out", path("r.html"), "-q")
        #expect(report.status == 0, "\(report.stderr)")
        let html = try String(contentsOfFile: path("r.html"), encoding: .utf8)
        let group = try #require(html.range(of: "<g class=\"chosen-sites\"").map { html[$0.lowerBound...] })
        let drawn = group[..<(group.range(of: "</g>")?.lowerBound ?? group.endIndex)]
        #expect(drawn.components(separatedBy: "<circle").count - 1 == 3, "one symbol per chosen site")
        for id in chosen { #expect(html.contains("<td>\(id)</td>"), "site \(id) is not listed") }
    }

    @Test func aFileThatIsNotLocateOutputIsADataErrorAndAMissingOneIsMissingInput() throws {
        try
            #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"LineString","coordinates":[]},"properties":{}}]}"#
            .write(toFile: path("bad.geojson"), atomically: true, encoding: .utf8)
        let bad = try CommandLineTests.run(
            "report", "--db", db, "--locate", path("bad.geojson"), "--out", path("b.html"))
        #expect(
            bad.status == 65 && bad.stderr.contains("bad.geojson") && bad.stderr.contains("feature 1"), "\(bad.stderr)")
        let missing = try CommandLineTests.run(
            "report", "--db", db, "--locate", path("none.geojson"), "--out", path("m.html"))
        #expect(missing.status == 66, "\(missing.stderr)")
        #expect(
            !FileManager.default.fileExists(atPath: path("b.html"))
                && !FileManager.default.fileExists(atPath: path("m.html")))
    }
}
