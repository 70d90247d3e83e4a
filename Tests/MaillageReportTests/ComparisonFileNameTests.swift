import Foundation
import MaillageRuns
import MaillageTestSupport
import Testing

@testable import MaillageReport

/// The report finds a scenario's zone differences under the file name `compare` wrote them to:
/// one rule (``ScenarioFiles/fileName(ofScenario:)``) for the writer and the reader.
@Suite struct ComparisonFileNameTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/report-comparison").path

    /// Expected names worked out by hand from the rule: letters, digits and `-_=.` stay, each other
    /// Unicode scalar becomes `_` (a decomposed accent is a scalar of its own, not a letter).
    @Test func theWriterAndTheReaderNameFilesAlike() throws {
        // Pairs, not a dictionary: Swift's strings compare decomposed and precomposed `é` as equal.
        let names = [
            ("more[x=1]", "more_x=1_"), ("Rene\u{301}", "Rene_"), ("Ren\u{E9}", "Ren\u{E9}"),
            ("a.b-c_d", "a.b-c_d"),
        ]
        for (name, expected) in names {
            #expect(try ScenarioFiles.safeName(name, file: "s.yaml") == expected)
            #expect(ScenarioFiles.fileName(ofScenario: name) == expected)
            #expect(ComparisonReading.fileName(name) == expected)
            #expect(Array(ComparisonReading.fileName(name).unicodeScalars) == Array(expected.unicodeScalars))
        }
        // Refused by today's writer, read under the name older versions wrote (no separator survives).
        #expect(ComparisonReading.fileName("close <script>x</script>") == "close__script_x__script_")
        #expect(ComparisonReading.fileName("../x") == ".._x")
    }

    /// A scenario whose name holds a decomposed accent: the reader used to keep the letter whole
    /// (`René`) where the writer wrote `Rene_.geojson`, and the report lost the scenario's maps.
    @Test func aDecomposedAccentFindsTheFileCompareWrote() throws {
        let folder = try TemporaryFolder()
        let name = "Rene\u{301}"
        let json = try String(contentsOfFile: Self.fixture + "/comparison.json", encoding: .utf8)
            .replacingOccurrences(of: "close <script>x</script>", with: name)
        _ = try folder.write("comparison.json", json)
        try FileManager.default.copyItem(
            atPath: Self.fixture + "/close__script_x__script_.geojson",
            toPath: folder.path("Rene_.geojson"))
        let reading = try ComparisonReading(folder: folder.url.path)
        #expect(reading.alternatives == [name])
        let zones = try #require(reading.zones[name])
        #expect(zones.map(\.indicator) == ["emergency_travel_minutes_mean", "gp_contacts_per_inhabitant"])
    }
}
