/// How bootstrap intervals resample: explicit index sets (to reproduce another tool's draws)
/// or draws from a seed.
public enum SensitivityBootstrap: Sendable {
    /// `count` resamples drawn with SplitMix64 from `seed`.
    case seeded(count: Int, seed: UInt64)
    /// The resamples themselves: each is a list of indices (with repeats) into the sample.
    case indices([[Int]])
    /// Resamples drawn afresh for each input, `sets[input]` (as SALib's Morris analysis draws them).
    case indicesPerInput([[[Int]]])

    /// The resamples of input `input` for a sample of `size` items.
    func resamples(size: Int, input: Int = 0) -> [[Int]] {
        switch self {
        case .indices(let sets): return sets
        case .indicesPerInput(let sets): return sets[input]
        case .seeded(let count, let seed):
            var generator = SplitMix64(seed: seed, stream: 0x5EB0_0757 &+ UInt64(input))
            return (0..<count).map { _ in (0..<size).map { _ in Int(generator.next() % UInt64(size)) } }
        }
    }
}

/// Sample standard deviation (n − 1), the `std(ddof=1)` SALib takes of bootstrap replicates.
func sampleStandardDeviation(_ values: [Double]) -> Double {
    guard values.count > 1 else { return .nan }
    let mean = values.reduce(0, +) / Double(values.count)
    let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    return (squares / Double(values.count - 1)).squareRoot()
}
