import Foundation
import MaillageCore
import MaillageStore
import MaillageTestSupport
import Testing

@testable import MaillageReport

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The scenario-comparison section, from the hand-written folder `Tests/Fixtures/report-comparison`
/// (what `maillage compare --out` writes, for the three communes of ``ReportStructureTests``,
/// with an alternative named `close <script>x</script>`).
@Suite struct ComparisonSectionTests {
    typealias T = ReportStructureTests
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/report-comparison").path
    static let alternative = "close <script>x</script>"

    static func document() throws -> XMLDocument {
        let temporary = try TemporaryFolder()
        let html = try TerritoryReport.html(
            database: try T.database(in: temporary), runs: .none, simulations: .none, comparison: folder)
        return try T.parse(html)
    }

    @Test func theFolderReadsAsWritten() throws {
        let reading = try ComparisonReading(folder: Self.folder)
        #expect(reading.baseline == "base")
        #expect(reading.alternatives == [Self.alternative])
        #expect(reading.indicators.map(\.source) == ["access", "simulation", "simulation"])
        #expect(
            reading.estimate(Self.alternative, "gp_contacts_per_inhabitant") == .init(mean: 3.5, low: nil, high: nil))
        let zones = try #require(reading.zones[Self.alternative])
        #expect(zones.map(\.indicator) == ["emergency_travel_minutes_mean", "gp_contacts_per_inhabitant"])
        #expect(zones[0].values == ["A": -4, "B": 7, "C": 0.5])
        #expect(zones[0].significant == ["A", "B"])
        #expect(zones[1].significant == ["B"])
        #expect(zones[1].fdrSignificant.isEmpty)
        #expect(zones[1].values["C"]?.isNaN == true)
    }

    @Test func scenarioNamesFromFilesStayText() throws {
        let document = try Self.document()
        #expect(try T.elements(document, "//*[local-name()='script']").isEmpty)
        let heading = try T.elements(document, "//*[local-name()='section'][@id='comparison']/*[local-name()='h2']")
            .first?.stringValue
        #expect(heading == "Scenario comparison: \(Self.alternative) against base")
        let labels = try T.elements(
            document, "//*[local-name()='svg'][@class='interval-chart']//*[local-name()='text'][@class='legend-label']")
        #expect(labels.compactMap(\.stringValue).contains(Self.alternative))
    }

    /// Mean minutes to the emergency department: differences A −4, B +7 (significant), C +0.5 (not): the largest is 7, so
    /// classes are 5 wide (7 / 3 = 2.3 rounds up to 5): A in (−5, 0], B in (5, 10], C grey.
    /// GP contacts: only B (−1) is significant: classes 0.5 wide, B in (−1, −0.5]; A grey, C undefined.
    @Test func theDivergingMapsColourSignificantZonesAndGreyTheOthers() throws {
        let document = try Self.document()
        let maps = try T.elements(
            document, "//*[local-name()='section'][@id='comparison']//*[local-name()='svg'][@class='map']")
        #expect(maps.count == 2)
        func fills(_ index: Int) throws -> [String: String] {
            let zones = try T.elements(
                document,
                "(//*[local-name()='section'][@id='comparison']//*[local-name()='svg'][@class='map'])[\(index)]/*[local-name()='g'][@class='zones']/*"
            )
            return Dictionary(
                uniqueKeysWithValues: zones.map {
                    (String($0.stringValue?.prefix(1) ?? ""), $0.value(of: "fill") ?? "")
                })
        }
        // PuOr, 6 classes from the largest fall to the largest rise (colorbrewer2.org), written by hand.
        #expect(try fills(1) == ["A": "#fee0b6", "B": "#998ec3", "G": "#bdbdbd"])
        let second = try fills(2)
        #expect(second["B"] == "#f1a340")
        #expect(second["A"] == "#bdbdbd")
        #expect(second["G"]?.hasPrefix("url(#") == true)
        let legend =
            try T.elements(
                document,
                "(//*[local-name()='section'][@id='comparison']//*[local-name()='svg'][@class='map'])[1]//*[local-name()='g'][@class='legend']"
            ).first?.stringValue ?? ""
        #expect(legend.contains("difference in minutes"))
        #expect(legend.contains("+5 – +101 zone"))
        #expect(legend.contains("-5 – 01 zone"))
        #expect(legend.contains("0 (no change)0 zones"))
        #expect(legend.contains("not significant (95 %)1 zone"))
    }

    @Test func theChartsShowEachScenarioWithItsInterval() throws {
        let document = try Self.document()
        let charts = try T.elements(document, "//*[local-name()='svg'][@class='interval-chart']")
        #expect(charts.count == 2)
        // Intervals are drawn only where low < high: the baseline's GP contacts (3.8 to 4.2).
        #expect(try T.elements(document, "//*[local-name()='path'][@class='interval']").count == 1)
        let points = try T.elements(document, "//*[local-name()='circle'][@class='mean']").compactMap(\.stringValue)
        #expect(points.count == 4)
        #expect(points.contains("base: 4 (95 % interval 3.8 to 4.2)"))
        #expect(points.contains("\(Self.alternative): 3.5"))
    }

    @Test func theTableListsTerritoryDifferencesWithIntervals() throws {
        let document = try Self.document()
        let rows = try T.elements(document, "//*[local-name()='section'][@id='comparison']//*[local-name()='tr']").map {
            ($0.children ?? []).compactMap(\.stringValue)
        }
        #expect(
            rows.contains([
                Self.alternative, "gp_contacts_per_inhabitant", "contacts per inhabitant a year", "4", "3.5", "-0.5",
                "-0.9 to -0.1", "0.030", "yes", "not screened",
            ]))
        // Coverage: the territory's value is the share within 30 min, 93 % → 91 %. Nothing screened
        // which parameters the differences rest on: each says so.
        #expect(
            rows.contains([
                Self.alternative, "coverage_hospital_emergency_30", "% of inhabitants", "93", "91", "-2", "-2 to -2",
                "–", "yes", "not screened",
            ]))
    }

    @Test func aFolderWithoutComparisonIsRefusedByName() throws {
        let temporary = try TemporaryFolder()
        let database = try T.database(in: temporary)
        #expect {
            try TerritoryReport.html(
                database: database, runs: .none, simulations: .none, comparison: temporary.url.path)
        } throws: {
            "\($0)".contains("comparison.json") && "\($0)".contains("cannot be read")
        }
    }
}
