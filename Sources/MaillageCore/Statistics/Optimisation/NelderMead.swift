/// Derivative-free minimisation in a box: Nelder–Mead (1965) with the standard coefficients
/// (reflection 1, expansion 2, contraction ½, shrink ½; Lagarias et al. 1998).
///
/// Suited to a noisy simulator when every evaluation uses common random numbers (the same
/// seed and replications), which makes the objective a deterministic function of the
/// parameters. The objective is asked only about points of the unit box [0, 1]^D (the caller
/// maps them to parameter bounds) and must be non-negative (a sum of squares): a vertex
/// outside the box is worth the value at its projection onto the box, increased with its
/// distance from it, so the simplex does not flatten against a bound. The search is deterministic: rerunning it with
/// the answers of earlier evaluations replays the same path, which is how a calibration resumes.
public struct NelderMead: Sendable {
    /// The most objective evaluations before the search stops, converged or not.
    public var maxEvaluations: Int
    /// Stop when the simplex's values differ by less than this…
    public var valueTolerance: Double
    /// …and its vertices lie within this distance of the best (unit-box coordinates).
    public var pointTolerance: Double
    /// Initial simplex edge in unit-box terms.
    public var initialStep: Double

    /// A search with these stopping rules; the defaults suit a calibration of a few parameters.
    public init(
        maxEvaluations: Int = 200, valueTolerance: Double = 1e-8, pointTolerance: Double = 1e-6,
        initialStep: Double = 0.25
    ) {
        self.maxEvaluations = maxEvaluations
        self.valueTolerance = valueTolerance
        self.pointTolerance = pointTolerance
        self.initialStep = initialStep
    }

    /// Where a search ended and whether it met its tolerances.
    public struct Outcome: Sendable, Equatable {
        /// The best point found, in unit-box coordinates.
        public var point: [Double]
        /// The objective at ``point``.
        public var value: Double
        /// How many times the objective was evaluated.
        public var evaluations: Int
        /// Whether the tolerances were met before the evaluation budget ran out.
        public var converged: Bool
    }

    /// Minimises `objective` from `start` (unit-box coordinates).
    public func minimise(from start: [Double], _ objective: ([Double]) throws -> Double) rethrows -> Outcome {
        let dimension = start.count
        precondition(dimension > 0)
        var evaluations = 0
        func clamp(_ x: [Double]) -> [Double] { x.map { min(1, max(0, $0)) } }
        func f(_ x: [Double]) throws -> Double {
            evaluations += 1
            let inside = clamp(x)
            let value = try objective(inside)
            let distance = zip(x, inside).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
            return value.isNaN ? .infinity : value * (1 + distance) + distance
        }
        var simplex: [[Double]] = [clamp(start)]
        for j in 0..<dimension {
            var vertex = simplex[0]
            // Step inwards when the start sits on the upper bound.
            vertex[j] = vertex[j] + initialStep <= 1 ? vertex[j] + initialStep : vertex[j] - initialStep
            simplex.append(clamp(vertex))
        }
        var values = try simplex.map(f)
        while true {
            let order = values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            let spread = values[dimension] - values[0]
            let size = simplex.dropFirst().map { v in zip(v, simplex[0]).map { abs($0 - $1) }.max() ?? 0 }.max() ?? 0
            if spread <= valueTolerance && size <= pointTolerance {
                return Outcome(point: clamp(simplex[0]), value: values[0], evaluations: evaluations, converged: true)
            }
            if evaluations >= maxEvaluations {
                return Outcome(point: clamp(simplex[0]), value: values[0], evaluations: evaluations, converged: false)
            }
            let centroid = (0..<dimension).map { j in
                simplex[0..<dimension].reduce(0) { $0 + $1[j] } / Double(dimension)
            }
            let worst = simplex[dimension]
            func along(_ t: Double) -> [Double] { zip(centroid, worst).map { $0 + t * ($0 - $1) } }
            let reflected = along(1)
            let reflectedValue = try f(reflected)
            if reflectedValue < values[0] {
                let expanded = along(2)
                let expandedValue = try f(expanded)
                if expandedValue < reflectedValue {
                    simplex[dimension] = expanded
                    values[dimension] = expandedValue
                } else {
                    simplex[dimension] = reflected
                    values[dimension] = reflectedValue
                }
                continue
            }
            if reflectedValue < values[dimension - 1] {
                simplex[dimension] = reflected
                values[dimension] = reflectedValue
                continue
            }
            let outside = reflectedValue < values[dimension]
            let contracted = along(outside ? 0.5 : -0.5)
            let contractedValue = try f(contracted)
            if contractedValue < (outside ? reflectedValue : values[dimension]) {
                simplex[dimension] = contracted
                values[dimension] = contractedValue
                continue
            }
            for i in 1...dimension {
                simplex[i] = zip(simplex[0], simplex[i]).map { $0 + 0.5 * ($1 - $0) }
                values[i] = try f(simplex[i])
            }
        }
    }
}
