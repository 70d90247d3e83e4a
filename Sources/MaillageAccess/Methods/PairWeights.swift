/// Reads the decay weight of a zone → site pair by its slot in the graph's rows.
///
/// The floating catchment steps are generic over it, so that each storage of the weights gets
/// its own specialised loops.
protocol PairWeightReader {
    /// The weight of the pair in `slot`, −1 for a pair beyond the limit.
    subscript(slot: Int) -> Double { get }
}

/// One `Double` per pair: any decay.
struct DirectWeights: PairWeightReader {
    let values: UnsafeBufferPointer<Double>

    @inline(__always)
    subscript(slot: Int) -> Double { values[slot] }
}

/// One byte per pair naming its weight in a table: decays with few distinct weights
/// (uniform, steps).
///
/// A 773,000-pair matrix then needs 0.8 MB of weights instead of 6.2 MB. Fresh memory costs
/// its page faults and zeroing, about half of the weights' time (perf); the weights read are
/// the table's own values, so results do not change by a bit.
struct CodedWeights: PairWeightReader {
    let table: UnsafeBufferPointer<Double>
    let codes: UnsafeBufferPointer<UInt8>

    @inline(__always)
    subscript(slot: Int) -> Double { table[Int(codes[slot])] }
}

/// The few weights a uniform or stepped decay can give, and the code of each pair's.
struct WeightTable {
    /// Every weight a pair can have; the last is −1 (beyond the limit).
    let weights: [Double]
    /// The step bounds, inclusive; a time above them all weighs `weights[bounds.count]`.
    private let bounds: [Double]
    private let limit: Double?

    /// The table of `decay`, or nil when its weights are too many to code in a byte (or its
    /// steps do not increase, which ``code(_:bounds:)`` relies on).
    init?(_ decay: DistanceDecay, limit: Double?) {
        switch decay {
        case .uniform:
            (bounds, weights) = ([], [1, -1])
        case .steps(let steps)
        where steps.count <= 250 && zip(steps, steps.dropFirst()).allSatisfy({ $0.upTo < $1.upTo }):
            (bounds, weights) = (steps.map(\.upTo), steps.map(\.weight) + [0, -1])
        default:
            return nil
        }
        self.limit = limit
    }

    /// The code of a pair `minutes` away: the first step whose bound it does not exceed, as
    /// ``DistanceDecay/weight(_:limit:)`` reads them; `bounds` are this table's.
    @inline(__always)
    private func code(_ minutes: Double, bounds: UnsafeBufferPointer<Double>) -> UInt8 {
        if let limit, !(minutes <= limit) { return UInt8(weights.count - 1) }
        // The bounds increase, so the first one not exceeded is the count of those exceeded
        // (a NaN exceeds them all).
        // Added as a flag's byte rather than by a condition: times fall on either side of a
        // bound at random, and the branch mispredicted on most pairs (perf annotate).
        var exceeded: UInt8 = 0
        for bound in bounds { exceeded &+= unsafeBitCast(!(minutes <= bound), to: UInt8.self) }
        return exceeded
    }

    /// The code of every pair of `graph`, in its row order, worked out on all cores.
    func codes(_ graph: CatchmentGraph) -> [UInt8] {
        let count = graph.zoneMinutes.count
        return [UInt8](unsafeUninitializedCapacity: count) { codes, initialized in
            graph.zoneMinutes.withUnsafeBufferPointer { minutes in
                bounds.withUnsafeBufferPointer { bounds in
                    nonisolated(unsafe) let (target, minutes, bounds) = (codes, minutes, bounds)
                    ParallelRanges.forEach(count: count, size: 1 << 16) { slots in
                        for slot in slots {
                            target.initializeElement(at: slot, to: code(minutes[slot], bounds: bounds))
                        }
                    }
                }
            }
            initialized = count
        }
    }
}
