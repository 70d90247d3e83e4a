/// The legend beside a map, laid out top to bottom as SVG.
struct MapLegend {
    let x: Double
    private(set) var y: Double
    private(set) var svg = ""

    init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// A heading in bold, wrapped into lines of about `width` characters.
    mutating func heading(_ text: String, width: Int = 34) {
        for line in Self.wrap(text, width: width) {
            svg +=
                "<text class=\"legend-title\" x=\"\(SVGPath.number(x))\" y=\"\(SVGPath.number(y + 14))\">\(HTMLText.escape(line))</text>"
            y += 19
        }
    }

    /// A line of small grey text.
    mutating func note(_ text: String, width: Int = 44) {
        for line in Self.wrap(text, width: width) {
            svg +=
                "<text class=\"legend-note\" x=\"\(SVGPath.number(x))\" y=\"\(SVGPath.number(y + 12))\">\(HTMLText.escape(line))</text>"
            y += 16
        }
    }

    mutating func space(_ height: Double) { y += height }

    /// A row: the swatch (SVG drawn in a 22 × 16 box at the row's origin) then the label.
    mutating func row(swatch: (Double, Double) -> String, label: String, detail: String? = nil) {
        svg += swatch(x, y)
        var text =
            "<text class=\"legend-label\" x=\"\(SVGPath.number(x + 30))\" y=\"\(SVGPath.number(y + 12.5))\">\(HTMLText.escape(label))"
        if let detail { text += "<tspan class=\"legend-detail\" dx=\"6\">\(HTMLText.escape(detail))</tspan>" }
        svg += text + "</text>"
        y += 22
    }

    /// Words joined into lines of at most `width` characters (a longer word gets its own line).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
