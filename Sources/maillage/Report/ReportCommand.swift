import ArgumentParser
import Foundation
import MaillageReport
import MaillageStore

/// `maillage report`: one self-contained HTML file a planner can open offline and send on.
struct ReportCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an HTML report: the territory, then a map, a histogram and figures for each indicator run.",
        discussion: """
            The file needs no network: maps and charts are inline SVG. Without --run every \
            indicator run of the database is shown. Examples:
              maillage report --db out/demo.db --out out/demo-report.html
              maillage report --db out/demo.db --run 2 --out apl.html
            """
    )

    @Option(help: "The territory database.")
    var db: String

    @Option(help: "Show only this indicator run (its id, as 'maillage access' prints it).")
    var run: Int64?

    @Option(help: "The HTML file to write.")
    var out: String

    @OptionGroup var global: GlobalOptions

    func execute() throws {
        try Self.write(database: db, run: run, out: out, global: global)
        print(out)
    }

    /// Renders the report of `database` into `out`, replacing it whole or not at all.
    static func write(database path: String, run: Int64?, out: String, global: GlobalOptions) throws {
        let clock = ContinuousClock(), start = clock.now
        let html: String
        do {
            html = try TerritoryReport.html(database: try TerritoryDatabase.open(at: path), runID: run)
        } catch let error as ReportError {
            throw CommandError(message: error.description, status: .usage)
        }
        let target = URL(fileURLWithPath: out).standardizedFileURL  // `a/../b` with no `a`: as AtomicFile
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(html.utf8).write(to: target, options: .atomic)
        } catch {
            throw CommandError(message: "cannot write \(out): \(error.localizedDescription)", status: .cannotCreate)
        }
        global.detail("report of \(path) written in \(clock.now - start) (\(html.utf8.count) bytes)")
    }
}
