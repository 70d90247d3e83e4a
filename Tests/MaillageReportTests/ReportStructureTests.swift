import Foundation
import MaillageCore
import MaillageStore
import MaillageTestSupport
import Testing

@testable import MaillageReport

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The report parsed as XML, as a browser or a tool would read it: its elements, not its text.
@Suite struct ReportStructureTests {
    static let hostileName = #"<script>alert("pwned")</script> & Cie"#

    /// Three square communes (one named with markup), an emergency department with a hostile
    /// FINESS name, a GP, and a coverage run: A within 30 min, B beyond, C with no value.
    static func database(in folder: TemporaryFolder, withOutlines: Bool = true) throws -> TerritoryDatabase {
        func square(_ lon: Double, _ lat: Double) throws -> Boundary {
            let ring = try [(lon, lat), (lon + 0.1, lat), (lon + 0.1, lat + 0.1), (lon, lat + 0.1), (lon, lat)].map {
                try GeoPoint(longitude: $0.0, latitude: $0.1)
            }
            return try Boundary(polygons: [[ring]])
        }
        let zones = try [("A", "Alpha", 1.3), ("B", "Beta <b>bold</b>", 1.4), ("C", "Gamma", 1.5)].map {
            id, name, lon in
            try Zone(
                id: id, name: name, point: GeoPoint(longitude: lon + 0.05, latitude: 43.55),
                boundary: withOutlines ? square(lon, 43.5) : nil, population: Population(total: 1_000))
        }
        let actors = try [
            Actor(
                id: "310000001", kind: .hospital, name: hostileName, point: GeoPoint(longitude: 1.35, latitude: 43.55),
                zoneID: "A",
                services: ["emergency"]),
            Actor(
                id: "gp1", kind: .gp, name: "Dr Martin", point: GeoPoint(longitude: 1.45, latitude: 43.55), zoneID: "B",
                capacities: [Capacity(.fte, 1)]),
        ]
        let database = try TerritoryDatabase.create(at: folder.path("t.db"), name: "Test & <territory>")
        try database.save(Territory(name: "Test & <territory>", zones: zones, actors: actors))
        try database.save(
            IndicatorRun(
                method: "coverage",
                parameters: #"{"kind":"hospital","limit":"30","service":"emergency","travel":"line"}"#,
                inputsFingerprint: "abc",
                summary:
                    #"{"coverage_share":0.5,"covered_population":1000,"population":2000,"threshold_minutes":30,"sites":1,"zones":3}"#,
                values: [
                    .init(zoneID: "A", numbers: ["minutes": 10, "covered": 1]),
                    .init(zoneID: "B", numbers: ["minutes": 40, "covered": 0]),
                    .init(
                        zoneID: "C", numbers: ["minutes": Double?.none, "covered": Double?.none] as [String: Double?]),
                ]
            ))
        return database
    }

    static func parse(_ html: String) throws -> XMLDocument {
        try XMLDocument(xmlString: html, options: [])
    }

    static func elements(_ document: XMLDocument, _ xpath: String) throws -> [XMLElement] {
        try document.nodes(forXPath: xpath).compactMap { $0 as? XMLElement }
    }

