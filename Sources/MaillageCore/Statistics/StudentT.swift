import Foundation

/// The Student t distribution: 95 % intervals of a mean over replications, and p-values.
public enum StudentT {
    /// t(0.975, df) for df = 1…30 (standard tables).
    private static let table: [Double] = [
        12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139,
        2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963,
        2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.045230, 2.042272,
    ]

    /// The 0.975 quantile with `df` degrees of freedom (Cornish–Fisher expansion beyond 30).
    public static func quantile975(df: Int) -> Double {
        guard df >= 1 else { return .nan }
        if df <= table.count { return table[df - 1] }
        let z = 1.959963984540054
        let n = Double(df)
        let z3 = z * z * z
        let z5 = z3 * z * z
        let z7 = z5 * z * z
        let first: Double = (z3 + z) / (4 * n)
        let second: Double = (5 * z5 + 16 * z3 + 3 * z) / (96 * n * n)
        let third: Double = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * n * n * n)
        return z + first + second + third
    }

    /// Mean and 95 % interval of values (NaN values left out); the interval is nil below two values.
    public static func summary(_ values: [Double]) -> (mean: Double, low: Double?, high: Double?, count: Int) {
        let defined = values.filter { !$0.isNaN }
        guard !defined.isEmpty else { return (.nan, nil, nil, 0) }
        let n = Double(defined.count)
        let mean = defined.reduce(0, +) / n
        guard defined.count >= 2 else { return (mean, nil, nil, defined.count) }
        let squares = defined.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let (low, high) = bounds(mean: mean, halfWidth: halfWidth(squaredDeviations: squares, count: defined.count))
        return (mean, low, high, defined.count)
    }

    /// The bounds of the interval `mean ± halfWidth` (NaN where either is NaN).
    ///
    /// Intervals kept as half-widths (a simulation's zone values) are turned into bounds here
    /// when written or stored, so that they have the bits of ``summary(_:)``'s.
    @inline(__always)
    public static func bounds(mean: Double, halfWidth: Double) -> (low: Double, high: Double) {
        (mean - halfWidth, mean + halfWidth)
    }

    /// The half-width of the 95 % interval of a mean of `count` values whose squared deviations
    /// from their mean sum to `squaredDeviations` (NaN below two values).
    ///
    /// Per-zone and per-actor intervals accumulate the sum in place, one replication at a time,
    /// and call this: the same arithmetic as ``summary(_:)``, so the bits agree.
    public static func halfWidth(squaredDeviations: Double, count: Int) -> Double {
        guard count >= 2 else { return .nan }
        let n = Double(count)
        let variance = squaredDeviations / (n - 1)
        return quantile975(df: count - 1) * (variance / n).squareRoot()
    }

    /// P(|T| ≥ t) for t ≥ 0: the regularized incomplete beta I_{ν/(ν+t²)}(ν/2, 1/2).
    public static func twoSidedPValue(_ t: Double, df: Int) -> Double {
        let nu = Double(df)
        return min(1, max(0, incompleteBeta(nu / (nu + t * t), a: nu / 2, b: 0.5)))
    }

    /// Regularized incomplete beta by Lentz's continued fraction (Numerical Recipes §6.4).
    static func incompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        guard x > 0 else { return 0 }
        guard x < 1 else { return 1 }
        if x > (a + 1) / (a + b + 2) { return 1 - incompleteBeta(1 - x, a: b, b: a) }
        let logGammas: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        let logPowers: Double = a * log(x) + b * log(1 - x)
        let front = exp(logGammas + logPowers)
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        d = abs(d) < 1e-300 ? 1e-300 : d
        d = 1 / d
        var f = d
        for step in 1...300 {
            let m = Double(step)
            let even: Double = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            let odd: Double = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            for numerator in [even, odd] {
                d = 1 + numerator * d
                d = abs(d) < 1e-300 ? 1e-300 : d
                c = 1 + numerator / c
                c = abs(c) < 1e-300 ? 1e-300 : c
                d = 1 / d
                f *= d * c
            }
            if abs(d * c - 1) < 1e-15 { break }
        }
        return front * f / a
    }
}
