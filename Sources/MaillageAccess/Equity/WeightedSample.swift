/// Values per zone and the weights (populations) they count for: the input of the inequality measures.
///
/// A weight is how many people share the zone's value, so a population-weighted measure equals
/// the unweighted measure of the list in which each value is repeated once per inhabitant
/// (the property the tests check against PySAL `inequality`).
public struct WeightedSample: Sendable, Equatable {
    /// The value of each zone.
    public let values: [Double]
    /// How many people share each value.
    public let weights: [Double]

    /// Checks that values and weights pair up, are finite, values and weights non-negative,
    /// and that someone carries weight.
    public init(values: [Double], weights: [Double]) throws {
        guard values.count == weights.count else {
            throw AccessError.invalidInput("\(values.count) values but \(weights.count) weights")
        }
        guard !values.isEmpty else { throw AccessError.invalidInput("no zone has a defined value") }
        if let bad = values.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
            throw AccessError.invalidInput(
                "inequality measures need finite values ≥ 0; value \(bad + 1) is \(values[bad])")
        }
        if let bad = weights.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
            throw AccessError.invalidInput("weights must be finite and ≥ 0; weight \(bad + 1) is \(weights[bad])")
        }
        guard weights.reduce(0, +) > 0 else { throw AccessError.invalidInput("the weights (populations) add up to 0") }
        self.values = values
        self.weights = weights
    }

    /// Every zone counting once.
    public init(unweighted values: [Double]) throws {
        try self.init(values: values, weights: Array(repeating: 1, count: values.count))
    }

    /// The number of zones.
    public var count: Int { values.count }

    /// Σ w.
    public var totalWeight: Double { weights.reduce(0, +) }

    /// Σ w·x.
    public var weightedTotal: Double { zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 } }

    /// The weighted mean Σ w·x / Σ w.
    public var mean: Double { weightedTotal / totalWeight }

    /// The indices in increasing order of a key; ties keep their original order, so results
    /// do not depend on the sort's stability.
    func order(by key: [Double]) -> [Int] {
        key.indices.sorted { key[$0] != key[$1] ? key[$0] < key[$1] : $0 < $1 }
    }

    /// The sample restricted to some indices.
    func subset(_ indices: [Int]) throws -> WeightedSample {
        try WeightedSample(values: indices.map { values[$0] }, weights: indices.map { weights[$0] })
    }
}
