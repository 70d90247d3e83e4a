/// Morris trajectories in the unit hypercube (Morris 1991; the one-at-a-time design SALib's
/// `morris.sample` draws without trajectory optimisation).
///
/// Each trajectory has `dimension + 1` points on a grid of `levels` levels; from one point to
/// the next exactly one coordinate moves by Δ = levels / (2 (levels − 1)), up or down, in a
/// random order. Points are rows; the trajectories follow one another.
public struct MorrisDesign: Sendable, Equatable {
    /// The number of inputs: each trajectory moves each of them once.
    public let dimension: Int
    /// The number of trajectories, each of `dimension + 1` points.
    public let trajectories: Int
    /// The number of grid levels per coordinate (even).
    public let levels: Int
    /// The design's points, unit-hypercube rows, trajectory after trajectory.
    public let points: [[Double]]

    /// The step Δ between levels of a moving coordinate.
    public var delta: Double { Self.delta(levels: levels) }

    /// The step Δ = levels / (2 (levels − 1)) of a design with `levels` levels.
    public static func delta(levels: Int) -> Double { Double(levels) / (2 * Double(levels - 1)) }

    /// Draws `trajectories` trajectories from `seed`; the same arguments give the same design.
    public init(dimension: Int, trajectories: Int, levels: Int = 4, seed: UInt64) {
        precondition(dimension > 0 && trajectories > 0 && levels >= 2 && levels % 2 == 0, "an even number of levels")
        self.dimension = dimension
        self.trajectories = trajectories
        self.levels = levels
        let delta = Self.delta(levels: levels)
        let step = 1 / Double(levels - 1)
        // Starting levels from which a move of Δ up stays inside [0, 1].
        let starts = levels / 2
        var generator = SplitMix64(seed: seed, stream: 0x3022_1515)
        var rows: [[Double]] = []
        rows.reserveCapacity(trajectories * (dimension + 1))
        for _ in 0..<trajectories {
            let low = (0..<dimension).map { _ in Double(Int(generator.next() % UInt64(starts))) * step }
            let up = (0..<dimension).map { _ in generator.next() & 1 == 0 }
            var point = (0..<dimension).map { up[$0] ? low[$0] : low[$0] + delta }
            rows.append(point)
            var order = Array(0..<dimension)
            for index in stride(from: dimension - 1, to: 0, by: -1) {
                order.swapAt(index, Int(generator.next() % UInt64(index + 1)))
            }
            for variable in order {
                point[variable] = up[variable] ? low[variable] + delta : low[variable]
                rows.append(point)
            }
        }
        points = rows
    }
}
