import Foundation
import MaillageCore
import Yams

/// What `maillage calibrate` fits: parameters with bounds, observed targets, the fitting year
/// and the held-out year, and the simulation settings of every evaluation.
///
/// ```yaml
/// parameters:                       # bounds, as in a ranges file (observed: is optional here)
///   - {name: needs.acute_urgent.rate_per_year, scale: [0.5, 1.5]}
///   - {name: emergency.admission_probability, scale: [0.5, 1.5]}
/// targets:
///   - {name: visits_per_inhabitant, indicator: emergency_visits_per_inhabitant, series: PASSU, per_inhabitant: true}
///   - {name: admitted_share, indicator: admissions_from_emergency_per_inhabitant,
///      indicator_over: emergency_visits_per_inhabitant, series: dtMCO, series_over: PASSU}
/// fit_year: 2018
/// validation_year: 2019             # predicted with the fitted parameters, never refitted
/// holdout: {zones: ["32", "46"]}    # sites in zones whose id starts so (or sites: [ids]) are left out of the fit
/// sites: {share_80_of_oldest_band: 0.62}   # per-site validation series (PASSU, dt80, dtMCO by default)
/// simulation: {days: 365, seed: 1, replications: 1, sample: 0.1}
/// max_evaluations: 60
/// starts: 1                         # searches from the base point and starts − 1 Halton points
/// ```
public struct CalibrationSpec: Sendable, Equatable {
    /// The spec's file, for errors and provenance.
    public var file: String
    /// The parameters fitted, with their bounds.
    public var parameters: [ParameterRange]
    /// The observed figures fitted.
    public var targets: [CalibrationTarget]
    /// The year whose observations are fitted.
    public var fitYear: Int
    /// A held-out year predicted with the fitted parameters, never refitted.
    public var validationYear: Int?
    /// Sites left out of the fit and validated on.
    public var holdout: Holdout
    /// The observed series the per-site validation compares with.
    public var siteSeries: SiteSeries

    /// Sites left out of the fit: those whose zone id starts with one of `zonePrefixes`
    /// (a département's code for INSEE communes), and those listed by id.
    public struct Holdout: Sendable, Equatable {
        /// Zone id prefixes (`["32", "46"]`).
        public var zonePrefixes: [String] = []
        /// Actor ids.
        public var siteIDs: [String] = []

        /// Whether no site is held out.
        public var isEmpty: Bool { zonePrefixes.isEmpty && siteIDs.isEmpty }

        /// Whether `actor` is held out.
        public func contains(_ actor: Actor) -> Bool {
            siteIDs.contains(actor.id)
                || zonePrefixes.contains { prefix in actor.zoneID.map { $0.hasPrefix(prefix) } ?? false }
        }
    }

    /// The SAE series of the per-site validation, and the 80+ share of the oldest band that
    /// turns its simulated visits into visits of people aged 80+.
    public struct SiteSeries: Sendable, Equatable {
        /// Visits per site (`PASSU`).
        public var visits = "PASSU"
        /// Visits of people aged 80+ (`dt80`).
        public var visits80 = "dt80"
        /// Visits followed by an admission (`dtMCO`).
        public var admitted = "dtMCO"
        /// People aged 80+ among the oldest age band's inhabitants (from a population pyramid); no 80+
        /// comparison without it.
        public var eightyShareOfOldestBand: Double?
    }
    /// Days simulated per evaluation.
    public var days: Int
    /// The seed of every evaluation (common random numbers).
    public var seed: UInt64
    /// Replications per evaluation.
    public var replications: Int
    /// The share of inhabitants simulated per evaluation.
    public var sample: Double
    /// The most evaluations each search makes.
    public var maxEvaluations: Int
    /// Independent searches: from the base parameters, then from Halton points of the box;
    /// the best of them wins. `calibrate --shard I/N` runs a share of them.
    public var starts: Int = 1
    /// The most starts a spec may ask for.
    public static let maximumStarts = 10_000
    /// A parameter file the fitted values are laid over.
    public var parametersPath: String?
    /// FNV-1a 64 of the file's bytes: a history from another spec is not resumed.
    public var contentHash: String

