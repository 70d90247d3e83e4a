import Foundation
import MaillageCore
import MaillageSim

/// Fits parameters to observed targets: Nelder–Mead in the box of the spec's bounds, every
/// evaluation a simulation with the same seed and replications (common random numbers), so the
/// objective is a deterministic function of the parameters.
///
/// The objective is Σ weight · ((simulated − observed) / observed)² (or ln(simulated / observed)²
/// for a target with `error: log`) over the targets of the fit
/// year. The search starts from the base parameters (clamped into the bounds). A run resumes:
/// evaluations already in the history are not run again, and the deterministic search replays
/// its path through them.
public enum Calibration {
    /// One evaluation: where (unit box and parameter values), what the targets gave, the objective.
    public struct Evaluation: Sendable, Equatable {
        /// The evaluation's position in the history, from 0.
        public var index: Int
        /// The search it belongs to (0 starts from the base parameters).
        public var start: Int = 0
        /// The point in the unit box the search works in.
        public var unit: [Double]
        /// The same point as parameter values, in the spec's order.
        public var values: [Double]
        /// What each target's indicator came to; nil when the simulation left it undefined.
        public var simulated: [Double?]
        /// Σ weight · relative error² over the fit year's targets.
        public var objective: Double
        /// Read from an earlier run's history rather than simulated now.
        public var resumed: Bool
    }

    /// One target's observed figure against what the simulation gave.
    public struct TargetFit: Sendable, Equatable {
        /// The target.
        public var target: CalibrationTarget
        /// The observed figure for the year.
        public var observed: Double
        /// The simulated figure; nil when undefined.
        public var simulated: Double?
        /// (simulated − observed) / observed; nil when the simulated figure is undefined.
        public var relativeError: Double? { simulated.map { ($0 - observed) / observed } }
    }

    /// What a calibration found.
    public struct Result: Sendable {
        /// The spec it followed.
        public var spec: CalibrationSpec
        /// Every evaluation, in order, resumed ones included.
        public var history: [Evaluation]
        /// The evaluation with the lowest objective.
        public var best: Evaluation
        /// Whether the best search met its tolerances within `max_evaluations`.
        public var converged: Bool
        /// The search that ended at the fitted values (the earliest of them on a tie).
        public var bestStart: Int = 0
        /// The best point as dotted overrides, for a scenario's `overrides:`.
        public var fittedOverrides: [String: Double]
        /// The base parameters with the best point laid over them, for `simulate --params`.
        public var fittedParameters: SimulationParameters
        /// The fit year's targets under the best point.
        public var fit: [TargetFit]
        /// The year validated on: the held-out year, or the fit year when only sites are held out; nil for neither.
        public var validationYear: Int?
        /// The held-out year's targets predicted by the fitted parameters (not refitted); a site target
        /// is summed over the held-out sites.
        public var validation: [TargetFit]
        /// Each site's observed and simulated visits, 80+ and admitted shares at the best point, on the
        /// held-out sites (every site without a holdout) in the validation year (the fit year without one);
        /// nil for a scenario's paired difference, which has no sites.
        public var sites: SiteValidation?
    }

    /// The key of a unit point in a history (shortest round-trip text of each coordinate).
    public static func key(_ unit: [Double]) -> String { unit.map { String($0) }.joined(separator: ";") }

    /// What an evaluation gave, by ``key(_:)`` of its unit point: to resume or merge without simulating.
    public typealias KnownEvaluations = [String: (objective: Double, simulated: [Double?])]

