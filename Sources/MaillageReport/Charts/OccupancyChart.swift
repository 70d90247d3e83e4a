import Foundation

/// Occupancy over the simulated year as an SVG line chart: one line per kind of capacity.
///
/// Each point is the share of capacity used over the 7 days ending that day (used ÷ offered,
/// both summed over the week), which smooths out weekends when GP practices offer no slot
/// and the day-to-day noise of emergency visits, and leaves the seasons and the effect of
/// events readable. Colours are Okabe and Ito's colour-blind-safe set, with dashes as a
/// second cue.
public struct OccupancyChart {
    /// Width of the SVG, in page units, the same as the maps'.
    public static let width = 1000.0
    /// The least height of the SVG; more when the legend needs it.
    public static let height = 340.0
    static let left = 64.0, right = 250.0, top = 20.0, bottom = 48.0
    /// Days in the moving window each point sums over.
    public static let window = 7

    /// One kind of capacity: its used and offered totals per day.
    public struct Line: Sendable {
        /// The kind of capacity (`hospital_beds`), which picks the line's colour, dash and label.
        public var role: String
        /// What was in use each day.
        public var used: [Double]
        /// What was offered each day (0 on a day of closure).
        public var offered: [Double]

        /// A line from its daily totals, day 0 first.
        public init(role: String, used: [Double], offered: [Double]) {
            self.role = role
            self.used = used
            self.offered = offered
        }

        /// Used ÷ offered over the `window` days ending on each day (NaN while nothing is offered).
        public func rolling(window: Int) -> [Double] {
            var usedSum = 0.0
            var offeredSum = 0.0
            return used.indices.map { day in
                usedSum += used[day].isFinite ? used[day] : 0
                offeredSum += offered[day].isFinite ? offered[day] : 0
                if day >= window {
                    usedSum -= used[day - window].isFinite ? used[day - window] : 0
                    offeredSum -= offered[day - window].isFinite ? offered[day - window] : 0
                }
                return offeredSum > 0 ? usedSum / offeredSum : .nan
            }
        }

        /// Used ÷ offered over the whole horizon.
        public var overall: Double {
            let offered = offered.filter(\.isFinite).reduce(0, +)
            return offered > 0 ? used.filter(\.isFinite).reduce(0, +) / offered : .nan
        }
    }

    /// How each role reads and is drawn: label, colour, dashes.
    static let styles: [String: (label: String, colour: String, dash: String?)] = [
        "hospital_beds": ("Hospital beds", "#0072b2", nil),
        "emergency_visits": ("Emergency visits", "#d55e00", "8 3"),
        "ssiad_places": ("SSIAD places", "#e69f00", "2 2"),
        "had_places": ("HAD places", "#cc79a7", "6 2 2 2"),
        "ehpad_places": ("EHPAD places", "#009e73", nil),
        "gp_slots": ("GP consultation slots", "#56b4e9", "4 3"),
        "gp_lists": ("GP patient lists", "#999999", "1 3"),
        "without_declared_gp": ("Without a declared GP", "#000000", "1 2"),
        "emergency_boarding": ("Emergency boarding", "#882255", "8 2 2 2"),
        "blocked_beds": ("Blocked beds", "#44aa99", "3 3"),
    ]
    static let order = [
        "hospital_beds", "emergency_visits", "ssiad_places", "had_places", "ehpad_places", "gp_slots",
        "gp_lists", "without_declared_gp", "emergency_boarding", "blocked_beds",
    ]
    /// The places whose use the chart is about: drawn last, so the pressure series never hide them.
    static let places: Set = [
        "hospital_beds", "emergency_visits", "ssiad_places", "had_places", "ehpad_places", "gp_slots",
    ]
    static let legendStep = 40.0

    /// Tall enough for the plot and for one legend entry per line.
    var height: Double { max(Self.height, Self.top + 4 + Self.legendStep * Double(lines.count)) }

    /// The legend's words for a kind of capacity (`hospital beds`).
    public static func label(_ role: String) -> String { styles[role]?.label ?? IndicatorGlossary.words(role) }

    let lines: [Line]
    /// Words for the x axis (`days from 2026-01-01`).
    let axisTitle: String

    /// A chart of `lines`, sorted in a fixed order of kinds so that legends read the same in every report.
    public init(lines: [Line], axisTitle: String) {
        self.lines = lines.sorted {
            (Self.order.firstIndex(of: $0.role) ?? 99, $0.role) < (Self.order.firstIndex(of: $1.role) ?? 99, $1.role)
        }
        self.axisTitle = axisTitle
    }

