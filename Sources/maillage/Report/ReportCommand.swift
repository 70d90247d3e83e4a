import ArgumentParser
import Foundation
import MaillageFormats
import MaillageIO
import MaillageReport
import MaillageStore

/// `maillage report`: one self-contained HTML file a planner can open offline and send on.
struct ReportCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an HTML report: the territory, its indicator runs, simulation runs or a scenario comparison.",
        discussion: """
            The file needs no network: maps and charts are inline SVG. Without --run, --simulation \
            or --comparison every indicator run and every simulation run of the database is shown; \
            with any of them, only what they name. Examples:
              maillage report --db out/demo.db --out out/demo-report.html            # every run
              maillage report --db out/demo.db --run 2 --out apl.html                # one indicator run
              maillage report --db out/demo.db --simulation 1 --out sim.html         # one simulation run
              maillage report --db out/demo.db --comparison out/compare --out compare.html
                                                    # a folder 'maillage compare … --out' wrote
            """
    )

    @Option(help: "The territory database.")
    var db: String

    @Option(help: "Show this indicator run (its id, as 'maillage access' prints it).")
    var run: Int64?

    @Option(help: "Show this simulation run (its id, as 'maillage simulate' prints it).")
    var simulation: Int64?

    @Option(help: "Show the scenario comparison in this folder (what 'maillage compare --out' writes).")
    var comparison: String?

    @Option(
        help: ArgumentHelp(
            "With --comparison: what 'maillage sensitivity --scenario FILE --out DIR' wrote (DIR or ALTERNATIVE=DIR, "
                + "repeatable): each difference says whether it rests on assumed parameters.",
            valueName: "dir"))
    var sensitivity: [String] = []

    @Option(
        help: "Show the per-site validation of this calibration folder (what 'maillage calibrate --out' writes).")
    var calibration: String?

    @Option(help: "Draw the isochrones in this GeoJSON file (what 'maillage access isochrones' writes) over the zones.")
    var isochrones: String?

    @Option(
        help:
            "Draw the sites chosen in this GeoJSON file (what 'maillage locate --out FILE.geojson' writes) over the zones."
    )
    var locate: String?

    @Option(help: "The HTML file to write.")
    var out: String

    @OptionGroup var global: GlobalOptions

    func execute() throws {
        try Self.write(
            database: db, run: run, simulation: simulation, comparison: comparison, isochrones: isochrones,
            locate: locate, sensitivity: sensitivity, calibration: calibration, out: out, global: global)
        print(out)
    }

    /// Renders the report of `database` into `out`, replacing it whole or not at all.
    static func write(
        database path: String, run: Int64?, simulation: Int64? = nil, comparison: String? = nil,
        isochrones: String? = nil, locate: String? = nil, sensitivity: [String] = [], calibration: String? = nil,
        out: String, global: GlobalOptions
    ) throws {
        guard sensitivity.isEmpty || comparison != nil else {
            throw ValidationError("--sensitivity flags a comparison's differences: give --comparison DIR too")
        }
        // The comparison folder's files are inputs too (report --comparison out --out out/comparison.json).
        let comparisonFiles =
            comparison.map { folder in
                ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).map {
                    OutputGuard.Input(
                        URL(fileURLWithPath: folder).appendingPathComponent($0).path, role: "--comparison file")
                }
            } ?? []
        let drawnFiles = [
            (isochrones, "--isochrones"), (locate, "--locate"),
            (
                calibration.map { URL(fileURLWithPath: $0).appendingPathComponent("sites.geojson").path },
                "--calibration"
            ),
            (
                calibration.map { URL(fileURLWithPath: $0).appendingPathComponent("calibration.json").path },
                "--calibration"
            ),
        ].compactMap { file, role in
            file.map { OutputGuard.Input($0, role: role) }
        }
        try OutputGuard.check(
            output: out, role: "--out", against: OutputGuard.Input.database(path) + comparisonFiles + drawnFiles)
        let clock = ContinuousClock()
        let start = clock.now
        let everything = run == nil && simulation == nil && comparison == nil && calibration == nil
        // ReportError carries its category (a missing file is told apart where it is read).
        let html = try TerritoryReport.html(
            database: try TerritoryDatabase.open(at: path),
            runs: run.map(RunChoice.only) ?? (everything ? .all : .none),
            simulations: simulation.map(RunChoice.only) ?? (everything ? .all : .none),
            comparison: comparison, isochrones: isochrones, location: locate, sensitivity: sensitivity,
            calibration: calibration
        )
        // As every export: a temporary file beside `out`, renamed once whole; a full disk is said
        // plainly and leaves any previous report untouched (FileAccessError, exit 73).
        try TextFile.write(html, to: out)
        global.detail("report of \(path) written in \(clock.now - start) (\(html.utf8.count) bytes)")
    }
}
