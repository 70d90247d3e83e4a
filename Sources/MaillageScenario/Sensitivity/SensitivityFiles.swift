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

    /// The analysis as `sensitivity.json` holds it.
    public static func json(_ analysis: SensitivityAnalysis) -> String {
        let plan = analysis.plan
        func value(_ x: Double) -> String { x.isFinite ? String(x) : "null" }
        func string(_ s: String) -> String { JSONValue.quoted(s) }
        var lines: [String] = ["{"]
        lines.append("  \"method\": \(string(plan.method.rawValue)),")
        lines.append("  \"ranges_file\": \(string(plan.rangesFile)), \"ranges_hash\": \(string(plan.rangesHash)),")
        lines.append(
            "  \"size\": \(plan.size), \"levels\": \(plan.levels), \"points\": \(plan.pointCount), \"design_seed\": \(plan.designSeed),"
        )
        lines.append(
            "  \"seed\": \(plan.seed), \"replications\": \(plan.replications), \"days\": \(plan.days), \"sample\": \(value(plan.sample)),"
        )
        lines.append("  \"scenario\": \(plan.scenarioFile.map(string) ?? "null"),")
        lines.append(
            "  \"assumption_rule\": \"assumption_driven when more than half of the variance (Sobol: share of summed total indices; Morris: share of summed mu_star squared) comes from parameters marked observed: false\","
        )
        lines.append("  \"parameters\": [")
        lines.append(
            plan.parameters.map { p in
                "    {\"name\": \(string(p.name)), \"mode\": \(string(p.mode.rawValue)), \"low\": \(value(p.low)), \"high\": \(value(p.high)), \"observed\": \(p.observed), \"source\": \(string(p.source))}"
            }.joined(separator: ",\n"))
        lines.append("  ],")
        lines.append("  \"indicators\": [")
        lines.append(
            analysis.indicators.map { indicator in
                var entries: [String] = []
                for (p, parameter) in plan.parameters.enumerated() {
                    if let m = indicator.morris {
                        entries.append(
                            "        \(string(parameter.name)): {\"mu\": \(value(m.mu[p])), \"mu_star\": \(value(m.muStar[p])), \"sigma\": \(value(m.sigma[p])), \"mu_star_conf\": \(value(m.muStarConfidence[p]))}"
                        )
                    } else if let s = indicator.sobol {
                        entries.append(
                            "        \(string(parameter.name)): {\"S1\": \(value(s.firstOrder[p])), \"S1_conf\": \(value(s.firstOrderConfidence[p])), \"ST\": \(value(s.total[p])), \"ST_conf\": \(value(s.totalConfidence[p]))}"
                        )
                    }
                }
                let driven = indicator.assumptionShare.isFinite ? String(indicator.assumptionDriven) : "null"
                return
                    "    {\"name\": \(string(indicator.name)), \"mean\": \(value(indicator.mean)), \"sd\": \(value(indicator.standardDeviation)), "
                    + "\"assumption_share\": \(value(indicator.assumptionShare)), \"assumption_driven\": \(driven),\n"
                    + "      \"indices\": {\n" + entries.joined(separator: ",\n") + "\n      }}"
            }.joined(separator: ",\n"))
        lines.append("  ]")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
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
