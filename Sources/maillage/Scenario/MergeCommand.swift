import ArgumentParser
import Foundation
import MaillageCore
import MaillageIO
import MaillageRuns
import MaillageScenario

/// `maillage merge SHARD…`: a comparison put back together from its shards.
struct MergeCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract:
            "Combine the shards of 'maillage compare|sensitivity|calibrate --shard I/N' into the results one machine would write.",
        discussion: """
            A shard is the file a --shard run wrote (shard-I-of-N.json) or a folder holding such files. Every share \
            1…N must be there once, in any order; shards are read as streams, one job per shard at a time; the scenario files must be where they were and unchanged (they are read again). \
            Every shard stays open during the merge: the open-file limit (ulimit -n) is raised to its hard limit \
            when the shards need it, and a merge the hard limit cannot hold stops before reading. \
            The files written are byte for byte those of a single 'maillage compare' with the same scenarios, seed \
            and replications (provenance.json apart). Calibration shards (calibration-shard-I-of-N.json) are \
            replayed from their evaluations, with the spec and database where they were and unchanged: only the \
            best point is simulated again, and the folder is that of one 'maillage calibrate' run.

            Example:
              maillage merge shards/ --out out/compare
            """
    )

    @Argument(help: "Shard files, or folders of shard files.") var shards: [String]
    @Option(help: "The folder to write into.") var out: String
    @Flag(help: "Print comparison.json on stdout.") var json = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard !shards.isEmpty else { throw ValidationError("give the shard files (or folders) to merge.") }
    }

    func execute() throws {
        let interrupts = InterruptGuard()
        let paths = try shards.flatMap(ShardFolder.files(at:))
        if !paths.isEmpty, paths.allSatisfy(SensitivityShard.isShardFile) {
            let merged = try SensitivityShard.merge(paths)
            global.detail("merged \(paths.count) sensitivity shard(s), \(merged.plan.pointCount) points")
            try SensitivityCommand.write(
                SensitivityAnalysis(plan: merged.plan, outputs: merged.outputs), outputs: merged.outputs,
                to: out, json: json, global: global)
            return
        }
        if !paths.isEmpty, paths.allSatisfy(CalibrationShard.isShardFile) {
            return try CalibrateCommand.merge(paths, out: out, json: json, global: global)
        }
        if let raised = try OpenFileLimit.makeRoom(forShards: paths.count) {
            global.detail("open-file limit raised from \(raised.from) to \(raised.to) for \(paths.count) shards")
        }
        var territories: [String: Territory] = [:]
        let result = try ComparisonShardFile.merge(paths) { scenario in
            if let known = territories[scenario.territoryPath] { return known }
            let loaded = try ComparisonRun.loadTerritory(scenario)
            territories[scenario.territoryPath] = loaded
            return loaded
        }
        let written = try ComparisonFiles.fileNames(result.plan.scenarios).map {
            URL(fileURLWithPath: out).appendingPathComponent($0).path
        }
        try OutputGuard.check(
            outputs: written, role: "--out",
            against: ComparisonRun.inputs(result.plan.scenarios) + paths.map { OutputGuard.Input($0, role: "shard") })
        global.detail("merged \(paths.count) shard(s), \(result.plan.jobs.count) jobs")
        let zones = try ComparisonRun.loadTerritory(result.plan.scenarios[0]).zones
        try CompareCommand.write(result, zones: zones, to: out, json: json, global: global, interrupts: interrupts)
    }

    /// A shard file as given, or the `shard-*.json` files of a folder in name order.
}
