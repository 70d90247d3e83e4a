import MaillageCore

/// The indices of every indicator, and which indicators rest on assumptions.
public struct SensitivityAnalysis: Sendable, Equatable {
    /// One indicator's indices, one entry per parameter (in the plan's order).
    public struct Indicator: Sendable, Equatable {
        /// The indicator's name.
        public var name: String
        /// Its mean over the design points.
        public var mean: Double
        /// Its standard deviation over the design points.
        public var standardDeviation: Double
        /// Morris indices, with the Morris method.
        public var morris: MorrisIndices?
        /// Sobol' indices, with the Sobol' method.
        public var sobol: SobolIndices?
        /// The share of the indicator's variance that comes from parameters with no observed
        /// source: Σ ST over them / Σ ST (Sobol'), or Σ μ*² / Σ μ*² (Morris, a screening proxy).
        /// NaN when the indicator does not vary or is undefined.
        public var assumptionShare: Double
        /// More than half the variance from unobserved parameters.
        public var assumptionDriven: Bool { assumptionShare > 0.5 }
    }

    /// The plan the outputs come from.
    public var plan: SensitivityPlan
    /// One entry per indicator.
    public var indicators: [Indicator]

    /// Bootstrap resamples of the intervals (their seed is the plan's design seed).
    public static let resamples = 1000

    /// Computes the indices of every indicator from the outputs of every design point.
    ///
    /// - Throws: ``ScenarioError`` when some design points have no output yet.
    public init(plan: SensitivityPlan, outputs: SensitivityOutputs) throws {
        guard let matrix = outputs.complete else {
            throw ScenarioError(
                file: plan.rangesFile,
                reason: "\(outputs.values.filter { $0 == nil }.count) design points have no output yet")
        }
        self.plan = plan
        let design = plan.design
        let unobserved = plan.parameters.map { !$0.observed }
        indicators = outputs.indicators.indices.map { column in
            let values = matrix.map { $0[column] }
            let count = Double(values.count)
            let mean = values.reduce(0, +) / count
            let sd = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / max(1, count - 1)).squareRoot()
            var indicator = Indicator(
                name: outputs.indicators[column], mean: mean, standardDeviation: sd, assumptionShare: .nan)
            // An undefined or constant indicator has no variance to share out.
            guard values.allSatisfy(\.isFinite), values.contains(where: { $0 != values[0] }) else { return indicator }
            let bootstrap = SensitivityBootstrap.seeded(count: Self.resamples, seed: plan.designSeed)
            let weights: [Double]
            switch plan.method {
            case .morris:
                let indices = MorrisIndices.analyze(
                    inputs: design, outputs: values, levels: plan.levels, bootstrap: bootstrap)
                indicator.morris = indices
                weights = indices.muStar.map { $0 * $0 }
            case .sobol:
                let indices = SobolIndices.analyze(
                    outputs: values, dimension: plan.parameters.count, bootstrap: bootstrap)
                indicator.sobol = indices
                weights = indices.total.map { max(0, $0) }
            }
            let total = weights.reduce(0, +)
            if total > 0 {
                indicator.assumptionShare = zip(weights, unobserved).filter(\.1).map(\.0).reduce(0, +) / total
            }
            return indicator
        }
    }
}
