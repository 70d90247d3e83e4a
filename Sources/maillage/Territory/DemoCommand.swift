import ArgumentParser
import Foundation
import MaillageAccess
import MaillageGenerator
import MaillageRuns
import MaillageStore

struct DemoCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the main job end to end on the demo territory.",
        discussion: """
            Generates the demo territory into DIR/demo.db (replacing the one an earlier demo made), \
            describes it, runs two accessibility studies and a year of simulation (4 replications), and writes \
            their report to DIR/demo-report.html; then compares the busiest emergency department closing at \
            night with the baseline (DIR/demo-comparison/, report DIR/demo-comparison.html). Example: maillage demo --out out
            """
    )

    /// The demo territory: a rural-and-urban département-sized area, small enough for seconds.
    static let demoOptions = try! GeneratorOptions(zones: 150, population: 180_000, seed: 2026, name: "Demo")

    @Option(help: "The folder the demo writes into.")
    var out: String = "out"

    @Option(help: "Replications of the simulation and of the comparison (fewer is faster).")
    var replications: Int = DemoScenarios.replications

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard (1...1_000).contains(replications) else {
            throw ValidationError("--replications must be between 1 and 1000.")
        }
    }

    func execute() throws {
        let path = Self.file("demo.db", in: out)
        try removePreviousDemo(at: path)
        try GenerateCommand.generate(Self.demoOptions, into: path, global: global)
        print(SummaryText.table(try TerritoryDatabase.open(at: path).summary(), path: path))
        try runIndicators(database: path)
        _ = try DemoScenarios.simulate(database: path, replications: replications, global: global)
        let report = Self.file("demo-report.html", in: out)
        try ReportCommand.write(database: path, run: nil, out: report, global: global)
        let comparison = Self.file("demo-comparison", in: out)
        _ = try DemoScenarios.compare(database: path, folder: comparison, replications: replications, global: global)
        let comparisonReport = Self.file("demo-comparison.html", in: out)
        try ReportCommand.write(database: path, run: nil, comparison: comparison, out: comparisonReport, global: global)
        print("Comparison report: \(comparisonReport)")
        print("Report: \(report)")
    }

    /// The first questions a planner asks: who is beyond 30 minutes of an emergency
    /// department, and how many GPs are within reach (APL, per 100,000 age-standardised inhabitants).
    private func runIndicators(database path: String) throws {
        let coverage = Self.file("demo-emergency-coverage.csv", in: out)
        let apl = Self.file("demo-gp-apl.geojson", in: out)
        print("")
        var coverageParameters = StudyParameters(kind: "hospital", service: "emergency", travel: "line")
        coverageParameters.limit = "30"
        try StudyRunner.run(
            AccessRequest(
                method: .coverage(threshold: 30), kinds: [.hospital], services: ["emergency"],
                travel: .line(.calibrated, limit: 30)),
            parameters: coverageParameters, database: path, out: coverage, log: global.log
        ).print(out: coverage, json: false, global: global)
        var aplParameters = StudyParameters(kind: "gp")
        (aplParameters.method, aplParameters.decay, aplParameters.limit) = ("e2sfca", "exponential:0.12", "30")
        (aplParameters.demand, aplParameters.per) = ("age-weighted", "100000")
        try StudyRunner.run(
            AccessRequest(
                method: .catchment(FloatingCatchment(decay: .exponential(beta: 0.12), limit: 30)), kinds: [.gp],
                capacity: .fte, demand: .ageWeighted(.drees), travel: .line(.calibrated, limit: 30), per: 100_000),
            parameters: aplParameters, database: path, out: apl, log: global.log
        ).print(out: apl, json: false, global: global)
        print("Results: \(coverage), \(apl)")
    }

    /// A file of the demo's folder, written as the user gave the folder (`out/demo.db`).
    static func file(_ name: String, in folder: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The demo owns `demo.db` in its folder; anything else there is left alone.
    private func removePreviousDemo(at path: String) throws {
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            do {
                try FileManager.default.removeItem(atPath: file)
            } catch {
                throw CommandError(
                    message: "cannot replace \(file): \(error.localizedDescription)", category: .cannotCreateOutput)
            }
        }
    }
}
