/// The count, mean and variance of a stream of values, in one pass (Welford's update).
///
/// A comparison folds each zone's values replication by replication into one of these
/// instead of keeping them all. NaN values (undefined in that replication) are left out.
public struct RunningStatistics: Sendable, Equatable {
    /// Values folded (NaN left out).
    public private(set) var count = 0
    private var runningMean = 0.0
    /// Sum of squared deviations from the running mean.
    private var squares = 0.0

    /// Statistics of no value.
    public init() {}

    /// The statistics of `values`, folded in order.
    public init(_ values: some Sequence<Double>) {
        for value in values { add(value) }
    }

    /// Folds one value. Welford's update keeps the variance accurate where the textbook
    /// Σx² − n·mean² would cancel catastrophically.
    public mutating func add(_ value: Double) {
        guard !value.isNaN else { return }
        count += 1
        let delta = value - runningMean
        runningMean += delta / Double(count)
        squares += delta * (value - runningMean)
    }

    /// The mean, NaN when no value was folded.
    public var mean: Double { count > 0 ? runningMean : .nan }

    /// The sample variance (n − 1 in the denominator), 0 for fewer than two values.
    public var variance: Double { count > 1 ? squares / Double(count - 1) : 0 }
}
