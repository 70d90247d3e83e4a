import ArgumentParser
import Foundation
import MaillageCore
import MaillageScenario
import MaillageSim
import MaillageStore

extension SensitivityMethod: ExpressibleByArgument {}

/// `maillage sensitivity`: which parameters move which indicators (Morris screening or Sobol' indices).
struct SensitivityCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Screen (Morris) or decompose (Sobol') the simulation's indicators over parameter ranges.",
        discussion: """
            RANGES is a YAML list of parameters (dotted names as in a scenario's overrides) with range: [low, high] \
            or scale: [low, high] and observed: true|false (data/sensitivity-ranges.yaml covers every assumed parameter). \
            Every point runs the same seed and replications (common random numbers). With --scenario the analysed \
            outputs are the scenario's paired differences (scenario − its territory unchanged), with the scenario's \
            days, seed, replications and sample. Writes indices.csv, indicators.csv (assumption_share, \
            assumption_driven: more than half the variance from parameters with observed: false), design.csv, \
            outputs.csv and sensitivity.json. With --shard I/N only a share of the points runs and \
            sensitivity-shard-I-of-N.json is written; 'maillage merge' gives the files of one run, byte for byte.
            Example: maillage sensitivity --db t.db --ranges data/sensitivity-ranges.yaml --method morris --trajectories 10 --sample 0.1 --out sens
            """
    )

    @Option(help: "The territory database.") var db: String
    @Option(help: "The YAML file of parameter ranges.") var ranges: String
    @Option(help: "morris or sobol.") var method: SensitivityMethod
    @Option(help: "Morris trajectories (runs: trajectories × (parameters + 1)).") var trajectories: Int = 10
    @Option(help: "Sobol' base samples N (runs: N × (parameters + 2)).") var samples: Int = 64
    @Option(help: "Morris grid levels (even).") var levels: Int = 4
    @Option(name: .customLong("design-seed"), help: "Seed of the sample matrix.") var designSeed: UInt64 = 1
    @Option(help: "A scenario file: analyse its paired difference with the territory unchanged.") var scenario: String?
    @Option(help: "A JSON file of parameters the ranges start from (without --scenario).") var params: String?
    @Option(help: "Days simulated per point (without --scenario).") var days: Int = 365
    @Option(help: "The simulation seed, the same at every point.") var seed: UInt64 = 1
    @Option(help: "Replications per point, the same indices at every point.") var replications: Int = 1
    @Option(help: "Simulate this fraction of the inhabitants, in (0, 1] (without --scenario).") var sample: Double = 1
    @Option(help: "Points run at once; results do not depend on it.") var threads: Int = ProcessInfo.processInfo
        .activeProcessorCount
    @Option(help: "Run only the I-th of N shares of the points (1-based) and write a shard for 'maillage merge'.")
    var shard: String?
    @Option(help: "The results folder.") var out: String
    @Flag(help: "Print sensitivity.json on stdout.") var json = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard trajectories >= 2 else { throw ValidationError("--trajectories must be at least 2.") }
        guard samples >= 2 else { throw ValidationError("--samples must be at least 2.") }
        guard levels >= 2, levels % 2 == 0 else { throw ValidationError("--levels must be even and at least 2.") }
        guard days >= 1, replications >= 1, threads >= 1 else {
            throw ValidationError("--days, --replications and --threads must be at least 1.")
        }
        guard sample > 0, sample <= 1 else { throw ValidationError("--sample must be a fraction in (0, 1].") }
        if let shard, ComparisonShard(shard) == nil {
            throw ValidationError("--shard takes I/N with 1 ≤ I ≤ N, such as 2/8 (not '\(shard)').")
        }
        if scenario != nil, params != nil {
            throw ValidationError("--params goes in the scenario file (params:) when --scenario is given.")
        }
    }

    func execute() throws {
        let rangeFile = try SensitivityRanges.load(ranges)
        let territory = try TerritoryDatabase.open(at: db).loadTerritory()
        let model: SensitivityModel
        var scenarioHash: String?
        if let scenario {
            let scenarios = try ScenarioLoader.load(scenario)
            guard scenarios.count == 1 else {
                throw CommandError(message: "\(scenario) is a sweep; give one scenario", category: .data)
            }
            model = SensitivityModel(scenario: scenarios[0], territory: territory)
            scenarioHash = scenarios[0].contentHash
        } else {
            let base = try params.map(ParameterFile.load) ?? .defaults
            model = SensitivityModel(
                territory: territory, base: base, days: days, seed: seed, replications: replications, sample: sample)
        }
        let plan = SensitivityPlan(
            method: method, ranges: rangeFile, size: method == .morris ? trajectories : samples, levels: levels,
            designSeed: designSeed, seed: model.seed, replications: model.replications, days: model.days,
            sample: model.sample, scenarioFile: scenario, scenarioHash: scenarioHash, database: db)
        let part = shard.flatMap(ComparisonShard.init)
        let positions = part.map { SensitivityShard.positions(plan, shard: $0) }
        let count = positions?.count ?? plan.pointCount
        global.detail(
            "\(plan.parameters.count) parameters, \(plan.pointCount) points (\(count) here) × \(plan.replications) replication(s)"
        )
        let progress = ProgressBar(estimatedTotal: count, unit: "points", global: global, minimum: 2)
        let outputs = try SensitivityRunner.run(plan, model: model, positions: positions, threads: threads) {
            progress.step()
        }
        progress.finish()
        if let part {
            let path = try SensitivityShard(plan: plan, shard: part, outputs: outputs).write(to: out)
            global.status("shard \(part): \(count) of \(plan.pointCount) points → \(path)")
            return
        }
        try Self.write(
            SensitivityAnalysis(plan: plan, outputs: outputs), outputs: outputs, to: out, json: json, global: global)
    }

    static func write(
        _ analysis: SensitivityAnalysis, outputs: SensitivityOutputs, to out: String, json: Bool, global: GlobalOptions
    ) throws {
        try SensitivityFiles.write(analysis, outputs: outputs, to: out)
        let driven = analysis.indicators.filter { $0.assumptionShare.isFinite && $0.assumptionDriven }.map(\.name)
        global.status("\(analysis.indicators.count) indicators, \(driven.count) assumption-driven → \(out)")
        if json {
            print(SensitivityFiles.json(analysis), terminator: "")
        } else {
            for indicator in analysis.indicators where indicator.assumptionShare.isFinite {
                print(
                    "\(indicator.name): \(String(format: "%.0f", 100 * indicator.assumptionShare)) % from assumed parameters\(indicator.assumptionDriven ? "  [assumption-driven]" : "")"
                )
            }
        }
    }
}
