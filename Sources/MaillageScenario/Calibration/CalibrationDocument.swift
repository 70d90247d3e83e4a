import MaillageFormats

/// `calibration.json` (and what `calibrate --json` prints): how the fit was made, the fitted
/// values, and the fit of each target in the fit and validation years, as one `Codable` value
/// written through `JSONText` (sorted keys; an undefined number is null).
struct CalibrationDocument: Encodable {
    /// A target's observed and simulated values and their relative error.
    struct TargetFit: Encodable {
        let target: String
        @NullEncoded var observed: Double?
        @NullEncoded var simulated: Double?
        @NullEncoded var relativeError: Double?

        enum CodingKeys: String, CodingKey {
            case target, observed, simulated
            case relativeError = "relative_error"
        }
    }

    let method: String, objective: String
    let evaluations: Int, resumedEvaluations: Int, converged: Bool
    /// With several starts: how many, and which one the fitted values come from (absent with one).
    var starts: Int?, bestStart: Int?
    @NullEncoded var bestObjective: Double?
    let fitted: [String: Double]
    let fitYear: Int, fit: [TargetFit]
    @NullEncoded var validationYear: Int?
    let validation: [TargetFit]
    @NullEncoded var siteValidation: SiteDocument?

    /// The per-site validation: where, on what, and each measure against its goal.
    struct SiteDocument: Encodable {
        /// A measure, its goal and whether it is reached (null when it cannot be measured).
        struct Measure: Encodable {
            let measure: String
            @NullEncoded var value: Double?
            let goal: String
            @NullEncoded var reached: Bool?
        }

        let year: Int, heldOut: Bool, holdoutZones: [String], holdoutSites: [String]
        let series: [String: String]
        @NullEncoded var share80OfOldestBand: Double?
        let sitesCompared: Int, excludedNoVisits: [String], measures: [Measure]

        enum CodingKeys: String, CodingKey {
            case year
            case heldOut = "held_out"
            case holdoutZones = "holdout_zones"
            case holdoutSites = "holdout_sites"
            case series
            case share80OfOldestBand = "share_80_of_oldest_band"
            case sitesCompared = "sites_compared"
            case excludedNoVisits = "excluded_no_visits"
            case measures
        }
    }

    enum CodingKeys: String, CodingKey {
        case method, objective, evaluations
        case resumedEvaluations = "resumed_evaluations"
        case converged, starts
        case bestStart = "best_start"
        case bestObjective = "best_objective"
        case fitted
        case fitYear = "fit_year"
        case fit
        case validationYear = "validation_year"
        case validation
        case siteValidation = "site_validation"
    }
}

extension CalibrationDocument {
    /// The document of a calibration's result.
    init(_ result: Calibration.Result) {
        let spec = result.spec
        let from = spec.starts > 1 ? " from \(spec.starts) starts (base, then Halton points)" : ""
        method =
            "Nelder-Mead (unit box of the bounds)\(from), "
            + "common random numbers (seed \(spec.seed), \(spec.replications) replication(s), sample \(spec.sample))"
        objective =
            spec.targets.contains { $0.error == .log }
            ? "sum of weight * ((simulated - observed) / observed)^2, or ln(simulated / observed)^2 for the targets "
                + "with error: log, over the targets of \(spec.fitYear)"
            : "sum of weight * ((simulated - observed) / observed)^2 over the targets of \(spec.fitYear)"
        evaluations = result.history.count
        resumedEvaluations = result.history.filter(\.resumed).count
        converged = result.converged
        if spec.starts > 1 { (starts, bestStart) = (spec.starts, result.bestStart) }
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
        (validationYear, validation) = (result.validationYear, fits(result.validation))
        siteValidation = result.sites.map { sites in
            SiteDocument(
                year: sites.year, heldOut: sites.heldOut, holdoutZones: spec.holdout.zonePrefixes,
                holdoutSites: spec.holdout.siteIDs,
                series: [
                    "visits": spec.siteSeries.visits, "visits_80": spec.siteSeries.visits80,
                    "admitted": spec.siteSeries.admitted,
                ],
                share80OfOldestBand: spec.siteSeries.eightyShareOfOldestBand, sitesCompared: sites.sites.count,
                excludedNoVisits: sites.excluded,
                measures: sites.goals.map {
                    SiteDocument.Measure(
                        measure: $0.measure, value: $0.value?.finite, goal: $0.goal, reached: $0.reached)
                })
        }
    }
}
