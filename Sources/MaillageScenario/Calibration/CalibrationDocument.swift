/// `calibration.json` (and what `calibrate --json` prints): how the fit was made, the fitted
/// values, and the fit of each target in the fit and validation years, as one `Codable` value
/// written through `JSONText` (sorted keys; an undefined number is null).
struct CalibrationDocument: Encodable {
    /// A target's observed and simulated values and their relative error.
    struct TargetFit: Encodable {
        let target: String, observed: Double?, simulated: Double?, relativeError: Double?

        enum CodingKeys: String, CodingKey {
            case target, observed, simulated
            case relativeError = "relative_error"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(target, forKey: .target)
            try container.encode(observed, forKey: .observed)
            try container.encode(simulated, forKey: .simulated)
            try container.encode(relativeError, forKey: .relativeError)
        }
    }

    let method: String, objective: String
    let evaluations: Int, resumedEvaluations: Int, converged: Bool, bestObjective: Double?
    let fitted: [String: Double]
    let fitYear: Int, fit: [TargetFit]
    let validationYear: Int?, validation: [TargetFit]

    enum CodingKeys: String, CodingKey {
        case method, objective, evaluations
        case resumedEvaluations = "resumed_evaluations"
        case converged
        case bestObjective = "best_objective"
        case fitted
        case fitYear = "fit_year"
        case fit
        case validationYear = "validation_year"
        case validation
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(method, forKey: .method)
        try container.encode(objective, forKey: .objective)
        try container.encode(evaluations, forKey: .evaluations)
        try container.encode(resumedEvaluations, forKey: .resumedEvaluations)
        try container.encode(converged, forKey: .converged)
        try container.encode(bestObjective, forKey: .bestObjective)
        try container.encode(fitted, forKey: .fitted)
        try container.encode(fitYear, forKey: .fitYear)
        try container.encode(fit, forKey: .fit)
        try container.encode(validationYear, forKey: .validationYear)
        try container.encode(validation, forKey: .validation)
    }
}

extension CalibrationDocument {
    /// The document of a calibration's result.
    init(_ result: Calibration.Result) {
        let spec = result.spec
        method =
            "Nelder-Mead (unit box of the bounds), common random numbers (seed \(spec.seed), "
            + "\(spec.replications) replication(s), sample \(spec.sample))"
        objective = "sum of weight * ((simulated - observed) / observed)^2 over the targets of \(spec.fitYear)"
        evaluations = result.history.count
        resumedEvaluations = result.history.filter(\.resumed).count
        converged = result.converged
        bestObjective = result.best.objective.finite
        fitted = Dictionary(
            zip(spec.parameters.map(\.name), result.best.values), uniquingKeysWith: { first, _ in first })
        let fits = { (list: [Calibration.TargetFit]) in
            list.map {
                TargetFit(
                    target: $0.target.name, observed: $0.observed.finite, simulated: $0.simulated?.finite,
                    relativeError: $0.relativeError?.finite)
            }
        }
        (fitYear, fit) = (spec.fitYear, fits(result.fit))
        (validationYear, validation) = (spec.validationYear, fits(result.validation))
    }
}
