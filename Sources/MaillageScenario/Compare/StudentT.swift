import Foundation

/// The Student t distribution, for paired confidence intervals and p-values.
enum StudentT {
    /// The 97.5th percentile (two-sided 95 %), from the standard table for 1–30 degrees of
    /// freedom, then by the Cornish–Fisher expansion (accurate to 1e-4 beyond 30).
    static func quantile975(degreesOfFreedom df: Int) -> Double {
        let table = [12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622, 2.2281,
                     2.2010, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.0930, 2.0860,
                     2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423]
        if df >= 1 && df <= 30 { return table[df - 1] }
        let z = 1.959963984540054, n = Double(max(df, 1))
        let first: Double = (z * z * z + z) / (4 * n)
        let second: Double = (5 * pow(z, 5) + 16 * z * z * z + 3 * z) / (96 * n * n)
        return z + first + second
    }

    /// P(|T| ≥ t) for t ≥ 0: the regularized incomplete beta I_{ν/(ν+t²)}(ν/2, 1/2).
    static func twoSidedPValue(_ t: Double, degreesOfFreedom df: Int) -> Double {
        let nu = Double(df)
        return min(1, max(0, incompleteBeta(nu / (nu + t * t), a: nu / 2, b: 0.5)))
    }

    /// Regularized incomplete beta by Lentz's continued fraction (Numerical Recipes §6.4).
    static func incompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        guard x > 0 else { return 0 }
        guard x < 1 else { return 1 }
        let logGammas: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        let logPowers: Double = a * log(x) + b * log(1 - x)
        let front = exp(logGammas + logPowers)
        if x > (a + 1) / (a + b + 2) { return 1 - incompleteBeta(1 - x, a: b, b: a) }
        var c = 1.0, d = 1 - (a + b) * x / (a + 1)
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
