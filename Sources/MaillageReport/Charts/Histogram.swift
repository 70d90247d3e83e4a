import Foundation

/// The distribution of a value across zones as an SVG bar chart, bars in the map's colours.
package struct Histogram {
    /// Width of the SVG, in page units, the same as the maps' so that charts line up under them.
    package static let width = 1000.0
    /// Height of the SVG, in page units.
    package static let height = 260.0
    static let left = 64.0, right = 24.0, top = 26.0, bottom = 48.0

    let values: [Double]
    let classes: QuantileClasses?
    let unit: String
    let threshold: Double?

    /// A histogram of `values`, its bars coloured by `classes` when given, `threshold` marked when given.
    package init(values: [Double], classes: QuantileClasses?, unit: String, threshold: Double?) {
        self.values = values
        self.classes = classes
        self.unit = unit
        self.threshold = threshold
    }

    /// Equal-width bins over round bounds: (lower edge, width, count).
    package static func bins(_ values: [Double]) -> [(low: Double, width: Double, count: Int)] {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return [] }
        let target = min(24, max(6, Int(Double(finite.count).squareRoot())))
        guard high > low else { return [(low, 1, finite.count)] }
        let width = NiceNumbers.roundStep((high - low) / Double(target))
        let start = (low / width).rounded(.down) * width
        let count = max(1, Int(((high - start) / width).rounded(.down)) + 1)
        var bins = (0..<count).map { (low: start + Double($0) * width, width: width, count: 0) }
        for value in finite {
            bins[min(count - 1, Int(((value - start) / width).rounded(.down)))].count += 1
        }
        return bins
    }

    /// The chart as one `<svg>` element, every text escaped.
    package func svg() -> String {
        let bins = Self.bins(values)
        let undefined = values.filter { !$0.isFinite }.count
        var svg = """
            <svg class="histogram" xmlns="http://www.w3.org/2000/svg" width="\(Int(Self.width))" height="\(Int(Self.height))" \
            viewBox="0 0 \(Int(Self.width)) \(Int(Self.height))" role="img" aria-label="Histogram of the zones' values">

            """
        guard let first = bins.first, let last = bins.last else {
            return svg + "<text x=\"20\" y=\"40\" class=\"legend-note\">No zone has a value.</text></svg>"
        }
        let low = first.low
        let high = last.low + last.width
        let largest = Double(bins.map(\.count).max() ?? 1)
        let plotWidth = Self.width - Self.left - Self.right
        let plotHeight = Self.height - Self.top - Self.bottom
        func x(_ value: Double) -> Double { Self.left + (value - low) / (high - low) * plotWidth }
        func y(_ count: Double) -> Double { Self.top + plotHeight * (1 - count / largest) }
        let colours = SequentialPalette.colours(count: classes?.count ?? 0)

        for tick in NiceNumbers.ticks(low: 0, high: largest, count: 4) where tick == tick.rounded() {
            svg +=
                "<line x1=\"\(Int(Self.left))\" x2=\"\(Int(Self.width - Self.right))\" y1=\"\(SVGPath.number(y(tick)))\" y2=\"\(SVGPath.number(y(tick)))\" stroke=\"#e0e0e0\"/>"
            svg +=
                "<text class=\"axis\" x=\"\(Int(Self.left - 8))\" y=\"\(SVGPath.number(y(tick) + 4))\" text-anchor=\"end\">\(DisplayNumber.format(tick, decimals: 0))</text>"
        }
        svg += "<g class=\"bars\" stroke=\"#ffffff\" stroke-width=\"1\">"
        for bin in bins where bin.count > 0 {
            let middle = bin.low + bin.width / 2
            let colour =
                classes?.classIndex(
                    of: min(max(middle, classes?.minimum ?? middle), classes?.upperBounds.last ?? middle)
                )
                .flatMap { $0 < colours.count ? colours[$0] : nil } ?? "#969696"
            svg +=
                "<rect x=\"\(SVGPath.number(x(bin.low)))\" y=\"\(SVGPath.number(y(Double(bin.count))))\" "
                + "width=\"\(SVGPath.number(x(bin.low + bin.width) - x(bin.low)))\" height=\"\(SVGPath.number(y(0) - y(Double(bin.count))))\" fill=\"\(colour)\">"
                + "<title>\(DisplayNumber.auto(bin.low)) to \(DisplayNumber.auto(bin.low + bin.width)): \(bin.count) zones</title></rect>"
        }
        svg +=
            "</g><line x1=\"\(Int(Self.left))\" x2=\"\(Int(Self.width - Self.right))\" y1=\"\(SVGPath.number(y(0)))\" y2=\"\(SVGPath.number(y(0)))\" stroke=\"#525252\"/>"
        for tick in NiceNumbers.ticks(low: low, high: high, count: 8) {
            svg +=
                "<text class=\"axis\" x=\"\(SVGPath.number(x(tick)))\" y=\"\(SVGPath.number(y(0) + 18))\" text-anchor=\"middle\">\(DisplayNumber.auto(tick))</text>"
        }
        if let threshold, threshold >= low, threshold <= high {
            svg +=
                "<line x1=\"\(SVGPath.number(x(threshold)))\" x2=\"\(SVGPath.number(x(threshold)))\" y1=\"\(Int(Self.top - 4))\" y2=\"\(SVGPath.number(y(0)))\" "
                + "stroke=\"\(SequentialPalette.alert)\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
                + "<text class=\"threshold\" x=\"\(SVGPath.number(x(threshold)))\" y=\"\(Int(Self.top - 8))\" text-anchor=\"middle\">threshold \(DisplayNumber.auto(threshold))</text>"
        }
        svg +=
            "<text class=\"axis-title\" x=\"\(SVGPath.number(Self.left + plotWidth / 2))\" y=\"\(Int(Self.height - 8))\" text-anchor=\"middle\">\(HTMLText.escape(unit))</text>"
        svg +=
            "<text class=\"axis-title\" transform=\"translate(16 \(SVGPath.number(Self.top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">zones</text>"
        if undefined > 0 {
            svg +=
                "<text class=\"legend-note\" x=\"\(Int(Self.width - Self.right))\" y=\"\(Int(Self.top - 8))\" text-anchor=\"end\">\(DisplayNumber.count(undefined)) zone(s) with no value not shown</text>"
        }
        return svg + "</svg>"
    }
}
