/// Saltelli's sampling scheme for first-order and total Sobol' indices (Saltelli et al. 2010).
///
/// From two independent base matrices A and B (N × D, uniform in the unit hypercube), each
/// base point i gives D + 2 rows: A_i, then A_i with column j taken from B_i (AB_j) for each
/// j, then B_i — the row order of SALib's `sobol.sample(calc_second_order=False)`, so the
/// same outputs can be read by both. The base points here are SplitMix64 draws (Monte Carlo),
/// not Sobol' quasi-random points.
public struct SaltelliDesign: Sendable, Equatable {
    /// The number of inputs (D).
    public let dimension: Int
    /// The number of base points (N); the design has N (D + 2) rows.
    public let baseCount: Int
    /// The design's rows in SALib's order, unit-hypercube coordinates.
    public let points: [[Double]]

    /// Draws the base matrices from `seed`; the same arguments give the same design.
    public init(dimension: Int, baseCount: Int, seed: UInt64) {
        precondition(dimension > 0 && baseCount > 1)
        self.dimension = dimension
        self.baseCount = baseCount
        var generator = SplitMix64(seed: seed, stream: 0x5A17_E111)
        var rows: [[Double]] = []
        rows.reserveCapacity(baseCount * (dimension + 2))
        for _ in 0..<baseCount {
            let a = (0..<dimension).map { _ in generator.nextUnit() }
            let b = (0..<dimension).map { _ in generator.nextUnit() }
            rows.append(a)
            for j in 0..<dimension {
                var mixed = a
                mixed[j] = b[j]
                rows.append(mixed)
            }
            rows.append(b)
        }
        points = rows
    }
}