    /// Reads a spec file (YAML).
    ///
    /// - Throws: ``ScenarioError`` naming the file, line and key of what is missing, unknown or out of range.
    public static func load(_ path: String) throws -> CalibrationSpec {
        // One reader for every YAML input: missing (66), folder, NUL, non-UTF-8 and YAML errors
        // named with their line, quoting a short excerpt and never the file (it may not be YAML at all).
        let text = try ScenarioText.read(path)
        let data = Data(text.utf8)
        let root = YAMLValue(node: try ScenarioText.compose(text, file: path), file: path, key: "")
        let known: Set = [
            "parameters", "targets", "fit_year", "validation_year", "simulation", "max_evaluations", "params",
            "holdout", "sites", "starts",
        ]
        for key in try root.keys() where !known.contains(key) {
            throw root.error(
                "is not a calibration key; expected one of \(known.sorted().joined(separator: ", "))", key: key)
        }
        // The parameters read as a ranges file would (observed: defaults to false here).
        var parameters: [ParameterRange] = []
        for entry in try root.required("parameters").list() {
            let name = try entry.required("name").string()
            let range = try entry.optional("range")
            let scale = try entry.optional("scale")
            guard (range == nil) != (scale == nil), let bounds = range ?? scale else {
                throw entry.error("give exactly one of range: [low, high] or scale: [low, high]")
            }
            let values = try bounds.list().map { try $0.double() }
            guard values.count == 2, values[0] < values[1] else {
                throw bounds.error("expected [low, high] with low < high")
            }
            guard !parameters.contains(where: { $0.name == name }) else {
                throw entry.error("'\(name)' is given twice")
            }
            parameters.append(
                ParameterRange(
                    name: name, low: values[0], high: values[1], mode: range != nil ? .absolute : .scale,
                    integer: try entry.optional("integer")?.bool() ?? false,
                    observed: try entry.optional("observed")?.bool() ?? false))
        }
        guard !parameters.isEmpty else { throw root.error("lists no parameter", key: "parameters") }
        var targets: [CalibrationTarget] = []
        for entry in try root.required("targets").list() {
            let scope = try entry.optional("scope")?.string() ?? "actor"
            guard ["actor", "zone", "territory"].contains(scope) else {
                throw entry.error("scope is actor, zone or territory", key: "\(entry.key).scope")
            }
            let weight = try entry.optional("weight")?.double() ?? 1
            guard weight > 0 else { throw entry.error("weight must be positive", key: "\(entry.key).weight") }
            targets.append(
                CalibrationTarget(
                    name: try entry.required("name").string(), indicator: try entry.required("indicator").string(),
                    indicatorOver: try entry.optional("indicator_over")?.string(),
                    series: try entry.required("series").string(),
                    seriesOver: try entry.optional("series_over")?.string(), scope: scope,
                    perInhabitant: try entry.optional("per_inhabitant")?.bool() ?? false, weight: weight,
                    error: try targetError(entry), perSite: try perSite(entry, scope: scope)))
        }
        guard !targets.isEmpty else { throw root.error("lists no target", key: "targets") }
        let simulation = try root.optional("simulation")
        // A seed is any 64-bit pattern, never negative (UInt64(-1) used to trap).
        let seed: UInt64 =
            try simulation?.optional("seed").map { value in
                guard let seed = UInt64(try value.string()) else {
                    throw value.error("\(TextExcerpt.quoted(try value.string())) is not a seed (a whole number from 0)")
                }
                return seed
            } ?? 1
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var spec = CalibrationSpec(
            file: path, parameters: parameters, targets: targets, fitYear: try root.required("fit_year").int(),
            validationYear: try root.optional("validation_year")?.int(),
            holdout: try holdout(root.optional("holdout")), siteSeries: try siteSeries(root.optional("sites")),
            days: try simulation?.optional("days")?.int() ?? 365,
            seed: seed,
            replications: try simulation?.optional("replications")?.int() ?? 1,
            sample: try simulation?.optional("sample")?.double() ?? 1,
            maxEvaluations: try root.optional("max_evaluations")?.int() ?? 60,
            parametersPath: try root.optional("params").map {
                URL(fileURLWithPath: try $0.string(), relativeTo: folder).path
            },
            contentHash: SensitivityRanges.fnv1a(data))
        guard spec.days >= 1, spec.replications >= 1, spec.sample > 0, spec.sample <= 1 else {
            throw root.error("simulation needs days ≥ 1, replications ≥ 1 and sample in (0, 1]", key: "simulation")
        }
        if !spec.holdout.isEmpty {
            for (index, target) in targets.enumerated()
            where target.scope == "actor" && !CalibrationTarget.isSiteIndicator(target.indicator) {
                throw root.error(
                    "with a holdout, an actor target sums the fitted sites only: its indicator must be one of "
                        + CalibrationTarget.siteIndicators.joined(separator: ", "),
                    key: "targets[\(index)].indicator")
            }
        }
        if let starts = try root.optional("starts") {
            spec.starts = try starts.int()
            guard (1...maximumStarts).contains(spec.starts) else {
                throw starts.error("must be a whole number from 1 to \(maximumStarts)")
            }
        }
        guard spec.maxEvaluations >= parameters.count + 1 else {
            throw root.error("needs at least \(parameters.count + 1) evaluations (one simplex)", key: "max_evaluations")
        }
        return spec
    }