    @Test func hostileNamesShowAsTextAndNeverAsMarkup() throws {
        let folder = try TemporaryFolder()
        let html = try TerritoryReport.html(database: try Self.database(in: folder))
        let document = try Self.parse(html)
        #expect(try Self.elements(document, "//*[local-name()='script']").isEmpty)
        #expect(try Self.elements(document, "//*[local-name()='b']").isEmpty)
        let titles = try Self.elements(document, "//*[local-name()='title']").compactMap(\.stringValue)
        #expect(titles.contains { $0.contains(Self.hostileName) })
        #expect(titles.contains { $0.hasPrefix("Beta <b>bold</b> (B)") })
        #expect(
            try Self.elements(document, "//*[local-name()='h1']").first?.stringValue
                == "Maillage report: Test & <territory>")
    }

    @Test func theMapDrawsEachZoneInItsClassAndOutlinesThoseBeyondTheThreshold() throws {
        let folder = try TemporaryFolder()
        let document = try Self.parse(try TerritoryReport.html(database: try Self.database(in: folder)))
        let zones = try Self.elements(
            document, "//*[local-name()='svg'][@class='map']/*[local-name()='g'][@class='zones']/*[local-name()='path']"
        )
        #expect(zones.count == 3)
        // Titles start with the zone's name; fills: 10 min is the lowest class, 40 the highest,
        // C has no value and is hatched (the 5-class YlGnBu ends, written by hand).
        let fills = Dictionary(
            uniqueKeysWithValues: zones.map { ($0.stringValue?.prefix(1) ?? "", $0.value(of: "fill") ?? "") })
        #expect(fills["A"] == "#ffffcc")
        #expect(fills["B"] == "#253494")
        #expect(fills["G"] == "url(#run-1-no-value)")
        #expect(try Self.elements(document, "//*[local-name()='pattern'][@id='run-1-no-value']").count == 1)
        let outlined = try Self.elements(document, "//*[local-name()='g'][@class='highlighted']/*")
        #expect(outlined.count == 1)
        // B alone is beyond: its rim is its own square, the same four corners as its fill.
        let corners = { (d: String?) in Set((d ?? "").split(whereSeparator: { "MLZ".contains($0) }).map(String.init)) }
        let beta = zones.first { $0.stringValue?.hasPrefix("Beta") == true }
        #expect(corners(outlined.first?.value(of: "d")) == corners(beta?.value(of: "d")))
        // The emergency department only: the GP is not a site of this run.
        let actors = try Self.elements(document, "//*[local-name()='g'][@class='actors']/*")
        #expect(actors.map { $0.value(of: "class") } == ["emergency"])
        let legend = try Self.elements(document, "//*[local-name()='g'][@class='legend']").first?.stringValue ?? ""
        #expect(legend.contains("no value1 zone"))
        #expect(legend.contains("beyond 30 min1 zone, 1,000 inh."))
        #expect(legend.contains("Emergency department (1)"))
        #expect(legend.contains("Lambert-93"))
    }

    @Test func theHistogramAndTablesCarryTheRunsFigures() throws {
        let folder = try TemporaryFolder()
        let document = try Self.parse(try TerritoryReport.html(database: try Self.database(in: folder)))
        let bars = try Self.elements(
            document,
            "//*[local-name()='svg'][@class='histogram']//*[local-name()='g'][@class='bars']/*[local-name()='rect']")
        #expect(bars.count == 2)
        let cells = try Self.elements(document, "//*[local-name()='td']").compactMap(\.stringValue)
        #expect(cells.contains("50.0 %"))
        #expect(cells.contains("exponential:0.12") == false)
        let keyFigure = try Self.elements(document, "//*[local-name()='p'][@class='key-figure']").first?.stringValue
        #expect(
            keyFigure
                == "50.0 % of the population lives within 30 minutes of an emergency department; 1,000 inhabitants live beyond."
        )
    }

    @Test func zonesWithoutOutlinesAreCircles() throws {
        let folder = try TemporaryFolder()
        let document = try Self.parse(
            try TerritoryReport.html(database: try Self.database(in: folder, withOutlines: false)))
        let circles = try Self.elements(document, "//*[local-name()='g'][@class='zones']/*[local-name()='circle']")
        #expect(circles.count == 3)
        #expect(
            try Self.elements(document, "//*[local-name()='g'][@class='highlighted']/*[local-name()='circle']").count
                == 1)
    }

    @Test func anUnknownRunIsRefusedNamingTheRunsThatExist() throws {
        let folder = try TemporaryFolder()
        let database = try Self.database(in: folder)
        #expect(throws: ReportError.self) { try TerritoryReport.html(database: database, runID: 7) }
        do {
            _ = try TerritoryReport.html(database: database, runID: 7)
        } catch {
            #expect("\(error)".contains("no indicator run 7; its runs are 1"))
        }
        let only = try Self.parse(try TerritoryReport.html(database: database, runID: 1))
        #expect(try Self.elements(only, "//*[local-name()='section']").count == 2)
    }
}

extension XMLElement {
    /// An attribute's value, looked up by name among all attributes (on Linux,
    /// `attribute(forName:)` misses attributes of elements in a default namespace).
    func value(of name: String) -> String? {
        attributes?.first { $0.name == name || $0.localName == name }?.stringValue
    }
}
