import Foundation
import MaillageCore

/// Local Moran (LISA, Anselin 1995) of every zone with conditional-permutation pseudo p-values,
/// as PySAL `esda.Moran_Local` computes them, and the cluster each zone falls in.
public struct MoranLocal: Sendable, Equatable {
    /// Iᵢ = (n − 1) · zᵢ · Σⱼ wᵢⱼzⱼ / Σ z².
    public var values: [Double]
    /// The Moran scatterplot quadrant of each zone.
    public var quadrants: [Quadrant]
    /// Folded pseudo p-values; nil without permutations.
    public var pPermutation: [Double]?
    /// The quadrant where the pseudo p-value is below the significance level, else nil.
    public var clusters: [Quadrant?]
    /// The pseudo p-value below which a zone's quadrant is a cluster.
    public var significance: Double

    /// The four quadrants, with `esda`'s codes 1 to 4.
    public enum Quadrant: String, Sendable, Codable, CaseIterable {
        /// High value among high neighbours: a hot spot (for access: a well-served area).
        case highHigh = "HH"
        /// Low value among high neighbours.
        case lowHigh = "LH"
        /// Low value among low neighbours: a cold spot (for access: a desert).
        case lowLow = "LL"
        /// High value among low neighbours.
        case highLow = "HL"

        /// The quadrant's code in PySAL `esda` (`q` of `Moran_Local`): 1 HH, 2 LH, 3 LL, 4 HL.
        public var esdaCode: Int {
            switch self {
            case .highHigh: 1
            case .lowHigh: 2
            case .lowLow: 3
            case .highLow: 4
            }
        }
    }

    /// Computes every Iᵢ; for each zone, `permutations` draws of its neighbours' values among the
    /// other zones' give its pseudo p-value. Each zone draws from its own stream of `seed`, so
    /// results do not depend on evaluation order.
    public init(
        values y: [Double], weights: SpatialWeights, permutations: Int = 999, seed: UInt64 = 12_345,
        significance: Double = 0.05
    ) throws {
        let n = y.count
        guard n >= 3, weights.count == n else {
            throw AccessError.invalidInput(
                "local Moran needs at least 3 zones with a value and weights for each (got \(n))")
        }
        let mean = y.reduce(0, +) / Double(n)
        let z = y.map { $0 - mean }
        let squares = z.reduce(0) { $0 + $1 * $1 }
        guard squares > 0 else {
            throw AccessError.invalidInput("local Moran is undefined: every zone has the same value")
        }
        let lag = weights.lag(z)
        let scale = Double(n - 1) / squares
        values = zip(z, lag).map { scale * $0 * $1 }
        quadrants = zip(z, lag).map { value, lag in
            switch (value > 0, lag > 0) {
            case (true, true): .highHigh
            case (false, true): .lowHigh
            case (false, false): .lowLow
            case (true, false): .highLow
            }
        }
        self.significance = significance
        guard permutations > 0 else {
            pPermutation = nil
            clusters = Array(repeating: nil, count: n)
            return
        }
        var pValues = [Double](repeating: 1, count: n)
        var others = [Double](repeating: 0, count: n - 1)
        for i in 0..<n {
            let k = weights.neighbours[i].count
            guard k > 0 else { continue }
            var generator = SplitMix64(seed: seed, stream: UInt64(i) &+ 1)
            for j in 0..<(n - 1) { others[j] = z[j < i ? j : j + 1] }
            var larger = 0
            for _ in 0..<permutations {
                // A partial Fisher–Yates shuffle draws k distinct other zones.
                var sum = 0.0
                for slot in 0..<k {
                    let pick = Int.random(in: slot..<(n - 1), using: &generator)
                    others.swapAt(slot, pick)
                    sum += others[slot]
                }
                if scale * z[i] * sum / Double(k) >= values[i] { larger += 1 }
            }
            if permutations - larger < larger { larger = permutations - larger }
            pValues[i] = Double(larger + 1) / Double(permutations + 1)
        }
        pPermutation = pValues
        clusters = zip(quadrants, pValues).map { $1 < significance ? $0 : nil }
    }
}
