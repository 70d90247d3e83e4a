import Foundation
import MaillageFormats

/// Writes a sensitivity analysis: `indices.csv`, `indicators.csv`, `design.csv`, `outputs.csv`
/// and `sensitivity.json`, the same bytes whether the points ran on one machine or in shards.
public enum SensitivityFiles {
    /// Writes the analysis's files into `folder`, creating it.
    ///
    /// - Throws: ``ScenarioError`` or a file error when a file cannot be written.
    public static func write(_ analysis: SensitivityAnalysis, outputs: SensitivityOutputs, to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let plan = analysis.plan
        let names = plan.parameters.map(\.name)
        func path(_ name: String) -> String { URL(fileURLWithPath: folder).appendingPathComponent(name).path }

        let design = plan.design
        let designRows = design.enumerated().map { index, unit in
            [String(index)] + zip(plan.parameters, unit).map { number($0.value(at: $1)) }
        }
        try writeCSV(header: ["point"] + names, rows: designRows, path("design.csv"))

        let outputRows = (outputs.complete ?? []).enumerated().map { index, row in [String(index)] + row.map(number) }
        try writeCSV(header: ["point"] + outputs.indicators, rows: outputRows, path("outputs.csv"))

        let indicatorRows = analysis.indicators.map { indicator in
            [
                indicator.name, number(indicator.mean), number(indicator.standardDeviation),
                number(indicator.assumptionShare),
                indicator.assumptionShare.isFinite ? String(indicator.assumptionDriven) : "",
            ]
        }
        try writeCSV(
            header: ["indicator", "mean", "sd", "assumption_share", "assumption_driven"], rows: indicatorRows,
            path("indicators.csv")
        )
        try writeCSV(header: indexHeader(plan.method), rows: indexRows(analysis), path("indices.csv"))
        try write(json(analysis), path("sensitivity.json"))
        try write(SensitivityTornado.html(analysis), path("tornado.html"))
    }

    /// The header of `indices.csv`: Morris's elementary-effect statistics or Sobol's indices.
    static func indexHeader(_ method: SensitivityMethod) -> [String] {
        ["indicator", "parameter", "observed"]
            + (method == .morris ? ["mu", "mu_star", "sigma", "mu_star_conf"] : ["S1", "S1_conf", "ST", "ST_conf"])
    }

    /// The rows of `indices.csv`: one per indicator and parameter, empty statistics when none were estimated.
    static func indexRows(_ analysis: SensitivityAnalysis) -> [[String]] {
        analysis.indicators.flatMap { indicator in
            analysis.plan.parameters.enumerated().map { p, parameter in
                var row = [indicator.name, parameter.name, String(parameter.observed)]
                if let m = indicator.morris {
                    row += [m.mu[p], m.muStar[p], m.sigma[p], m.muStarConfidence[p]].map(number)
                } else if let s = indicator.sobol {
                    row += [s.firstOrder[p], s.firstOrderConfidence[p], s.total[p], s.totalConfidence[p]].map(number)
                } else {
                    row += ["", "", "", ""]
                }
                return row
            }
        }
    }

    /// A number as CSV and JSON write it: shortest round-trip text, empty when undefined.
    static func number(_ value: Double) -> String { value.isFinite ? String(value) : "" }

    /// The analysis as `sensitivity.json` holds it: a ``SensitivityDocument`` through `JSONText`.
    public static func json(_ analysis: SensitivityAnalysis) -> String {
        // Only numbers, strings and booleans: encoding cannot fail.
        (try? JSONText.string(SensitivityDocument(analysis), pretty: true)).map { $0 + "\n" } ?? "{}\n"
    }

    /// Writes a table with the one CSV writer (RFC 4180, CRLF); a failure is a cannot-create-output error on the file.
    private static func writeCSV(header: [String], rows: [[String]], _ path: String) throws {
        try CSVFile.write(header: header, rows: rows, to: path)
    }

    private static func write(_ text: String, _ path: String) throws {
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) } catch {
            throw ScenarioError(file: path, reason: "cannot be written: \(error.localizedDescription)")
        }
    }
}
