import Foundation

/// One indicator's territory-wide value in each scenario, with its 95 % interval, as SVG.
///
/// A row per scenario: a point at the mean and a bar from the lower to the upper bound (no
/// bar for a deterministic indicator, whose bounds equal its value). The baseline's value is
/// carried down as a dashed line so that each alternative reads against it.
package struct IntervalChart {
    /// Width of the SVG, in page units, the same as the maps'.
    package static let width = 1000.0
    static let left = 220.0, right = 40.0, top = 34.0, rowHeight = 30.0, bottom = 40.0
    /// The colour of points and bars (a dark blue of the sequential palette).
    package static let colour = "#225ea8"

    /// One scenario's estimate.
    package struct Row: Sendable {
        /// The scenario's name, written at the left of its row.
        package var scenario: String
        /// The mean over replications.
        package var mean: Double
        /// The lower bound of the 95 % interval; nil when there is none.
        package var low: Double?
        /// The upper bound of the 95 % interval; nil when there is none.
        package var high: Double?

        /// A row from its estimate.
        package init(scenario: String, mean: Double, low: Double?, high: Double?) {
            self.scenario = scenario
            self.mean = mean
            self.low = low
            self.high = high
        }
    }

    let title: String
    let unit: String
    let rows: [Row]

    /// A chart of `rows`, the first being the baseline, titled `title` with values in `unit`.
    package init(title: String, unit: String, rows: [Row]) {
        self.title = title
        self.unit = unit
        self.rows = rows
    }

    /// Height of the SVG: a row per scenario between the title and the axis.
    package var height: Double { Self.top + Double(rows.count) * Self.rowHeight + Self.bottom }

    /// The chart as one `<svg>` element, every text escaped.
    package func svg() -> String {
        var svg = """
            <svg class="interval-chart" xmlns="http://www.w3.org/2000/svg" width="\(Int(Self.width))" height="\(Int(height))" \
            viewBox="0 0 \(Int(Self.width)) \(Int(height))" role="img" aria-label="\(HTMLText.escape(title + ": each scenario with its 95 % interval"))">
            <text class="legend-title" x="0" y="18">\(HTMLText.escape(title))</text>
            """
        let bounds = rows.flatMap { [$0.mean, $0.low ?? $0.mean, $0.high ?? $0.mean] }.filter(\.isFinite)
        guard var low = bounds.min(), var high = bounds.max() else {
            return svg + "<text x=\"0\" y=\"44\" class=\"legend-note\">No scenario has a value.</text></svg>"
        }
        if high == low { (low, high) = (low - max(1, abs(low)) * 0.05, high + max(1, abs(high)) * 0.05) }
        let pad = (high - low) * 0.06
        let ticks = NiceNumbers.ticks(low: low - pad, high: high + pad, count: 6)
        low = min(low - pad, ticks.first ?? low)
        high = max(high + pad, ticks.last ?? high)
        let plotWidth = Self.width - Self.left - Self.right
        let plotBottom = Self.top + Double(rows.count) * Self.rowHeight
        func x(_ value: Double) -> Double { Self.left + (value - low) / (high - low) * plotWidth }
        for tick in ticks {
            svg +=
                "<line x1=\"\(SVGPath.number(x(tick)))\" x2=\"\(SVGPath.number(x(tick)))\" y1=\"\(Int(Self.top))\" y2=\"\(SVGPath.number(plotBottom))\" stroke=\"#e0e0e0\"/>"
            svg +=
                "<text class=\"axis\" x=\"\(SVGPath.number(x(tick)))\" y=\"\(SVGPath.number(plotBottom + 16))\" text-anchor=\"middle\">\(DisplayNumber.auto(tick))</text>"
        }
        if let baseline = rows.first, baseline.mean.isFinite {
            svg +=
                "<line class=\"baseline\" x1=\"\(SVGPath.number(x(baseline.mean)))\" x2=\"\(SVGPath.number(x(baseline.mean)))\" y1=\"\(Int(Self.top))\" y2=\"\(SVGPath.number(plotBottom))\" stroke=\"#969696\" stroke-dasharray=\"4 3\"/>"
        }
        svg += "<g class=\"intervals\">"
        for (index, row) in rows.enumerated() {
            let y = Self.top + (Double(index) + 0.5) * Self.rowHeight
            svg +=
                "<text class=\"legend-label\" x=\"\(SVGPath.number(Self.left - 12))\" y=\"\(SVGPath.number(y + 5))\" text-anchor=\"end\">\(HTMLText.escape(row.scenario))</text>"
            guard row.mean.isFinite else {
                svg +=
                    "<text class=\"legend-note\" x=\"\(SVGPath.number(Self.left + 4))\" y=\"\(SVGPath.number(y + 5))\">undefined</text>"
                continue
            }
            var tooltip = "\(row.scenario): \(DisplayNumber.auto(row.mean))"
            if let rowLow = row.low, let rowHigh = row.high, rowLow.isFinite, rowHigh.isFinite, rowHigh > rowLow {
                tooltip += " (95 % interval \(DisplayNumber.auto(rowLow)) to \(DisplayNumber.auto(rowHigh)))"
                svg +=
                    "<path class=\"interval\" d=\"M\(SVGPath.number(x(rowLow))) \(SVGPath.number(y))H\(SVGPath.number(x(rowHigh)))"
                    + "M\(SVGPath.number(x(rowLow))) \(SVGPath.number(y - 6))V\(SVGPath.number(y + 6))M\(SVGPath.number(x(rowHigh))) \(SVGPath.number(y - 6))V\(SVGPath.number(y + 6))\" "
                    + "stroke=\"\(Self.colour)\" stroke-width=\"2\" fill=\"none\"/>"
            }
            svg +=
                "<circle class=\"mean\" cx=\"\(SVGPath.number(x(row.mean)))\" cy=\"\(SVGPath.number(y))\" r=\"5\" fill=\"\(Self.colour)\" stroke=\"#fff\" stroke-width=\"1\"><title>\(HTMLText.escape(tooltip))</title></circle>"
        }
        svg += "</g>"
        svg +=
            "<text class=\"axis-title\" x=\"\(SVGPath.number(Self.left + plotWidth / 2))\" y=\"\(SVGPath.number(plotBottom + 34))\" text-anchor=\"middle\">\(HTMLText.escape(unit.isEmpty ? "value" : unit))</text>"
        return svg + "</svg>"
    }
}
