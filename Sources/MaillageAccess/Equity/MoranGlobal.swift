import Foundation
import MaillageCore

/// Global Moran's I of zone values under spatial weights, with its moments under the normality
/// assumption and a permutation p-value, computed as PySAL `esda.Moran` does.
public struct MoranGlobal: Sendable, Equatable, Codable {
    /// I = (n / S0) · zᵀWz / zᵀz with z the deviations from the (unweighted) mean.
    public var i: Double
    /// E[I] = −1/(n − 1).
    public var expected: Double
    /// Var[I] under normality (Cliff and Ord).
    public var varianceNormal: Double
    /// The z-score of I under normality: (I − E[I]) / √Var[I].
    public var zNormal: Double
    /// Two-sided p-value under normality.
    public var pNormal: Double
    /// The folded pseudo p-value (larger + 1)/(permutations + 1) of `esda`.
    public var pPermutation: Double?
    /// The number of random relabellings behind ``pPermutation``.
    public var permutations: Int
    /// The seed of those relabellings.
    public var seed: UInt64

    /// Computes I; `permutations` random relabellings of the values (drawn from `seed`, the same
    /// whatever the machine) give the pseudo p-value. Fails for fewer than 3 zones or constant values.
    public init(values: [Double], weights: SpatialWeights, permutations: Int = 999, seed: UInt64 = 12_345) throws {
        let n = values.count
        guard n >= 3, weights.count == n else {
            throw AccessError.invalidInput(
                "Moran's I needs at least 3 zones with a value and weights for each (got \(n))")
        }
        guard weights.s0 > 0 else {
            throw AccessError.invalidInput("no zone has a neighbour under \(weights.description)")
        }
        let mean = values.reduce(0, +) / Double(n)
        let z = values.map { $0 - mean }
        let squares = z.reduce(0) { $0 + $1 * $1 }
        guard squares > 0 else {
            throw AccessError.invalidInput("Moran's I is undefined: every zone has the same value")
        }
        let s0 = weights.s0
        let count = Double(n)
        func statistic(_ z: [Double]) -> Double {
            let lag = weights.lag(z)
            return count / s0 * zip(z, lag).reduce(0) { $0 + $1.0 * $1.1 } / squares
        }
        i = statistic(z)
        expected = -1 / (count - 1)
        let s1 = weights.s1
        let s2 = weights.s2
        varianceNormal =
            (count * count * s1 - count * s2 + 3 * s0 * s0) / ((count - 1) * (count + 1) * s0 * s0) - expected
            * expected
        zNormal = (i - expected) / varianceNormal.squareRoot()
        pNormal = erfc(abs(zNormal) / 2.0.squareRoot())
        self.permutations = permutations
        self.seed = seed
        guard permutations > 0 else {
            pPermutation = nil
            return
        }
        var generator = SplitMix64(seed: seed, stream: 0)
        var shuffled = z
        var larger = 0
        for _ in 0..<permutations {
            shuffled.shuffle(using: &generator)
            if statistic(shuffled) >= i { larger += 1 }
        }
        if permutations - larger < larger { larger = permutations - larger }
        pPermutation = Double(larger + 1) / Double(permutations + 1)
    }
}