    /// Searches for the parameters that best reproduce the spec's fit-year targets.
    ///
    /// Each of the spec's starts is a Nelder–Mead search (``startPoints(_:base:)``), in order; the
    /// lowest objective wins (the earliest start on a tie). Evaluations of an earlier run
    /// (`resumeFrom`, by ``key(_:)``) are reused instead of simulated and marked resumed; those of
    /// shards (`computedElsewhere`) are reused as if simulated here, so that a merge writes what one
    /// machine would. `onEvaluation` is called after each evaluation, to append it to the history as
    /// it comes. `starts` limits the searches to those positions (a shard's share).
    ///
    /// - Throws: ``ScenarioError`` for a target with no observed figure that year, simulation errors.
    public static func run(
        _ spec: CalibrationSpec, model: SensitivityModel, observed: ObservedTable,
        resumeFrom earlier: KnownEvaluations = [:], computedElsewhere: KnownEvaluations = [:],
        starts: [Int]? = nil, onEvaluation: (Evaluation) throws -> Void = { _ in }
    ) throws -> Result {
        let territory = model.territory
        let actorIDs = Set(territory.actors.map(\.id))
        let heldOut = Set(territory.actors.filter(spec.holdout.contains).map(\.id))
        // With a holdout, actor targets observe (and simulate) the fitted sites only.
        let fitSites: Set<String>? = spec.holdout.isEmpty ? nil : actorIDs.subtracting(heldOut)
        let targets = try spec.targets.map { target -> FittedTarget in
            let within = target.scope == "actor" ? fitSites : nil
            guard let value = target.observed(in: observed, year: spec.fitYear, within: within), value != 0 else {
                throw ScenarioError(
                    file: spec.file, key: "targets.\(target.name)",
                    reason:
                        "no observed \(target.series)\(target.seriesOver.map { "/\($0)" } ?? "") in \(spec.fitYear) for \(within == nil ? "this territory" : "the sites not held out") (import the observed series first)"
                )
            }
            return FittedTarget(
                target: target, observed: value,
                subjects: target.subjects(in: observed, year: spec.fitYear, within: within)
            )
        }
        let base = try model.baseParameters()
        let point = try ParameterPoint(ranges: spec.parameters, base: base)
        let points = try startPoints(spec, base: base)
        let chosenStarts = starts ?? Array(points.indices)
        guard !chosenStarts.isEmpty, chosenStarts.allSatisfy(points.indices.contains) else {
            throw ScenarioError(
                file: spec.file, key: "starts", reason: "no search to run among the spec's \(points.count) start(s)")
        }
        var searches = _CalibrationSearches(
            spec: spec, model: model, targets: targets, point: point, earlier: earlier,
            computedElsewhere: computedElsewhere)
        var outcomes: [_CalibrationSearches.Outcome] = []
        for start in chosenStarts {
            outcomes.append(try searches.search(start: start, from: points[start], onEvaluation: onEvaluation))
        }
        let (best, winner) = searches.best(of: outcomes)
        let (history, siteCounts) = (searches.history, searches.siteCounts)
        let overrides = point.overrides(at: best.unit)
        let fitted = try model.baseParameters()
        let fittedParameters = try SensitivityModel.parameters(fitted, overrides)
        let fit = zip(targets, best.simulated).map {
            TargetFit(target: $0.target, observed: $0.observed, simulated: $1)
        }
        // A resumed best point runs once more for its sites (common random numbers: the same figures).
        let bestSites = try siteCounts[key(best.unit)] ?? model.evaluateWithSites(overrides).sites
        let validationYear = spec.validationYear ?? (spec.holdout.isEmpty ? nil : spec.fitYear)
        var validation: [TargetFit] = []
        if let year = validationYear {
            validation = zip(spec.targets, best.simulated).compactMap { target, simulated in
                guard target.scope == "actor", CalibrationTarget.isSiteIndicator(target.indicator) else {
                    return target.observed(in: observed, year: year).map {
                        TargetFit(target: target, observed: $0, simulated: simulated)
                    }
                }
                // A site target is predicted on the held-out sites (every site without a holdout).
                let within = spec.holdout.isEmpty ? actorIDs : heldOut
                let subjects = target.subjects(in: observed, year: year, within: within)
                return target.observed(in: observed, year: year, within: within).map {
                    TargetFit(
                        target: target, observed: $0,
                        simulated: target.simulated([], sites: bestSites, subjects: subjects))
                }
            }
        }
        let sites =
            bestSites.isEmpty
            ? nil
            : SiteValidation.compare(
                simulated: bestSites, observed: observed, year: validationYear ?? spec.fitYear,
                subjects: spec.holdout.isEmpty ? actorIDs : heldOut, territory: territory, series: spec.siteSeries,
                heldOut: validationYear != nil)
        return Result(
            spec: spec, history: history, best: best, converged: winner.converged, bestStart: winner.start,
            fittedOverrides: overrides,
            fittedParameters: fittedParameters, fit: fit, validationYear: validationYear, validation: validation,
            sites: sites)
    }

    /// A target with its observed figure in the fit year and the subjects it was summed over.
    struct FittedTarget {
        var target: CalibrationTarget
        var observed: Double
        var subjects: Set<String>
    }

    static func objective(_ targets: [(CalibrationTarget, Double)], _ simulated: [Double?]) -> Double {
        zip(targets, simulated).reduce(0) { sum, pair in
            guard let value = pair.1, value.isFinite else { return .infinity }
            return sum + pair.0.0.weight * pair.0.0.error.term(simulated: value, observed: pair.0.1)
        }
    }

    /// Where each search starts, in the unit box: the base parameters (``startingPoint(_:base:)``),
    /// then the Halton sequence from its first point (prime bases 2, 3, 5, … by parameter): spread
    /// over the box, and the same on every machine.
    public static func startPoints(_ spec: CalibrationSpec, base: SimulationParameters) throws -> [[Double]] {
        let first = try startingPoint(spec.parameters, base: base)
        let primes = Self.primes(first.count)
        return [first]
            + (1..<max(spec.starts, 1)).map { index in primes.map { radicalInverse(index, base: $0) } }
    }

    /// The van der Corput radical inverse of `index` in `base`: its digits mirrored after the point.
    static func radicalInverse(_ index: Int, base: Int) -> Double {
        var (value, scale, rest) = (0.0, 1.0 / Double(base), index)
        while rest > 0 {
            value += Double(rest % base) * scale
            rest /= base
            scale /= Double(base)
        }
        return value
    }

    /// The first `count` primes.
    static func primes(_ count: Int) -> [Int] {
        var found: [Int] = []
        var candidate = 2
        while found.count < count {
            if found.allSatisfy({ candidate % $0 != 0 }) { found.append(candidate) }
            candidate += 1
        }
        return found
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
