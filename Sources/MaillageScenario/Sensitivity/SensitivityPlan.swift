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

    /// Design points: size × (D + 1) for Morris, size × (D + 2) for Sobol'.
    public var pointCount: Int { method == .morris ? size * (parameters.count + 1) : size * (parameters.count + 2) }
}
