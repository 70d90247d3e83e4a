/// Paired replications folded one at a time: both means, and the mean and variance of the
/// differences (Welford's update), without keeping the values.
///
/// A pair where either value is NaN (undefined in that replication) is left out, as
/// ``PairedDifference/init(baseline:alternative:)`` does. Folding the same pairs in the same
/// order gives the same bits, whatever thread or machine computed them.
public struct PairedAccumulator: Sendable, Equatable {
    /// Pairs folded.
    public private(set) var count = 0
    /// Mean of the baseline's values.
    public private(set) var baselineMean = 0.0
    /// Mean of the alternative's values.
    public private(set) var alternativeMean = 0.0
    /// Mean of (alternative − baseline).
    public private(set) var differenceMean = 0.0
    /// Sum of squared deviations of the differences from their running mean.
    private var squares = 0.0

    /// An accumulator that has folded no pair.
    public init() {}

    /// Folds replication r's pair: the baseline's value and the alternative's.
    public mutating func add(baseline: Double, alternative: Double) {
        guard !baseline.isNaN, !alternative.isNaN else { return }
        count += 1
        let n = Double(count)
        baselineMean += (baseline - baselineMean) / n
        alternativeMean += (alternative - alternativeMean) / n
        let difference = alternative - baseline
        let delta = difference - differenceMean
        differenceMean += delta / n
        squares += delta * (difference - differenceMean)
    }

    /// The sample variance of the differences (n − 1 in the denominator), 0 for fewer than two pairs.
    public var differenceVariance: Double { count > 1 ? squares / Double(count - 1) : 0 }
}
