import Foundation
import MaillageCore
import MaillageSim

/// Fits parameters to observed targets: Nelder–Mead in the box of the spec's bounds, every
/// evaluation a simulation with the same seed and replications (common random numbers), so the
/// objective is a deterministic function of the parameters.
///
/// The objective is Σ weight · ((simulated − observed) / observed)² over the targets of the fit
/// year. The search starts from the base parameters (clamped into the bounds). A run resumes:
/// evaluations already in the history are not run again, and the deterministic search replays
/// its path through them.
public enum Calibration {
    /// One evaluation: where (unit box and parameter values), what the targets gave, the objective.
    public struct Evaluation: Sendable, Equatable {
        public var index: Int
        public var unit: [Double]
        public var values: [Double]
        public var simulated: [Double?]
        public var objective: Double
        /// Read from an earlier run's history rather than simulated now.
        public var resumed: Bool
    }

    public struct TargetFit: Sendable, Equatable {
        public var target: CalibrationTarget
        public var observed: Double
        public var simulated: Double?
        public var relativeError: Double? { simulated.map { ($0 - observed) / observed } }
    }

    public struct Result: Sendable {
        public var spec: CalibrationSpec
        public var history: [Evaluation]
        public var best: Evaluation
        public var converged: Bool
        public var fittedOverrides: [String: Double]
        public var fittedParameters: SimulationParameters
        public var fit: [TargetFit]
        /// The held-out year's targets predicted by the fitted parameters (not refitted).
        public var validation: [TargetFit]
    }

    /// The key of a unit point in a history (shortest round-trip text of each coordinate).
    public static func key(_ unit: [Double]) -> String { unit.map { String($0) }.joined(separator: ";") }

    public static func run(_ spec: CalibrationSpec, model: SensitivityModel, observed: ObservedTable,
                           resumeFrom earlier: [String: (objective: Double, simulated: [Double?])] = [:],
                           onEvaluation: (Evaluation) throws -> Void = { _ in }) throws -> Result {
        let targets = try spec.targets.map { target -> (CalibrationTarget, Double) in
            guard let value = target.observed(in: observed, year: spec.fitYear), value != 0 else {
                throw ScenarioError(file: spec.file, key: "targets.\(target.name)",
                                    reason: "no observed \(target.series)\(target.seriesOver.map { "/\($0)" } ?? "") in \(spec.fitYear) for this territory (import it with 'maillage import observed')")
            }
            return (target, value)
        }
        let base = try model.baseParameters()
        let point = try ParameterPoint(ranges: spec.parameters, base: base)
        let start = try startingPoint(spec.parameters, base: base)
        var history: [Evaluation] = []
        var checked = false
        let search = NelderMead(maxEvaluations: spec.maxEvaluations, valueTolerance: 1e-10, pointTolerance: 1e-4)
        let outcome = try search.minimise(from: start) { unit in
            let key = key(unit)
            if let done = history.first(where: { Calibration.key($0.unit) == key }) { return done.objective }
            var evaluation: Evaluation
            if let cached = earlier[key] {
                evaluation = Evaluation(index: history.count, unit: unit, values: point.values(at: unit), simulated: cached.simulated,
                                        objective: cached.objective, resumed: true)
            } else {
                let indicators = try model.evaluate(point.overrides(at: unit))
                if !checked {
                    for (target, _) in targets where target.simulated(indicators) == nil {
                        throw ScenarioError(file: spec.file, key: "targets.\(target.name)",
                                            reason: "'\(target.indicator)'\(target.indicatorOver.map { " / '\($0)'" } ?? "") is not a simulated territory indicator (see a simulation's territory indicators)")
                    }
                    checked = true
                }
                let simulated = targets.map { $0.0.simulated(indicators) }
                evaluation = Evaluation(index: history.count, unit: unit, values: point.values(at: unit), simulated: simulated,
                                        objective: objective(targets, simulated), resumed: false)
            }
            history.append(evaluation)
            try onEvaluation(evaluation)
            return evaluation.objective
        }
        let best = history.first { key($0.unit) == key(outcome.point) } ?? history.min { $0.objective < $1.objective }!
        let overrides = point.overrides(at: best.unit)
        let fitted = try model.baseParameters()
        let fittedParameters = try SensitivityModel.parameters(fitted, overrides)
        let fit = zip(targets, best.simulated).map { TargetFit(target: $0.0, observed: $0.1, simulated: $1) }
        var validation: [TargetFit] = []
        if let year = spec.validationYear {
            validation = zip(spec.targets, best.simulated).compactMap { target, simulated in
                target.observed(in: observed, year: year).map { TargetFit(target: target, observed: $0, simulated: simulated) }
            }
        }
        return Result(spec: spec, history: history, best: best, converged: outcome.converged, fittedOverrides: overrides,
                      fittedParameters: fittedParameters, fit: fit, validation: validation)
    }

    static func objective(_ targets: [(CalibrationTarget, Double)], _ simulated: [Double?]) -> Double {
        zip(targets, simulated).reduce(0) { sum, pair in
            guard let value = pair.1, value.isFinite else { return .infinity }
            let error = (value - pair.0.1) / pair.0.1
            return sum + pair.0.0.weight * error * error
        }
    }

    /// The base parameters in the unit box: a scale of 1, or the base value, clamped into the bounds.
    static func startingPoint(_ ranges: [ParameterRange], base: SimulationParameters) throws -> [Double] {
        let flat = try ParameterPoint.flatValues(base)
        return ranges.map { range in
            let value = range.mode == .scale ? 1 : (flat[range.name] ?? range.low)
            return min(1, max(0, (value - range.low) / (range.high - range.low)))
        }
    }
}
