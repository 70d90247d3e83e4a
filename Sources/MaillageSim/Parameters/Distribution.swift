import Foundation

/// A distribution of a duration in days (length of stay, delay before home care).
///
/// In a parameter file: `{"type": "lognormal", "mean": 5.5, "sd": 6}`, `{"type":
/// "exponential", "mean": 4}`, `{"type": "fixed", "mean": 3}` or `{"type": "empirical",
/// "values": [1, 2, 5], "weights": [0.5, 0.3, 0.2]}`. Every key is always written (null when
/// unused) so that a file can switch a default from one type to another.
public struct Distribution: Sendable, Hashable, Codable {
    /// The kind of distribution: `lognormal`, `exponential`, `fixed` or `empirical`.
    public var type: Kind
    /// The mean, in days (the value itself for `fixed`).
    public var mean: Double?
    /// The standard deviation, in days, for `lognormal`.
    public var sd: Double?
    /// The possible values, in days, for `empirical`.
    public var values: [Double]?
    /// The probability of each value, for `empirical`.
    public var weights: [Double]?

    /// A distribution as a file gives it; its fields are checked when the parameters are validated.
    public init(type: Kind, mean: Double? = nil, sd: Double? = nil, values: [Double]? = nil, weights: [Double]? = nil) {
        self.type = type
        self.mean = mean
        self.sd = sd
        self.values = values
        self.weights = weights
    }

    /// A lognormal distribution of this mean and standard deviation, in days.
    public static func lognormal(mean: Double, sd: Double) -> Distribution {
        .init(type: .lognormal, mean: mean, sd: sd)
    }
    /// An exponential distribution of this mean, in days.
    public static func exponential(mean: Double) -> Distribution { .init(type: .exponential, mean: mean) }
    /// Always `value` days.
    public static func fixed(_ value: Double) -> Distribution { .init(type: .fixed, mean: value) }

