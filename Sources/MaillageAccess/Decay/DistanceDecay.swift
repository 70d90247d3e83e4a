import Foundation
import MaillageCore

/// How much a site counts for a zone as travel time grows: a weight in [0, 1].
///
/// The shapes are those of PySAL `access` and the French APL studies (`indicators.md`).
public enum DistanceDecay: Sendable, Equatable, CustomStringConvertible {
    /// 1 within the catchment (classic 2SFCA).
    case uniform
    /// Piecewise constant: each step's bound is an inclusive upper limit; 0 beyond the last.
    case steps([Step])
    /// `exp(-β·t)` (APL studies use β = 0.12).
    case exponential(beta: Double)
    /// `exp(-t² / 2σ²)`.
    case gaussian(sigma: Double)
    /// `1 - t/c`, c being the catchment limit.
    case linear

    /// One step of a stepped decay: trips up to `upTo` minutes weigh `weight`.
    public struct Step: Sendable, Equatable {
        /// The step's upper time, in minutes, inclusive.
        public var upTo: Double
        /// The weight of trips in the step, in 0...1.
        public var weight: Double

        /// A step of trips up to `upTo` minutes weighing `weight`.
        public init(upTo: Double, weight: Double) {
            self.upTo = upTo
            self.weight = weight
        }
    }

    /// PySAL `access`'s default E2SFCA steps: 10 min → 1, 20 → 0.68, 30 → 0.22.
    public static let pysalDefaultSteps = DistanceDecay.steps([
        Step(upTo: 10, weight: 1), Step(upTo: 20, weight: 0.68), Step(upTo: 30, weight: 0.22),
    ])

    /// The weight of a site `minutes` away, given the catchment limit (if any).
    @inline(__always)
    public func weight(_ minutes: Double, limit: Double?) -> Double {
        switch self {
        case .uniform:
            return 1
        case .steps(let steps):
            for step in steps where minutes <= step.upTo { return step.weight }
            return 0
        case .exponential(let beta):
            return exp(-beta * minutes)
        case .gaussian(let sigma):
            return exp(-minutes * minutes / (2 * sigma * sigma))
        case .linear:
            guard let limit else { return 1 }
            return max(0, 1 - minutes / limit)
        }
    }

    /// Checks the parameters, so a bad one is an error rather than a NaN in every result.
    public func validate(limit: Double?) throws {
        switch self {
        case .uniform:
            break
        case .steps(let steps):
            guard !steps.isEmpty else { throw AccessError.invalidParameter("a step decay needs at least one step") }
            for (a, b) in zip(steps, steps.dropFirst()) where !(a.upTo < b.upTo) {
                throw AccessError.invalidParameter("step bounds must increase: \(a.upTo) then \(b.upTo)")
            }
            for step in steps where !(step.upTo > 0 && (0...1).contains(step.weight)) {
                throw AccessError.invalidParameter(
                    "a step needs a bound > 0 and a weight in [0, 1], not \(step.upTo):\(step.weight)")
            }
        case .exponential(let beta):
            guard beta.isFinite, beta > 0 else {
                throw AccessError.invalidParameter("exponential decay needs β > 0, not \(beta)")
            }
        case .gaussian(let sigma):
            guard sigma.isFinite, sigma > 0 else {
                throw AccessError.invalidParameter("gaussian decay needs σ > 0, not \(sigma)")
            }
        case .linear:
            guard limit != nil else {
                throw AccessError.needsSetting("linear decay needs a catchment limit", SettingHint("limit"))
            }
        }
    }

    /// The decay as the command line writes it (`exponential:0.12`, `step:10:1,20:0.5`), for provenance and labels.
    public var description: String {
        switch self {
        case .uniform: "uniform"
        case .steps(let steps):
            "step:" + steps.map { "\(Self.format($0.upTo)):\(Self.format($0.weight))" }.joined(separator: ",")
        case .exponential(let beta): "exponential:\(Self.format(beta))"
        case .gaussian(let sigma): "gaussian:\(Self.format(sigma))"
        case .linear: "linear"
        }
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
