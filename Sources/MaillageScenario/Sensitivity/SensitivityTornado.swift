import Foundation

/// `tornado.html`: one tornado chart per indicator (inline SVG, no script), parameters sorted by
/// importance — Morris μ* with its bootstrap interval, or Sobol' total index with the
/// first-order index inside it — assumed parameters in orange, observed ones in blue, and the
/// indicator's assumption-driven flag beside its name.
enum SensitivityTornado {
    static func html(_ analysis: SensitivityAnalysis) -> String {
        let plan = analysis.plan
        var body = ""
        for indicator in analysis.indicators {
            let bars: [(name: String, observed: Bool, value: Double, inner: Double?, whisker: Double?)]
            if let m = indicator.morris {
                bars = plan.parameters.indices.map {
                    (plan.parameters[$0].name, plan.parameters[$0].observed, m.muStar[$0], nil, m.muStarConfidence[$0])
                }
            } else if let s = indicator.sobol {
                bars = plan.parameters.indices.map {
                    (
                        plan.parameters[$0].name, plan.parameters[$0].observed, max(0, s.total[$0]),
                        // With few samples the estimates can give a first-order index above the total
                        // (or a total below zero): the inner bar never outgrows its bar.
                        min(max(0, s.firstOrder[$0]), max(0, s.total[$0])), s.totalConfidence[$0]
                    )
                }
            } else {
                continue
            }
            let sorted = bars.filter { $0.value.isFinite }.sorted {
                $0.value > $1.value || ($0.value == $1.value && $0.name < $1.name)
            }
            let top = Array(sorted.prefix(15))
            // Every bar is 0 when no parameter moves the indicator: any scale draws them empty.
            let reach = top.map { $0.value + ($0.whisker.map { $0.isFinite ? $0 : 0 } ?? 0) }.max() ?? 0
            let scale = reach > 0 ? reach : 1
            let rowHeight = 18
            let label = 330
            let width = 360
            var svg =
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(label + width + 80)\" height=\"\(top.count * rowHeight + 8)\" font-family=\"sans-serif\" font-size=\"11\">"
            for (row, bar) in top.enumerated() {
                let y = row * rowHeight + 4
                let length = Double(width) * bar.value / scale
                svg += "<text x=\"\(label - 6)\" y=\"\(y + 12)\" text-anchor=\"end\">\(escape(bar.name))</text>"
                svg +=
                    "<rect x=\"\(label)\" y=\"\(y + 2)\" width=\(quoted(length)) height=\"12\" fill=\"\(bar.observed ? "#4a78b5" : "#e08a2c")\"/>"
                if let inner = bar.inner {
                    svg +=
                        "<rect x=\"\(label)\" y=\"\(y + 5)\" width=\(quoted(Double(width) * inner / scale)) height=\"6\" fill=\"#00000055\"/>"
                }
                if let whisker = bar.whisker, whisker.isFinite {
                    let low = max(0, bar.value - whisker)
                    let high = bar.value + whisker
                    svg +=
                        "<line x1=\(quoted(Double(label) + Double(width) * low / scale)) x2=\(quoted(Double(label) + Double(width) * high / scale)) y1=\"\(y + 8)\" y2=\"\(y + 8)\" stroke=\"#222\"/>"
                }
                svg += "<text x=\(quoted(Double(label) + length + 4)) y=\"\(y + 12)\">\(format(bar.value))</text>"
            }
            svg += "</svg>"
            let flag =
                indicator.assumptionShare.isFinite
                ? " — \(Int((100 * indicator.assumptionShare).rounded())) % from assumed parameters\(indicator.assumptionDriven ? " <strong class=\"flag\">assumption-driven</strong>" : "")"
                : ""
            body += "<h2>\(escape(indicator.name))\(flag)</h2>\n\(svg)\n"
        }
        let measure =
            plan.method == .morris
            ? "Morris μ* (bar) with its 95 % bootstrap interval (line)"
            : "Sobol' total index (bar), first-order index (dark inner bar), 95 % bootstrap interval of the total (line)"
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Sensitivity: \(escape(plan.rangesFile))</title>
            <style>body{font-family:sans-serif;margin:2em;max-width:60em}h2{font-size:1em;margin-top:1.6em}.flag{color:#b3261e}</style></head>
            <body><h1>Which answers rest on assumptions</h1>
            <p>\(measure); <span style="color:#e08a2c">■</span> assumed parameter (no observed source), <span style="color:#4a78b5">■</span> observed. \
            An indicator is <strong class="flag">assumption-driven</strong> when more than half of its variance comes from assumed parameters \
            (Sobol': share of the summed total indices; Morris: share of the summed μ*², a screening proxy). \
            \(plan.pointCount) runs, \(plan.replications) replication(s) each, common random numbers (seed \(plan.seed)).</p>
            \(body)</body></html>

            """
    }

    private static func quoted(_ value: Double) -> String { "\"\(format(value))\"" }

    /// A number for the chart: whole from 100 on (any magnitude, no conversion to `Int`), three
    /// significant digits below, 0 for what is not finite.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let magnitude = abs(value)
        if magnitude == 0 { return "0" }
        if magnitude >= 1e15 { return String(format: "%.0f", value) }
        if magnitude >= 100 { return String(Int(value.rounded())) }
        var digits = 3
        var x = magnitude
        while x < 1, digits < 12 {
            x *= 10
            digits += 1
        }
        let scaled = (value * pow10(digits - 1)).rounded() / pow10(digits - 1)
        return String(scaled)
    }

    private static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { a, _ in a * 10 } }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
