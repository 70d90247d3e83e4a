import MaillageCore
import MaillageSim

/// The searches of one calibration and what they share: the history (a point one search
/// evaluated is not simulated again for another), the site counts of simulated points, and the
/// evaluations known from an earlier run or from shards. Internal to `Calibration.run`.
struct _CalibrationSearches {
    /// Where one search ended.
    struct Outcome {
        let start: Int
        let point: [Double]
        let converged: Bool
    }

    let spec: CalibrationSpec
    let model: SensitivityModel
    let targets: [Calibration.FittedTarget]
    let point: ParameterPoint
    let earlier: Calibration.KnownEvaluations
    let computedElsewhere: Calibration.KnownEvaluations
    private(set) var history: [Calibration.Evaluation] = []
    private(set) var siteCounts: [String: [EmergencySiteCounts]] = [:]
    /// Whether the targets were found among the first simulation's indicators.
    private var checked = false

    init(
        spec: CalibrationSpec, model: SensitivityModel, targets: [Calibration.FittedTarget], point: ParameterPoint,
        earlier: Calibration.KnownEvaluations, computedElsewhere: Calibration.KnownEvaluations
    ) {
        (self.spec, self.model, self.targets, self.point) = (spec, model, targets, point)
        (self.earlier, self.computedElsewhere) = (earlier, computedElsewhere)
    }

    /// One Nelder–Mead search from `unit`, its evaluations appended to the history.
    mutating func search(
        start: Int, from unit: [Double], onEvaluation: (Calibration.Evaluation) throws -> Void
    ) throws -> Outcome {
        let search = NelderMead(maxEvaluations: spec.maxEvaluations, valueTolerance: 1e-10, pointTolerance: 1e-4)
        let outcome = try search.minimise(from: unit) { unit in
            try evaluate(unit, start: start, onEvaluation: onEvaluation)
        }
        return Outcome(start: start, point: outcome.point, converged: outcome.converged)
    }

    /// The objective at `unit`: from the history, else known, else simulated.
    private mutating func evaluate(
        _ unit: [Double], start: Int, onEvaluation: (Calibration.Evaluation) throws -> Void
    ) throws -> Double {
        let key = Calibration.key(unit)
        if let done = history.first(where: { Calibration.key($0.unit) == key }) { return done.objective }
        let evaluation: Calibration.Evaluation
        if let known = earlier[key] ?? computedElsewhere[key] {
            evaluation = Calibration.Evaluation(
                index: history.count, start: start, unit: unit, values: point.values(at: unit),
                simulated: known.simulated, objective: known.objective, resumed: earlier[key] != nil)
        } else {
            let (indicators, sites) = try model.evaluateWithSites(point.overrides(at: unit))
            siteCounts[key] = sites
            let simulated = targets.map { $0.target.simulated(indicators, sites: sites, subjects: $0.subjects) }
            if !checked { try checkTargets(simulated) }
            evaluation = Calibration.Evaluation(
                index: history.count, start: start, unit: unit, values: point.values(at: unit), simulated: simulated,
                objective: Calibration.objective(targets.map { ($0.target, $0.observed) }, simulated), resumed: false)
        }
        history.append(evaluation)
        try onEvaluation(evaluation)
        return evaluation.objective
    }

    /// A target the first simulation left undefined names no indicator it has: a spec error.
    private mutating func checkTargets(_ simulated: [Double?]) throws {
        for (fitted, value) in zip(targets, simulated) where value == nil {
            let target = fitted.target
            let over = target.indicatorOver.map { " / '\($0)'" } ?? ""
            throw ScenarioError(
                file: spec.file, key: "targets.\(target.name)",
                reason:
                    "'\(target.indicator)'\(over) is not a simulated territory indicator (see a simulation's territory "
                    + "indicators) or a site indicator (\(CalibrationTarget.siteIndicators.joined(separator: ", ")))")
        }
        checked = true
    }

    /// Each search's best point (where it ended), then the lowest objective over the searches,
    /// the earliest on a tie; `outcomes` is not empty.
    func best(of outcomes: [Outcome]) -> (Calibration.Evaluation, Outcome) {
        var chosen: (Calibration.Evaluation, Outcome)?
        for outcome in outcomes {
            let found =
                history.first { Calibration.key($0.unit) == Calibration.key(outcome.point) }
                ?? history.min { $0.objective < $1.objective }!
            if chosen == nil || found.objective < chosen!.0.objective { chosen = (found, outcome) }
        }
        return chosen!
    }
}