    /// Writes every key, null when unused, so that a file shows what it can set.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encode(mean, forKey: .mean)
        try container.encode(sd, forKey: .sd)
        try container.encode(values, forKey: .values)
        try container.encode(weights, forKey: .weights)
    }

    /// The longest duration a distribution may describe or draw: the longest horizon (100 years).
    /// A mean of about 1e19 days used to crash the simulation when a draw became a day count.
    public static let maximumDays = 36_500.0

    /// Checks the distribution can be drawn from, naming the parameter when it cannot.
    func validate(_ name: String) throws {
        func fail(_ reason: String) -> SimulationError { .invalidParameter(name: name, reason: reason) }
        let most = Int(Self.maximumDays)
        switch type {
        case .fixed, .exponential:
            guard let mean, mean.isFinite, mean >= 0, mean <= Self.maximumDays else {
                throw fail("needs a mean from 0 to \(most) days, not \(mean.map { "\($0)" } ?? "none")")
            }
        case .lognormal:
            guard let mean, mean.isFinite, mean > 0, mean <= Self.maximumDays else {
                throw fail("needs a mean more than 0 and at most \(most) days, not \(mean.map { "\($0)" } ?? "none")")
            }
            guard let sd, sd.isFinite, sd > 0, sd <= Self.maximumDays else {
                throw fail("needs an sd more than 0 and at most \(most) days, not \(sd.map { "\($0)" } ?? "none")")
            }
        case .empirical:
            guard let values, !values.isEmpty else { throw fail("an empirical distribution needs at least one value") }
            guard values.allSatisfy({ $0.isFinite && $0 >= 0 && $0 <= Self.maximumDays }) else {
                throw fail("values must be numbers from 0 to \(most) days")
            }
            if let weights {
                guard weights.count == values.count else {
                    throw fail("has \(values.count) values but \(weights.count) weights")
                }
                guard weights.allSatisfy({ $0.isFinite && $0 >= 0 }), weights.reduce(0, +) > 0 else {
                    throw fail("weights must be ≥ 0 and not all 0")
                }
            }
        }
    }

    /// The distribution compiled for drawing.
    func sampler() -> Sampler {
        switch type {
        case .fixed: return .fixed(mean ?? 0)
        case .exponential: return .exponential(mean ?? 0)
        case .lognormal:
            // Moments of the lognormal from the mean and sd of the durations themselves.
            let m = mean ?? 1
            let s = sd ?? 1
            let sigma2 = log(1 + (s * s) / (m * m))
            return .lognormal(mu: log(m) - sigma2 / 2, sigma: sigma2.squareRoot())
        case .empirical:
            let values = values ?? [0]
            let weights = weights ?? values.map { _ in 1 }
            let total = weights.reduce(0, +)
            var cumulative: [Double] = []
            var running = 0.0
            for weight in weights {
                running += weight / total
                cumulative.append(running)
            }
            return .empirical(values: values, cumulative: cumulative)
        }
    }

    /// A ready-to-draw form: no string comparisons in the engine's loop.
    enum Sampler: Sendable {
        case fixed(Double)
        case exponential(Double)
        case lognormal(mu: Double, sigma: Double)
        case empirical(values: [Double], cumulative: [Double])

        /// A draw from two uniforms in [0, 1).
        /// Clamped to 0...``Distribution/maximumDays``: a lognormal's far tail can pass any
        /// day count an `Int` holds (the engine rounds draws to days).
        @inline(__always)
        func draw(_ u1: Double, _ u2: Double) -> Double {
            let value = unclamped(u1, u2)
            return value.isNaN ? 0 : min(max(value, 0), Distribution.maximumDays)
        }

        @inline(__always)
        private func unclamped(_ u1: Double, _ u2: Double) -> Double {
            switch self {
            case .fixed(let value): return value
            case .exponential(let mean): return -mean * log(1 - u1)
            case .lognormal(let mu, let sigma):
                let z = (-2 * log(1 - u1)).squareRoot() * cos(2 * Double.pi * u2)
                return exp(mu + sigma * z)
            case .empirical(let values, let cumulative):
                for (index, bound) in cumulative.enumerated() where u1 < bound { return values[index] }
                return values[values.count - 1]
            }
        }

        /// The distribution's mean.
        var mean: Double {
            switch self {
            case .fixed(let value): return value
            case .exponential(let mean): return mean
            case .lognormal(let mu, let sigma): return exp(mu + sigma * sigma / 2)
            case .empirical(let values, let cumulative):
                var total = 0.0
                var previous = 0.0
                for (index, bound) in cumulative.enumerated() {
                    total += (bound - previous) * values[index]
                    previous = bound
                }
                return total
            }
        }

        /// The time left in a stay under way at a random moment of a steady state: a
        /// length-biased stay (density x f(x) / mean) times a uniform. For an exponential it is
        /// the same exponential; for a lognormal the length-biased stay is lognormal with
        /// μ + σ²; for an empirical one each value is weighted by itself.
        func residual(_ u1: Double, _ u2: Double, _ u3: Double) -> Double {
            switch self {
            case .fixed(let value): return value * u3
            case .exponential(let mean): return -mean * log(1 - u1)
            case .lognormal(let mu, let sigma):
                let z = (-2 * log(1 - u1)).squareRoot() * cos(2 * Double.pi * u2)
                return exp(mu + sigma * sigma + sigma * z) * u3
            case .empirical(let values, let cumulative):
                var weights: [Double] = []
                var previous = 0.0
                for (index, bound) in cumulative.enumerated() {
                    weights.append((bound - previous) * values[index])
                    previous = bound
                }
                let total = weights.reduce(0, +)
                guard total > 0 else { return 0 }
                var running = 0.0
                for (index, weight) in weights.enumerated() {
                    running += weight / total
                    if u1 < running { return values[index] * u3 }
                }
                return values[values.count - 1] * u3
            }
        }
    }
}
