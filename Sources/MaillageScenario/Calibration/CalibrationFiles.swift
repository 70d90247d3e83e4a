import Foundation
import MaillageFormats
import MaillageSim

/// The files of a calibration: `history.csv` (appended as evaluations finish, so that an
/// interrupted run resumes), `fitted-parameters.json` (for `simulate --params` and a
/// scenario's `params:`), `fitted-overrides.yaml` (for a scenario's `overrides:`), `fit.csv`,
/// `validation.csv` and `calibration.json`.
public enum CalibrationFiles {
    static func path(_ folder: String, _ name: String) -> String {
        URL(fileURLWithPath: folder).appendingPathComponent(name).path
    }

    static func number(_ value: Double?) -> String { value.map { $0.isFinite ? String($0) : "" } ?? "" }

    /// The first line of `history.csv`: the search (with several starts), evaluation, objective,
    /// unit coordinates, values, simulated targets.
    public static func historyHeader(_ spec: CalibrationSpec) -> String {
        let parameters = spec.parameters.map { "unit:\($0.name)" } + spec.parameters.map(\.name)
        return CSVText.row(
            (spec.starts > 1 ? ["start"] : []) + ["evaluation", "objective"] + parameters
                + spec.targets.map { "simulated:\($0.name)" })
    }

    /// Opens the history of `folder` for appending, returning what an earlier run of the same spec evaluated.
    ///
    /// - Throws: when the folder holds the history of another spec.
    public static func openHistory(_ spec: CalibrationSpec, folder: String) throws -> (
        handle: FileHandle, earlier: [String: (objective: Double, simulated: [Double?])]
    ) {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let history = path(folder, "history.csv")
        let state = path(folder, "spec-hash.txt")
        var earlier: [String: (objective: Double, simulated: [Double?])] = [:]
        if FileManager.default.fileExists(atPath: history) {
            let hash = (try? String(contentsOfFile: state, encoding: .utf8))?.trimmingCharacters(
                in: .whitespacesAndNewlines)
            guard hash == spec.contentHash else {
                throw ScenarioError(
                    file: history,
                    reason: "belongs to another calibration spec; use another results folder or remove this one")
            }
            let dimension = spec.parameters.count
            let lines = try String(contentsOfFile: history, encoding: .utf8).split(whereSeparator: \.isNewline)
            for line in lines.dropFirst() {
                let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                    .dropFirst(spec.starts > 1 ? 1 : 0).map { $0 }
                // A line cut by the interruption is left out: that point runs again.
                guard fields.count == 2 + 2 * dimension + spec.targets.count,
                    let objective = Double(fields[1]) ?? (fields[1].isEmpty ? .infinity : nil)
                else { continue }
                let unit = fields[2..<(2 + dimension)].compactMap(Double.init)
                guard unit.count == dimension else { continue }
                let simulated = fields[(2 + 2 * dimension)...].map { Double($0) }
                earlier[Calibration.key(unit)] = (objective, simulated)
            }
        }
        // The history is rewritten as the run replays it, so that it ends with every evaluation once, in order.
        try Data((historyHeader(spec) + "\r\n").utf8).write(to: URL(fileURLWithPath: history))
        try Data((spec.contentHash + "\n").utf8).write(to: URL(fileURLWithPath: state))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: history))
        try handle.seekToEnd()
        return (handle, earlier)
    }

    /// One evaluation as a line of `history.csv`, CRLF-ended like every CSV line Maillage writes.
    public static func historyLine(_ evaluation: Calibration.Evaluation, spec: CalibrationSpec) -> String {
        CSVText.row(
            (spec.starts > 1 ? [String(evaluation.start)] : []) + [
                String(evaluation.index), number(evaluation.objective),
            ] + evaluation.unit.map { String($0) } + evaluation.values.map { String($0) }
                + evaluation.simulated.map(number)) + "\r\n"
    }

    /// `history.csv` whole, as a run that appended every evaluation of `result` would leave it.
    public static func history(_ result: Calibration.Result) -> String {
        historyHeader(result.spec) + "\r\n" + result.history.map { historyLine($0, spec: result.spec) }.joined()
    }

    /// Writes `history.csv` whole and the spec's hash beside it, as a run that appended every
    /// evaluation leaves them (a later run on the folder resumes from it).
    ///
    /// - Throws: ``ScenarioError`` when a file cannot be written.
    public static func writeHistory(_ result: Calibration.Result, to folder: String) throws {
        try write(history(result), path(folder, "history.csv"))
        try write(result.spec.contentHash + "\n", path(folder, "spec-hash.txt"))
    }

    /// Writes the fitted parameters and overrides, the fit and validation tables and `calibration.json` into `folder`.
    ///
    /// - Throws: ``ScenarioError`` when a file cannot be written.
    public static func write(_ result: Calibration.Result, to folder: String) throws {
        let parameters = ParameterFile.canonicalJSON(result.fittedParameters, pretty: true)
        try write(parameters + "\n", path(folder, "fitted-parameters.json"))
        var yaml =
            "# Fitted by maillage calibrate (\(result.spec.file)); paste under a scenario's overrides:\noverrides:\n"
        for (name, value) in result.fittedOverrides.sorted(by: { $0.key < $1.key }) { yaml += "  \(name): \(value)\n" }
        try write(yaml, path(folder, "fitted-overrides.yaml"))
        try write(table(result.fit, year: result.spec.fitYear), path(folder, "fit.csv"))
        if let year = result.validationYear {
            try write(table(result.validation, year: year), path(folder, "validation.csv"))
        }
        if let sites = result.sites {
            try write(siteTable(sites), path(folder, "sites.csv"))
            try write(siteMap(sites), path(folder, "sites.geojson"))
        }
        try write(json(result), path(folder, "calibration.json"))
    }

    static func table(_ fits: [Calibration.TargetFit], year: Int) -> String {
        let rows = fits.map { fit in
            [
                fit.target.name, String(year), number(fit.observed), number(fit.simulated), number(fit.relativeError),
                number(fit.target.weight),
            ]
        }
        return CSVText.table(
            header: ["target", "year", "observed", "simulated", "relative_error", "weight"], rows: rows)
    }

    /// The per-site columns of `sites.csv` and `sites.geojson`, after the site's id, name and zone.
    static let siteColumns = [
        "observed_visits", "simulated_visits", "residual_visits", "relative_error_visits", "observed_share_80",
        "simulated_share_80", "residual_share_80", "observed_admitted_share", "simulated_admitted_share",
        "residual_admitted_share",
    ]

    static func siteValues(_ site: SiteValidation.Site) -> [Double?] {
        func residual(_ observed: Double?, _ simulated: Double?) -> Double? {
            guard let observed, let simulated else { return nil }
            return simulated - observed
        }
        return [
            site.observedVisits, site.simulatedVisits, site.simulatedVisits - site.observedVisits, site.relativeError,
            site.observedShare80, site.simulatedShare80, residual(site.observedShare80, site.simulatedShare80),
            site.observedAdmittedShare, site.simulatedAdmittedShare,
            residual(site.observedAdmittedShare, site.simulatedAdmittedShare),
        ]
    }

    /// `sites.csv`: one row per validated site, residuals = simulated − observed (shares as fractions).
    static func siteTable(_ validation: SiteValidation) -> String {
        let rows = validation.sites.map { site in
            [
                site.id, site.name, site.zoneID ?? "", String(validation.year),
                NumberText.coordinate(site.point.longitude),
                NumberText.coordinate(site.point.latitude),
            ] + siteValues(site).map(number)
        }
        return CSVText.table(
            header: ["site_id", "name", "zone_id", "year", "lon", "lat"] + siteColumns, rows: rows)
    }

    /// `sites.geojson`: the validated sites as points with the columns of `sites.csv`, numbers as
    /// numbers, to map the residuals.
    static func siteMap(_ validation: SiteValidation) -> String {
        let features = validation.sites.map { site in
            GeoJSONText.feature(
                id: site.id, geometry: GeoJSONText.point(site.point),
                properties: [
                    ("site_id", .string(site.id)), ("name", .string(site.name)), ("zone_id", .string(site.zoneID)),
                    ("year", .number(Double(validation.year))),
                ] + zip(siteColumns, siteValues(site)).map { ($0, JSONValue.number($1)) })
        }
        return #"{"type":"FeatureCollection","features":["# + "\n" + features.joined(separator: ",\n") + "\n]}\n"
    }

    /// The result as `calibration.json` holds it (and `calibrate --json` prints it): a
    /// ``CalibrationDocument`` through `JSONText`.
    public static func json(_ result: Calibration.Result) -> String {
        // Only numbers, strings and booleans: encoding cannot fail.
        (try? JSONText.string(CalibrationDocument(result), pretty: true)).map { $0 + "\n" } ?? "{}\n"
    }

    private static func write(_ text: String, _ path: String) throws {
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) } catch {
            throw ScenarioError(file: path, reason: "cannot be written: \(error.localizedDescription)")
        }
    }
}
