import Foundation
import MaillageTestSupport
import Testing

/// `maillage report --simulation` and `--comparison`, and both rendered by headless Chromium:
/// the maps, legends and charts are drawn in the colours the report promises.
@Suite struct ReportModesCommandTests {
    /// Okabe and Ito's colours of the occupancy chart's lines (beds, emergency, SSIAD, HAD, EHPAD, GP slots).
    static let lineColours = ["#0072b2", "#d55e00", "#e69f00", "#cc79a7", "#009e73", "#56b4e9"]
    /// ColorBrewer PuOr, 6 classes, from colorbrewer2.org; the grey of non-significant zones.
    static let diverging = ["#b35806", "#f1a340", "#fee0b6", "#d8daeb", "#998ec3", "#542788"]
    static let notSignificant = "#bdbdbd"
    /// The GP symbol drawn when a map shows actors by kind.
    static let gpSymbol = "#0b3d91"
    static let intervalColour = "#225ea8"

    let folder: URL
    /// Holds `folder`, removed with the suite instance after each test.
    let scratch: TemporaryFolder
    let db: String

    init() throws {
        scratch = try TemporaryFolder(prefix: "maillage-cli")
        (folder, db) = try CommandLineTests.generatedDatabase(zones: 60, population: 30_000, seed: 6, in: scratch)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// The zone ids of the database, read with the sqlite3 tool.
    func zoneIDs() throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [db, "SELECT id FROM zone ORDER BY id"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.split(separator: "\n").map(String.init)
    }

    /// A comparison folder as `maillage compare --out` writes it, by hand: zone i's coverage
    /// difference cycles through −14, −8, −2, +2, +8, +14 minutes (every seventh zone not
    /// significant), so that each of the six classes of 5 minutes is used.
    func writeComparison(to name: String, alternative: String = "close-ed") throws -> String {
        let out = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let cycle: [Double] = [-14, -8, -2, 2, 8, 14]
        var features: [[String: Any]] = []
        for (index, id) in try zoneIDs().enumerated() {
            let significant = index % 7 != 6
            features.append([
                "type": "Feature", "id": id, "geometry": ["type": "Point", "coordinates": [0, 0]],
                "properties": [
                    "zone_id": id, "coverage_hospital_emergency_30_difference": cycle[index % 6],
                    "coverage_hospital_emergency_30_significant": significant ? 1 : 0,
                    "coverage_hospital_emergency_30_fdr_significant": significant ? 1 : 0,
                    "gp_contacts_per_inhabitant_difference": index % 2 == 0 ? -0.3 : 0.1,
                    "gp_contacts_per_inhabitant_significant": index % 2 == 0 ? 1 : 0,
                    "gp_contacts_per_inhabitant_fdr_significant": 0,
                ],
            ])
        }
        let geojson: [String: Any] = ["type": "FeatureCollection", "features": features]
        try JSONSerialization.data(withJSONObject: geojson).write(
            to: out.appendingPathComponent("\(alternative).geojson"))
        let comparison: [String: Any] = [
            "baseline": "base", "alternatives": [alternative], "replications": 4, "seed": "1", "days": 365,
            "indicators": [
                ["name": "coverage_hospital_emergency_30", "source": "access"],
                ["name": "gp_contacts_per_inhabitant", "source": "simulation"],
            ],
            "scenarios": [
                [
                    "name": "base",
                    "indicators": [
                        "coverage_hospital_emergency_30": ["mean": 0.93, "low": 0.93, "high": 0.93, "values": [0.93]],
                        "gp_contacts_per_inhabitant": ["mean": 4.1, "low": 3.9, "high": 4.3, "values": [4.0, 4.2]],
                    ],
                ],
                [
                    "name": alternative,
                    "indicators": [
                        "coverage_hospital_emergency_30": ["mean": 0.88, "low": 0.88, "high": 0.88, "values": [0.88]],
                        "gp_contacts_per_inhabitant": ["mean": 3.8, "low": 3.5, "high": 4.1, "values": [3.7, 3.9]],
                    ],
                ],
            ],
            "differences": [
                [
                    "alternative": alternative, "indicator": "coverage_hospital_emergency_30", "baseline": 0.93,
                    "alternative_value": 0.88,
                    "difference": -0.05, "lower": -0.05, "upper": -0.05, "p_value": NSNull(), "significant": true,
                ],
                [
                    "alternative": alternative, "indicator": "gp_contacts_per_inhabitant", "baseline": 4.1,
                    "alternative_value": 3.8,
                    "difference": -0.3, "lower": -0.5, "upper": -0.1, "p_value": 0.02, "significant": true,
                ],
            ],
        ]
        try JSONSerialization.data(withJSONObject: comparison).write(to: out.appendingPathComponent("comparison.json"))
        return out.path
    }

    @Test func eachModeWritesItsSectionsAndRefusesWhatItCannotFind() throws {
        #expect(
            try CommandLineTests.run("simulate", "--db", db, "--days", "30", "--out", path("sim"), "-q").status == 0)
        let simulation = try CommandLineTests.run("report", "--db", db, "--simulation", "1", "--out", path("sim.html"))
        #expect(simulation.status == 0, "\(simulation.stderr)")
        let html = try String(contentsOfFile: path("sim.html"), encoding: .utf8)
        #expect(html.contains("id=\"simulation-1\""))
        #expect(html.contains("class=\"occupancy-chart\""))
        #expect(!html.contains("id=\"comparison\""))

        let comparison = try writeComparison(to: "compare")
        let compared = try CommandLineTests.run(
            "report", "--db", db, "--comparison", comparison, "--out", path("compare.html"))
        #expect(compared.status == 0, "\(compared.stderr)")
        let comparisonHTML = try String(contentsOfFile: path("compare.html"), encoding: .utf8)
        #expect(comparisonHTML.contains("id=\"comparison\""))
        #expect(!comparisonHTML.contains("id=\"simulation-1\""))
        for forbidden in ["<script", "<link", "<img", "src=", "@import", "url(http", "href=\"http"] {
            #expect(!html.contains(forbidden) && !comparisonHTML.contains(forbidden), "a report contains \(forbidden)")
        }

        // Without a choice: every run, the simulation included.
        #expect(try CommandLineTests.run("report", "--db", db, "--out", path("all.html")).status == 0)
        #expect(try String(contentsOfFile: path("all.html"), encoding: .utf8).contains("id=\"simulation-1\""))

        let unknown = try CommandLineTests.run("report", "--db", db, "--simulation", "4", "--out", path("x.html"))
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("no simulation run 4; its simulation runs are 1"))
        let missing = try CommandLineTests.run(
            "report", "--db", db, "--comparison", path("nowhere"), "--out", path("y.html"))
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("comparison.json"))
        #expect(
            !FileManager.default.fileExists(atPath: path("x.html"))
                && !FileManager.default.fileExists(atPath: path("y.html")))
    }

    @Test func helpShowsAnExampleOfEachMode() throws {
        let help = try CommandLineTests.run("report", "--help").stdout
        for example in [
            "maillage report --db out/demo.db --out", "--run 2", "--simulation 1", "--comparison out/compare",
        ] {
            #expect(help.contains(example), "no example with \(example)")
        }
    }

    @Test(.enabled(if: Chromium.shouldRun, Chromium.skipMessage))
    func theRenderedSimulationReportShowsTheMapsAndTheOccupancyChart() throws {
        let chromium = try #require(Chromium.path, "chromium is not installed")
        #expect(
            try CommandLineTests.run(
                "simulate", "--db", db, "--days", "60", "--replications", "2", "--out", path("sim"), "-q"
            ).status == 0)
        #expect(
            try CommandLineTests.run("report", "--db", db, "--simulation", "1", "--out", path("sim.html"), "-q").status
                == 0)
        try Chromium.screenshot(
            chromium, page: path("sim.html"), to: path("sim.png"), profile: path("profile"), height: 4000)
        let colours = try PNGColours.measure(
            path("sim.png"), frame: ReportCommandTests.mapBackground,
            colours: ReportCommandTests.palette + Self.lineColours + [Self.gpSymbol])
        #expect(colours.distinct > 500)
        #expect(colours.whiteShare < 0.9)
        let frame = try #require(colours.frame, "no map in the screenshot")
        #expect(abs(frame.maxX - frame.minX + 1 - 660) <= 12)
        for colour in ReportCommandTests.palette {
            let measured = try #require(colours.byColour[colour])
            #expect(measured.inFrame >= 100, "class colour \(colour) covers \(measured.inFrame) pixels of the maps")
            #expect(
                measured.rightOfFrame >= 200,
                "class colour \(colour) covers \(measured.rightOfFrame) pixels of the legends")
        }
        // Every line of the occupancy chart and its legend swatch (28 × 3 pixels at least).
        for colour in Self.lineColours {
            #expect(
                (colours.byColour[colour]?.count ?? 0) >= 60,
                "occupancy line \(colour): \(colours.byColour[colour]?.count ?? 0) pixels")
        }
        // GP practices drawn by kind on the first map.
        #expect((colours.byColour[Self.gpSymbol]?.inFrame ?? 0) >= 30)
    }

    @Test(.enabled(if: Chromium.shouldRun, Chromium.skipMessage))
    func theRenderedComparisonReportShowsTheDivergingMapAndTheIntervals() throws {
        let chromium = try #require(Chromium.path, "chromium is not installed")
        let comparison = try writeComparison(to: "compare")
        #expect(
            try CommandLineTests.run(
                "report", "--db", db, "--comparison", comparison, "--out", path("compare.html"), "-q"
            ).status == 0)
        try Chromium.screenshot(
            chromium, page: path("compare.html"), to: path("compare.png"), profile: path("profile"), height: 2600)
        let colours = try PNGColours.measure(
            path("compare.png"), frame: ReportCommandTests.mapBackground,
            colours: Self.diverging + [Self.notSignificant, Self.intervalColour])
        #expect(colours.distinct > 300)
        let frame = try #require(colours.frame, "no map in the screenshot")
        #expect(abs(frame.maxX - frame.minX + 1 - 660) <= 12)
        for colour in Self.diverging + [Self.notSignificant] {
            let measured = try #require(colours.byColour[colour], "\(colour) is not drawn")
            #expect(measured.inFrame >= 50, "\(colour) covers \(measured.inFrame) pixels of the maps")
            #expect(measured.rightOfFrame >= 200, "\(colour) covers \(measured.rightOfFrame) pixels of the legends")
        }
        // The scenarios' points and intervals (two charts, two scenarios each).
        #expect((colours.byColour[Self.intervalColour]?.count ?? 0) >= 150)
    }
}
