import Foundation

/// Two-sided 95 % Student-t quantiles and the interval of a mean over replications.
///
/// Internal: main has the same in MaillageCore (`Statistics/StudentT.swift`); after the merge this
/// file can go and the simulation use that one.
enum StudentT {
    /// t(0.975, df) for df = 1…30 (standard tables).
    private static let table: [Double] = [
        12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139,
        2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963,
        2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.045230, 2.042272,
    ]

    /// The 0.975 quantile with `df` degrees of freedom (Cornish–Fisher expansion beyond 30).
    static func quantile975(df: Int) -> Double {
        guard df >= 1 else { return .nan }
        if df <= table.count { return table[df - 1] }
        let z = 1.959963984540054, n = Double(df)
        let z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z
        return z + (z3 + z) / (4 * n) + (5 * z5 + 16 * z3 + 3 * z) / (96 * n * n)
            + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * n * n * n)
    }

    /// Mean and 95 % interval of values (NaN values left out); the interval is nil below two values.
    static func summary(_ values: [Double]) -> (mean: Double, low: Double?, high: Double?, count: Int) {
        let defined = values.filter { !$0.isNaN }
        guard !defined.isEmpty else { return (.nan, nil, nil, 0) }
        let n = Double(defined.count)
        let mean = defined.reduce(0, +) / n
        guard defined.count >= 2 else { return (mean, nil, nil, defined.count) }
        let variance = defined.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        let half = quantile975(df: defined.count - 1) * (variance / n).squareRoot()
        return (mean, mean - half, mean + half, defined.count)
    }
}
