import Foundation
import MaillageCore

/// The difference between an alternative and the baseline over paired replications
/// (common random numbers), with a Student-t 95 % interval on n − 1 degrees of freedom.
public struct PairedDifference: Sendable, Equatable {
    /// Mean of the baseline's values.
    public var baseline: Double
    /// Mean of the alternative's values.
    public var alternative: Double
    /// Mean of (alternative − baseline) over the replications.
    public var difference: Double
    /// Lower bound of the 95 % interval of the difference.
    public var lower: Double
    /// Upper bound of the 95 % interval of the difference.
    public var upper: Double
    /// Two-sided p-value of "no difference" (0 or 1 when every replication agrees exactly).
    public var pValue: Double
    /// Pairs used (pairs with NaN left out).
    public var replications: Int

    /// Whether the 95 % interval excludes 0.
    public var isSignificant: Bool { lower > 0 || upper < 0 }

    /// Pairs the replications' values, in order; NaN pairs (undefined in either) are left out.
    public init?(baseline: [Double], alternative: [Double]) {
        var pairs = PairedAccumulator()
        for (b, a) in zip(baseline, alternative) { pairs.add(baseline: b, alternative: a) }
        self.init(pairs)
    }

    /// The difference and its interval from pairs folded one at a time; nil when no pair was folded.
    public init?(_ pairs: PairedAccumulator) {
        guard pairs.count > 0 else { return nil }
        let n = Double(pairs.count)
        baseline = pairs.baselineMean
        alternative = pairs.alternativeMean
        difference = pairs.differenceMean
        replications = pairs.count
        let variance = pairs.differenceVariance
        // Differences smaller than rounding noise count as none (identical runs give exactly 0).
        let noise = 1e-12 * max(1, abs(baseline), abs(alternative))
        if variance <= noise * noise {
            (lower, upper) = (difference, difference)
            pValue = abs(difference) <= noise ? 1 : 0
            if abs(difference) <= noise { (difference, lower, upper) = (0, 0, 0) }
            return
        }
        let standardError = (variance / n).squareRoot()
        let t = StudentT.quantile975(df: pairs.count - 1)
        lower = difference - t * standardError
        upper = difference + t * standardError
        pValue = StudentT.twoSidedPValue(abs(difference) / standardError, df: pairs.count - 1)
    }
}

/// Benjamini–Hochberg: which of many p-values stay discoveries at a false-discovery rate.
public enum FalseDiscovery {
    /// For each p-value, whether it stays a discovery when the false-discovery rate is held at `rate`.
    public static func benjaminiHochberg(_ pValues: [Double], rate: Double = 0.05) -> [Bool] {
        let order = pValues.indices.sorted { pValues[$0] < pValues[$1] }
        let m = Double(pValues.count)
        var cutoff = -1
        for (rank, index) in order.enumerated() where pValues[index] <= Double(rank + 1) / m * rate { cutoff = rank }
        var flags = [Bool](repeating: false, count: pValues.count)
        if cutoff >= 0 { for index in order.prefix(cutoff + 1) { flags[index] = true } }
        return flags
    }
}
