import Foundation
import MaillageTestSupport
import Testing

/// `maillage report` and the demo's report, checked as a person sees them: the file opens
/// offline, and once rendered by a real browser its map and legend show the palette.
@Suite struct ReportCommandTests {
    /// The 5-class ColorBrewer YlGnBu the maps use, written out from colorbrewer2.org.
    static let palette = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"]
    static let alert = "#e31a1c"
    static let mapBackground = "#f4f4f4"

    @Test func aReportNeedsNoNetworkAndNamesItsRuns() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("t.db")
        let out = folder.path("deep/er/report.html")
        #expect(
            try CommandLineTests.run(
                "generate", "--zones", "60", "--population", "70000", "--seed", "3", "--out", db, "-q"
            ).status == 0)
        #expect(
            try CommandLineTests.run(
                "access", "coverage", "--db", db, "--kind", "hospital", "--service", "emergency",
                "--limit", "20", "--out", folder.path("c.csv"), "-q"
            ).status == 0)
        let result = try CommandLineTests.run("report", "--db", db, "--out", out)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == out + "\n")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        // Nothing to fetch: no scripts, stylesheets, images or external references.
        for forbidden in ["<script", "<link", "<img", "src=", "@import", "url(http", "href=\"http"] {
            #expect(!html.contains(forbidden), "the report contains \(forbidden)")
        }
        #expect(html.contains("Run 1: Minutes to the nearest emergency department"))
        #expect(html.contains("beyond 20 min"))

        let unknown = try CommandLineTests.run("report", "--db", db, "--run", "9", "--out", folder.path("x.html"))
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("no indicator run 9; its runs are 1"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("x.html")))
        #expect(
            try CommandLineTests.run("report", "--db", folder.path("missing.db"), "--out", folder.path("y.html")).status
                == 66)
    }

    @Test func theDemoEndsWithItsReport() throws {
        let folder = try TemporaryFolder()
        let result = try CommandLineTests.run("demo", "--out", folder.url.path, "--replications", "1", "-q")
        #expect(result.status == 0, "\(result.stderr)")
        let report = folder.path("demo-report.html")
        #expect(result.stdout.hasSuffix("Report: \(report)\n"))
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.contains("Run 2: E2SFCA accessibility to GP practices"))
        #expect(html.contains("--seed 2026"))
    }

    @Test(.enabled(if: Chromium.shouldRun, Chromium.skipMessage))
    func theRenderedDemoReportShowsTheMapAndItsLegend() throws {
        let chromium = try #require(
            Chromium.path, "chromium is not installed (scripts/install-deps.sh --test installs it)")
        let folder = try TemporaryFolder()
        #expect(try CommandLineTests.run("demo", "--out", folder.url.path, "--replications", "1", "-q").status == 0)
        let png = folder.path("demo-report.png")
        try Chromium.screenshot(
            chromium, page: folder.path("demo-report.html"), to: png, profile: folder.path("chromium-profile"))

        let colours = try PNGColours.measure(png, frame: Self.mapBackground, colours: Self.palette + [Self.alert])
        #expect(colours.width == 1200 && colours.height == 1600)
        // Not blank: text, map and chart give thousands of colours; white is not everything.
        #expect(colours.distinct > 500)
        #expect(colours.whiteShare < 0.9)
        // The map's background rectangle is there, 660 CSS pixels wide as drawn.
        let frame = try #require(colours.frame, "no map background (\(Self.mapBackground)) in the screenshot")
        #expect(abs(frame.maxX - frame.minX + 1 - 660) <= 12)
        #expect(frame.maxY - frame.minY > 300)
        for colour in Self.palette {
            let measured = try #require(colours.byColour[colour])
            // Every class colours some zones on the map, and its swatch (22 × 16) in the legend.
            #expect(measured.inFrame >= 200, "class colour \(colour) covers \(measured.inFrame) pixels of the map")
            #expect(
                measured.rightOfFrame >= 200,
                "class colour \(colour) covers \(measured.rightOfFrame) pixels of the legend")
        }
        // The emergency departments and the zones beyond 30 minutes, in red.
        #expect((colours.byColour[Self.alert]?.inFrame ?? 0) >= 100)
    }
}

/// Headless Chromium (Debian's `chromium`), found on the PATH.
enum Chromium {
    static var path: String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }

    /// In CI a missing browser fails the test; on a developer's machine it is skipped.
    static var shouldRun: Bool { path != nil || ProcessInfo.processInfo.environment["CI"] == "true" }

    static let skipMessage: Comment =
        "needs chromium (scripts/install-deps.sh --test); CI=true makes its absence a failure"

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Renders `page` at 1200 × `height` CSS pixels into `png`, giving up after 90 seconds.
    static func screenshot(_ chromium: String, page: String, to png: String, profile: String, height: Int = 1600) throws
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = [
            "--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars", "--user-data-dir=\(profile)",
            "--screenshot=\(png)", "--window-size=1200,\(height)", URL(fileURLWithPath: page).absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(90)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning {
            process.terminate()
            throw Failure(description: "chromium did not finish the screenshot within 90 s")
        }
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: png) else {
            throw Failure(description: "chromium exited with \(process.terminationStatus) and wrote no \(png)")
        }
    }
}

/// What `scripts/report/png_colours.py` (python3 and zlib, no image package) finds in a PNG.
struct PNGColours {
    struct Colour {
        let count: Int
        let inFrame: Int
        let rightOfFrame: Int
    }

    struct Frame {
        let minX: Int, maxX: Int, minY: Int, maxY: Int
    }

    let width: Int
    let height: Int
    let distinct: Int
    let whiteShare: Double
    let byColour: [String: Colour]
    let frame: Frame?

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/report/png_colours.py").path

    static func measure(_ png: String, frame: String, colours: [String]) throws -> PNGColours {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, png, "--frame", frame] + colours
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
            let json = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let found = json["colours"] as? [String: [String: Any]]
        else { throw Chromium.Failure(description: "png_colours.py could not read \(png)") }
        let frameBox = (found[frame]?["frame"] as? [String: Int]).flatMap { box -> Frame? in
            guard let minX = box["min_x"], let maxX = box["max_x"], let minY = box["min_y"], let maxY = box["max_y"]
            else { return nil }
            return Frame(minX: minX, maxX: maxX, minY: minY, maxY: maxY)
        }
        return PNGColours(
            width: json["width"] as? Int ?? 0, height: json["height"] as? Int ?? 0,
            distinct: json["distinct"] as? Int ?? 0,
            whiteShare: json["white_share"] as? Double ?? 1,
            byColour: found.mapValues {
                Colour(
                    count: $0["count"] as? Int ?? 0, inFrame: $0["in_frame"] as? Int ?? 0,
                    rightOfFrame: $0["right_of_frame"] as? Int ?? 0)
            },
            frame: frameBox
        )
    }
}
