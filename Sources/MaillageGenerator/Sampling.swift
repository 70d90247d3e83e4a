import Foundation

/// Small deterministic sampling tools on top of a seeded generator.
enum Sampling {
    /// A Poisson draw: inversion for small means, a rounded normal for large ones.
    static func poisson<G: RandomNumberGenerator>(_ mean: Double, using rng: inout G) -> Int {
        guard mean > 0 else { return 0 }
        if mean > 30 {
            return max(0, Int((mean + mean.squareRoot() * rng.nextGaussian()).rounded()))
        }
        var k = 0
        var p = exp(-mean)
        var cumulative = p
        let u = rng.nextUnit()
        while u > cumulative && k < 1000 {
            k += 1
            p *= mean / Double(k)
            cumulative += p
        }
        return k
    }

    /// Splits `total` into integers proportional to `weights` that add up exactly
    /// (largest-remainder method; ties go to the lower index).
    static func apportion(_ total: Int, weights: [Double]) -> [Int] {
        let sum = weights.reduce(0, +)
        guard sum > 0, total > 0 else { return Array(repeating: 0, count: weights.count) }
        let exact = weights.map { Double(total) * $0 / sum }
        var counts = exact.map { Int($0.rounded(.down)) }
        let missing = total - counts.reduce(0, +)
        let order = exact.indices.sorted {
            let a = exact[$0] - Double(counts[$0])
            let b = exact[$1] - Double(counts[$1])
            return a != b ? a > b : $0 < $1
        }
        for index in order.prefix(missing) { counts[index] += 1 }
        return counts
    }

    /// Allocates `seats` among candidates by the D'Hondt highest-averages method.
    static func dHondt(_ seats: Int, weights: [Double]) -> [Int] {
        var counts = Array(repeating: 0, count: weights.count)
        guard !weights.isEmpty else { return counts }
        for _ in 0..<seats {
            var best = 0
            for index in weights.indices
            where weights[index] / Double(counts[index] + 1) > weights[best] / Double(counts[best] + 1) {
                best = index
            }
            counts[best] += 1
        }
        return counts
    }

    /// A uniform draw in a range.
    static func uniform<G: RandomNumberGenerator>(_ range: ClosedRange<Double>, using rng: inout G) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * rng.nextUnit()
    }
}

extension Array {
    /// A uniformly drawn element, by our own arithmetic so that it never depends on the
    /// standard library's choice of algorithm.
    func pick<G: RandomNumberGenerator>(using rng: inout G) -> Element {
        self[Swift.min(count - 1, Int(rng.nextUnit() * Double(count)))]
    }
}