    /// The chart as one `<svg>` element, every text escaped.
    public func svg() -> String {
        var svg = """
            <svg class="occupancy-chart" xmlns="http://www.w3.org/2000/svg" width="\(Int(Self.width))" height="\(Int(height))" \
            viewBox="0 0 \(Int(Self.width)) \(Int(height))" role="img" aria-label="Occupancy over the simulated days">

            """
        let series = lines.map { ($0, $0.rolling(window: Self.window)) }
        let days = lines.map(\.used.count).max() ?? 0
        let highest = series.flatMap { $0.1.filter(\.isFinite) }.max() ?? 0
        guard days > 1, highest.isFinite else {
            return svg + "<text x=\"20\" y=\"40\" class=\"legend-note\">The run holds no occupancy series.</text></svg>"
        }
        let top = max(1, (highest * 10).rounded(.up) / 10)
        let plotWidth = Self.width - Self.left - Self.right
        let plotHeight = Self.height - Self.top - Self.bottom
        func x(_ day: Double) -> Double { Self.left + day / Double(days - 1) * plotWidth }
        func y(_ share: Double) -> Double { Self.top + plotHeight * (1 - share / top) }
        for tick in NiceNumbers.ticks(low: 0, high: top, count: 5) {
            svg +=
                "<line x1=\"\(Int(Self.left))\" x2=\"\(SVGPath.number(Self.left + plotWidth))\" y1=\"\(SVGPath.number(y(tick)))\" y2=\"\(SVGPath.number(y(tick)))\" stroke=\"\(tick == 1 ? "#969696" : "#e0e0e0")\"/>"
            svg +=
                "<text class=\"axis\" x=\"\(Int(Self.left - 8))\" y=\"\(SVGPath.number(y(tick) + 4))\" text-anchor=\"end\">\(DisplayNumber.format(tick * 100, decimals: 0)) %</text>"
        }
        for tick in NiceNumbers.ticks(low: 0, high: Double(days - 1), count: 8) {
            svg +=
                "<text class=\"axis\" x=\"\(SVGPath.number(x(tick)))\" y=\"\(SVGPath.number(y(0) + 18))\" text-anchor=\"middle\">\(DisplayNumber.auto(tick))</text>"
        }
        svg +=
            "<line x1=\"\(Int(Self.left))\" x2=\"\(SVGPath.number(Self.left + plotWidth))\" y1=\"\(SVGPath.number(y(0)))\" y2=\"\(SVGPath.number(y(0)))\" stroke=\"#525252\"/>"
        svg += "<g class=\"lines\" fill=\"none\" stroke-width=\"2\" stroke-linejoin=\"round\">"
        var legendY = Self.top + 4
        var legend = ""
        var pressure = ""
        var places = ""
        for (line, values) in series {
            let style = Self.styles[line.role] ?? (Self.label(line.role), "#525252", nil)
            var data = ""
            var drawing = false
            for (day, value) in values.enumerated() {
                guard value.isFinite else {
                    drawing = false
                    continue
                }
                data += (drawing ? "L" : "M") + SVGPath.number(x(Double(day))) + " " + SVGPath.number(y(value))
                drawing = true
            }
            let dash = style.dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
            let overall = line.overall
            let title =
                "\(style.label): \(overall.isFinite ? DisplayNumber.percent(overall) : "nothing offered") over the run"
            let path =
                "<path class=\"line\" data-role=\"\(HTMLText.escape(line.role))\" d=\"\(data.isEmpty ? "M0 0" : data)\" stroke=\"\(style.colour)\"\(dash)><title>\(HTMLText.escape(title))</title></path>"
            if Self.places.contains(line.role) { places += path } else { pressure += path }
            let legendX = Self.left + plotWidth + 18
            legend +=
                "<line x1=\"\(SVGPath.number(legendX))\" x2=\"\(SVGPath.number(legendX + 28))\" y1=\"\(SVGPath.number(legendY + 8))\" y2=\"\(SVGPath.number(legendY + 8))\" stroke=\"\(style.colour)\" stroke-width=\"3\"\(dash)/>"
            legend +=
                "<text class=\"legend-label\" x=\"\(SVGPath.number(legendX + 36))\" y=\"\(SVGPath.number(legendY + 12))\">\(HTMLText.escape(style.label))</text>"
            legend +=
                "<text class=\"legend-detail\" x=\"\(SVGPath.number(legendX + 36))\" y=\"\(SVGPath.number(legendY + 27))\">\(HTMLText.escape(overall.isFinite ? DisplayNumber.percent(overall) + " over the run" : "nothing offered"))</text>"
            legendY += Self.legendStep
        }
        svg += pressure + places + "</g><g class=\"chart-legend\">\(legend)</g>"
        svg +=
            "<text class=\"axis-title\" x=\"\(SVGPath.number(Self.left + plotWidth / 2))\" y=\"\(Int(Self.height - 8))\" text-anchor=\"middle\">\(HTMLText.escape(axisTitle))</text>"
        svg +=
            "<text class=\"axis-title\" transform=\"translate(16 \(SVGPath.number(Self.top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">used ÷ offered, past 7 days</text>"
        return svg + "</svg>"
    }
}
