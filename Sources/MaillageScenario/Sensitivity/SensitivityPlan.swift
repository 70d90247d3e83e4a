import MaillageCore

/// Everything that fixes a sensitivity analysis's design and runs, so that shards made on
/// different machines can be checked against each other and merged.
public struct SensitivityPlan: Sendable, Equatable, Codable {
    /// Morris or Sobol'.
    public var method: SensitivityMethod
    /// The parameters moved, in the design's column order.
    public var parameters: [ParameterRange]
    /// The ranges file.
    public var rangesFile: String
    /// FNV-1a 64 of the ranges file: shards of different ranges must not merge.
    public var rangesHash: String
    /// Morris trajectories, or Sobol' base points N.
    public var size: Int
    /// Morris grid levels.
    public var levels: Int
    /// Seed of the design (the sample matrix); the simulation's own seed is `seed`.
    public var designSeed: UInt64
    /// The simulation's seed at every point.
    public var seed: UInt64
    /// Replications at every point.
    public var replications: Int
    /// Days simulated at every point.
    public var days: Int
    /// The share of inhabitants simulated.
    public var sample: Double
    /// The scenario whose paired difference (scenario − its territory unchanged) is analysed.
    public var scenarioFile: String?
    /// FNV-1a 64 of the scenario file, when there is one.
    public var scenarioHash: String?
    /// The territory database simulated.
    public var database: String

    /// A plan of `size` trajectories (Morris) or base points (Sobol') over `ranges`.
    public init(
        method: SensitivityMethod, ranges: SensitivityRanges, size: Int, levels: Int = 4, designSeed: UInt64 = 1,
        seed: UInt64, replications: Int, days: Int, sample: Double, scenarioFile: String? = nil,
        scenarioHash: String? = nil, database: String
    ) {
        self.method = method
        parameters = ranges.parameters
        rangesFile = ranges.file
        rangesHash = ranges.contentHash
        self.size = size
        self.levels = levels
        self.designSeed = designSeed
        self.seed = seed
        self.replications = replications
        self.days = days
        self.sample = sample
        self.scenarioFile = scenarioFile
        self.scenarioHash = scenarioHash
        self.database = database
    }

    /// The design's points in the unit hypercube, one coordinate per parameter.
    public var design: [[Double]] {
        switch method {
        case .morris:
            MorrisDesign(dimension: parameters.count, trajectories: size, levels: levels, seed: designSeed).points
        case .sobol: SaltelliDesign(dimension: parameters.count, baseCount: size, seed: designSeed).points
        }
    }

    /// The most design points a plan read from a shard may have (`sensitivity` itself never
    /// comes near: 10,000 Sobol' base points of 50 parameters are 520,000).
    public static let maximumPoints = 10_000_000

    /// What makes this plan one that `maillage sensitivity` could not have made, nil when it is
    /// sound: a shard file is input, and a damaged plan made the merge's design trap or hang.
    public var problem: String? {
        if parameters.isEmpty { return "it has no parameter" }
        if let bad = parameters.first(where: { !($0.low.isFinite && $0.high.isFinite && $0.low < $0.high) }) {
            return "parameter '\(bad.name)' has no range low < high"
        }
        if size < 2 || size > Self.maximumPoints { return "its size \(size) is not from 2 to \(Self.maximumPoints)" }
        let (points, overflow) = size.multipliedReportingOverflow(by: parameters.count + 2)
        if overflow || points > Self.maximumPoints { return "it would have more than \(Self.maximumPoints) points" }
        if levels < 2 || levels % 2 != 0 { return "its levels (\(levels)) are not even and at least 2" }
        if days < 1 || replications < 1 || !(sample > 0 && sample <= 1) {
            return "its days, replications or sample are out of range"
        }
        return nil
    }

    /// Design points: size × (D + 1) for Morris, size × (D + 2) for Sobol'.
    public var pointCount: Int { method == .morris ? size * (parameters.count + 1) : size * (parameters.count + 2) }
}
