/// SVG path data for rings of page points, rounded to a tenth of a unit.
///
/// Rounding drops the points that would land on the previous one, which thins the IGN
/// commune outlines (metre-level detail) to what a 1,000-unit-wide map can show.
enum SVGPath {
    static func rings(_ rings: [[ProjectedTerritory.PagePoint]]) -> String {
        var data = ""
        for ring in rings {
            var last: (Int, Int)?
            var kept = 0
            var ringData = ""
            for point in ring {
                let rounded = (Int((point.x * 10).rounded()), Int((point.y * 10).rounded()))
                if let last, last == rounded { continue }
                ringData += (kept == 0 ? "M" : "L") + coordinate(rounded.0) + " " + coordinate(rounded.1)
                last = rounded
                kept += 1
            }
            if kept >= 3 { data += ringData + "Z" }
        }
        return data
    }

    /// Tenths as decimal text: 1234 → `123.4`, 50 → `5`.
    static func coordinate(_ tenths: Int) -> String {
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    /// A number for an SVG attribute, with at most one decimal.
    static func number(_ value: Double) -> String {
        coordinate(Int((value * 10).rounded()))
    }
}