    /// A target's `error`: relative (the default) or log.
    static func targetError(_ entry: YAMLValue) throws -> TargetError {
        guard let node = try entry.optional("error") else { return .relative }
        let text = try node.string()
        guard let error = TargetError(rawValue: text) else {
            throw node.error(
                "\(TextExcerpt.quoted(text)) is not a target error; expected "
                    + TargetError.allCases.map(\.rawValue).joined(separator: " or "))
        }
        return error
    }

    /// A target's `per_site`: only for a site indicator summed over the sites.
    static func perSite(_ entry: YAMLValue, scope: String) throws -> Bool {
        guard let node = try entry.optional("per_site"), try node.bool() == true else { return false }
        let indicators =
            [try entry.required("indicator").string()]
            + [try entry.optional("indicator_over")?.string()]
            .compactMap { $0 }
        guard scope == "actor", indicators.allSatisfy(CalibrationTarget.isSiteIndicator) else {
            throw node.error(
                "per_site fits each site on its own: the target's indicators must be site indicators ("
                    + CalibrationTarget.siteIndicators.joined(separator: ", ") + ") with scope actor")
        }
        return true
    }

    static func holdout(_ node: YAMLValue?) throws -> Holdout {
        guard let node else { return Holdout() }
        for key in try node.keys() where !["zones", "sites"].contains(key) {
            throw node.error("is not a holdout key; expected sites or zones", key: "holdout.\(key)")
        }
        let holdout = Holdout(
            zonePrefixes: try node.optional("zones")?.strings() ?? [],
            siteIDs: try node.optional("sites")?.strings() ?? [])
        guard !holdout.isEmpty else { throw node.error("lists no zone and no site", key: "holdout") }
        return holdout
    }

    static func siteSeries(_ node: YAMLValue?) throws -> SiteSeries {
        var series = SiteSeries()
        guard let node else { return series }
        let known = ["visits", "visits_80", "admitted", "share_80_of_oldest_band"]
        for key in try node.keys() where !known.contains(key) {
            throw node.error(
                "is not a sites key; expected one of \(known.joined(separator: ", "))", key: "sites.\(key)")
        }
        series.visits = try node.optional("visits")?.string() ?? series.visits
        series.visits80 = try node.optional("visits_80")?.string() ?? series.visits80
        series.admitted = try node.optional("admitted")?.string() ?? series.admitted
        if let share = try node.optional("share_80_of_oldest_band") {
            let value = try share.double()
            guard value > 0, value <= 1 else { throw share.error("must be in (0, 1]") }
            series.eightyShareOfOldestBand = value
        }
        return series
    }
}
