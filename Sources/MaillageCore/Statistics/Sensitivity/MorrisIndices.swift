/// Morris elementary-effect screening: μ, μ* and σ per input, with a bootstrap interval on μ*.
///
/// The estimators are SALib's (`SALib.analyze.morris.analyze`, no groups): along each
/// trajectory the input that moves between two consecutive points gets the elementary effect
/// (y(high) − y(low)) / Δ, Δ in unit-hypercube terms; μ is their mean over trajectories, μ* the
/// mean of their absolute values (Campolongo et al. 2007), σ their standard deviation (n − 1).
/// The interval half-width on μ* is z · sd(μ* over bootstrap resamples of the trajectories).
public struct MorrisIndices: Sendable, Equatable, Codable {
    /// The mean elementary effect of each input (signed: effects of opposite signs cancel).
    public var mu: [Double]
    /// The mean absolute elementary effect of each input: its overall influence, used to rank inputs.
    public var muStar: [Double]
    /// The standard deviation of each input's effects: non-linearity or interaction with others.
    public var sigma: [Double]
    /// Half-width of the bootstrap interval on μ* (at `confidenceLevel`).
    public var muStarConfidence: [Double]
    /// The elementary effects: `effects[input][trajectory]`.
    public var effects: [[Double]]

    /// Analyses the outputs of a Morris design.
    ///
    /// - Parameters:
    ///   - inputs: the design's points (unit or scaled: only the direction of each move counts).
    ///   - outputs: one output per point, in the same order.
    ///   - levels: the design's number of grid levels (Δ = levels / (2 (levels − 1))).
    ///   - bootstrap: the resamples of the trajectories behind the interval on μ*.
    ///   - confidenceLevel: the interval's level (0.95 for 95 %).
    public static func analyze(
        inputs: [[Double]], outputs: [Double], levels: Int = 4,
        bootstrap: SensitivityBootstrap = .seeded(count: 1000, seed: 1),
        confidenceLevel: Double = 0.95
    ) -> MorrisIndices {
        let dimension = inputs.first?.count ?? 0
        precondition(
            dimension > 0 && inputs.count == outputs.count && inputs.count % (dimension + 1) == 0,
            "trajectories of dimension + 1 points with one output each")
        let trajectories = inputs.count / (dimension + 1)
        let delta = MorrisDesign.delta(levels: levels)
        var effects = [[Double]](repeating: [Double](repeating: 0, count: trajectories), count: dimension)
        for trajectory in 0..<trajectories {
            let first = trajectory * (dimension + 1)
            var high = [Double](repeating: 0, count: dimension)
            var low = [Double](repeating: 0, count: dimension)
            for step in 0..<dimension {
                let before = inputs[first + step]
                let after = inputs[first + step + 1]
                for variable in 0..<dimension where after[variable] != before[variable] {
                    // SALib adds the outputs on the high and on the low side of every move, then subtracts.
                    if after[variable] > before[variable] {
                        high[variable] += outputs[first + step + 1]
                        low[variable] += outputs[first + step]
                    } else {
                        high[variable] += outputs[first + step]
                        low[variable] += outputs[first + step + 1]
                    }
                }
            }
            for variable in 0..<dimension { effects[variable][trajectory] = (high[variable] - low[variable]) / delta }
        }
        let z = NormalQuantile.of(0.5 + confidenceLevel / 2)
        var result = MorrisIndices(mu: [], muStar: [], sigma: [], muStarConfidence: [], effects: effects)
        for (input, values) in effects.enumerated() {
            let resamples = bootstrap.resamples(size: trajectories, input: input)
            let count = Double(values.count)
            let mean = values.reduce(0, +) / count
            result.mu.append(mean)
            result.muStar.append(values.reduce(0) { $0 + abs($1) } / count)
            result.sigma.append(sampleStandardDeviation(values))
            let replicates = resamples.map { set in set.reduce(0) { $0 + abs(values[$1]) } / Double(set.count) }
            result.muStarConfidence.append(z * sampleStandardDeviation(replicates))
        }
        return result
    }
}
