import Foundation

/// Which of a scenario's differences rest on assumed parameters: what `maillage sensitivity
/// --scenario FILE --out DIR` wrote in `DIR/sensitivity.json`, read back for the comparison report.
///
/// A difference is *assumption-driven* when more than half of its variance across the
/// parameter ranges (Sobol' total indices; Morris μ*², a screening) comes from parameters
/// marked `observed: false`, those no observation or calibration set.
public struct AssumptionScreening: Sendable {
    /// The folder read, for the report's provenance.
    public let folder: String
    /// The scenario file the analysis screened.
    public let scenarioFile: String
    /// `morris` or `sobol`.
    public let method: String
    /// The rule, as the analysis states it.
    public let rule: String
    /// Indicator → share of its variance from assumed parameters (nil when undefined: a difference
    /// that never moves).
    public let shares: [String: Double?]

    /// Reads `folder`/sensitivity.json.
    ///
    /// - Throws: ``ReportError/missingFile(path:what:)`` when it is not there,
    ///   ``ReportError/unreadableSensitivity(path:reason:)`` when it is not a scenario's sensitivity analysis.
    public init(folder: String) throws {
        let path = URL(fileURLWithPath: folder).appendingPathComponent("sensitivity.json").path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReportError.missingFile(path: path, what: "the sensitivity analysis")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let indicators = object["indicators"] as? [[String: Any]], let method = object["method"] as? String
        else {
            throw ReportError.unreadableSensitivity(
                path: path, reason: "not the sensitivity.json 'maillage sensitivity' writes")
        }
        guard let scenario = object["scenario"] as? String else {
            throw ReportError.unreadableSensitivity(
                path: path,
                reason: "it screened the territory's indicators, not a scenario's differences (run it with a scenario)")
        }
        var shares: [String: Double?] = [:]
        for indicator in indicators {
            guard let name = indicator["name"] as? String else { continue }
            shares[name] = indicator["assumption_share"] as? Double
        }
        self.folder = folder
        self.scenarioFile = scenario
        self.method = method
        self.rule = object["assumption_rule"] as? String ?? ""
        self.shares = shares
    }

    /// The scenario file's name without its folder and extension (`close-ed` for `sc/close-ed.yaml`).
    public var scenarioStem: String {
        URL(fileURLWithPath: scenarioFile).deletingPathExtension().lastPathComponent
    }

    /// What the report says beside a difference of `indicator`.
    public func flag(_ indicator: String) -> String {
        guard let entry = shares[indicator] else { return "not screened" }
        guard let share = entry else { return "undefined (no variance)" }
        let percent = Int((100 * share).rounded())
        return share > 0.5 ? "assumption-driven (\(percent) %)" : "mostly observed (\(percent) % assumed)"
    }

    /// Matches screenings to a comparison's alternatives: `NAME=DIR` names the alternative; a bare
    /// `DIR` goes to the alternative named like its scenario file, or to the only alternative.
    ///
    /// - Throws: ``ReportError/unreadableSensitivity(path:reason:)`` when no alternative matches.
    public static func byAlternative(_ arguments: [String], alternatives: [String]) throws -> [String:
        AssumptionScreening]
    {
        var result: [String: AssumptionScreening] = [:]
        for argument in arguments {
            var name: String?
            var folder = argument
            if let equals = argument.firstIndex(of: "="), !FileManager.default.fileExists(atPath: argument) {
                name = String(argument[..<equals])
                folder = String(argument[argument.index(after: equals)...])
            }
            let screening = try AssumptionScreening(folder: folder)
            let chosen =
                name
                ?? alternatives.first {
                    $0 == screening.scenarioStem || ComparisonReading.fileName($0) == screening.scenarioStem
                }
                ?? (alternatives.count == 1 ? alternatives[0] : nil)
            guard let alternative = chosen, alternatives.contains(alternative) else {
                throw ReportError.unreadableSensitivity(
                    path: folder,
                    reason:
                        "it screened \(screening.scenarioFile), which is not one of the alternatives "
                        + "\(alternatives.joined(separator: ", ")); give it as ALTERNATIVE=\(folder)")
            }
            result[alternative] = screening
        }
        return result
    }
}
