import Foundation
import MaillageAccess
import MaillageCore

/// The equity of one indicator in the report: its inequality figures, the Lorenz curve and the
/// map of local Moran clusters ("where are the access deserts"), as `maillage access equity`
/// computes them with its defaults.
struct EquityView {
    let report: EquityReport
    let territory: ProjectedTerritory
    let idPrefix: String
    /// Whether high values are bad (times): then HH clusters are the deserts.
    let highIsBad: Bool

    /// The colours GeoDa made the convention for LISA maps.
    static let clusterColours: [MoranLocal.Quadrant: String] = [
        .highHigh: "#e31a1c", .lowLow: "#2c7bb6", .lowHigh: "#abd9e9", .highLow: "#fdae61",
    ]
    static let notSignificant = "#eeeeee"

    /// Runs the analysis on a layer's values; nil (with the reason) when it cannot be done.
    static func make(territory: ProjectedTerritory, values: [String: Double], idPrefix: String, highIsBad: Bool) -> (
        EquityView?, String?
    ) {
        let zones = territory.zones.map(\.zone)
        let x = zones.map { values[$0.id] ?? .nan }
        do {
            let report = try EquityAnalysis.run(zones: zones, values: x, options: EquityAnalysis.Options())
            return (EquityView(report: report, territory: territory, idPrefix: idPrefix, highIsBad: highIsBad), nil)
        } catch {
            return (nil, "\(error)")
        }
    }

    func html() -> String {
        var html = "<h3>Equity of access</h3>\n<div class=\"columns\">"
        html += figures().html() + lorenzSVG() + "</div>\n"
        if report.moran != nil {
            html += "<h3>Where values cluster (local Moran, \(HTMLText.escape(report.spatialWeights)))</h3>\n"
            html +=
                "<p>"
                + HTMLText.escape(
                    highIsBad
                        ? "High values are long times: high–high clusters (red) are the access deserts, low–low (blue) the well-served areas."
                        : "High values are good access: low–low clusters (blue) are the access deserts, high–high (red) the well-served areas."
                )
                + " Zones are coloured where the pseudo p-value of 999 seeded permutations is below 5 %.</p>\n"
            html += clusterMapSVG() + "\n"
        }
        return html
    }

    private func figures() -> HTMLTable {
        func text(_ value: Double?) -> String {
            value.map { $0.isFinite ? DisplayNumber.format($0, decimals: 3) : "–" } ?? "–"
        }
        var rows: [[String]] = [
            ["Gini (population-weighted)", text(report.gini)],
            ["Theil", text(report.theil.total)],
            ["  between \(report.grouping) groups", text(report.theil.between)],
            ["  within groups", text(report.theil.within)],
            ["Palma ratio (top 10 % / bottom 40 %)", text(report.palma)],
        ]
        if let attribute = report.concentrationAttribute {
            rows.append(["Concentration index against \(attribute)", text(report.concentrationIndex)])
        }
        for share in report.shareBelow {
            rows.append(["People below \(DisplayNumber.auto(share.threshold))", DisplayNumber.percent(share.share)])
        }
        if let moran = report.moran {
            rows.append(["Moran's I", text(moran.i)])
            rows.append(["  pseudo p-value (\(moran.permutations) permutations)", text(moran.pPermutation)])
        }
        let counts = report.clusterCounts
        for quadrant in MoranLocal.Quadrant.allCases where report.moran != nil {
            rows.append(["Zones in \(quadrant.rawValue) clusters", DisplayNumber.count(counts[quadrant.rawValue] ?? 0)])
        }
        return HTMLTable(
            caption: "Inequality between people and spatial clustering", header: [], rows: rows, numericColumns: [1])
    }

    /// The Lorenz curve against the line of equality, 300 units square.
    func lorenzSVG() -> String {
        let size = 300.0
        let pad = 40.0
        func x(_ p: Double) -> String { SVGPath.number(pad + p * size) }
        func y(_ l: Double) -> String { SVGPath.number(pad + (1 - l) * size) }
        let curve = report.lorenz.filter { $0.count == 2 && $0[1].isFinite }.map { "\(x($0[0])),\(y($0[1]))" }.joined(
            separator: " ")
        var svg = """
            <svg class="chart lorenz" xmlns="http://www.w3.org/2000/svg" width="\(Int(size + 2 * pad))" height="\(Int(size + 2 * pad))" \
            role="img" aria-label="Lorenz curve, Gini \(DisplayNumber.format(report.gini, decimals: 3))">
            <rect x="\(x(0))" y="\(y(1))" width="\(Int(size))" height="\(Int(size))" fill="#ffffff" stroke="#bdbdbd"/>
            <line x1="\(x(0))" y1="\(y(0))" x2="\(x(1))" y2="\(y(1))" stroke="#969696" stroke-dasharray="4 3"/>
            <polyline points="\(curve)" fill="none" stroke="#225ea8" stroke-width="2"/>

            """
        for tick in [0.0, 0.5, 1.0] {
            svg +=
                "<text x=\"\(x(tick))\" y=\"\(SVGPath.number(pad + size + 16))\" font-size=\"11\" text-anchor=\"middle\">\(Int(tick * 100)) %</text>"
            svg +=
                "<text x=\"\(SVGPath.number(pad - 6))\" y=\"\(y(tick))\" font-size=\"11\" text-anchor=\"end\" dominant-baseline=\"middle\">\(Int(tick * 100)) %</text>"
        }
        svg +=
            "<text x=\"\(x(0.5))\" y=\"\(SVGPath.number(pad + size + 32))\" font-size=\"12\" text-anchor=\"middle\">people, lowest value first</text>"
        svg +=
            "<text x=\"\(x(0.5))\" y=\"\(SVGPath.number(pad - 14))\" font-size=\"12\" text-anchor=\"middle\">Lorenz curve (share of the value)</text>"
        return svg + "</svg>"
    }

    /// Zones filled by their significant cluster, on the same frame as the report's maps.
    func clusterMapSVG() -> String {
        let clusters = Dictionary(report.lisa.map { ($0.zoneID, $0.cluster) }, uniquingKeysWith: { a, _ in a })
        let height = max(territory.frame.height, 140)
        var svg = """
            <svg class="map" xmlns="http://www.w3.org/2000/svg" width="\(Int(ChoroplethMap.width))" height="\(Int(height))" \
            viewBox="0 0 \(Int(ChoroplethMap.width)) \(Int(height))" role="img" aria-label="Map: local Moran clusters">
            <rect x="0" y="0" width="\(Int(ChoroplethMap.mapWidth))" height="\(Int(height))" fill="#f4f4f4"/>
            <g stroke="#ffffff" stroke-width="0.5">
            """
        let largest = territory.zones.map(\.zone.population.total).max() ?? 0
        for placed in territory.zones {
            let cluster = clusters[placed.zone.id] ?? nil
            let colour = cluster.map { Self.clusterColours[$0] ?? Self.notSignificant } ?? Self.notSignificant
            let title =
                "<title>\(HTMLText.escape("\(placed.zone.name) (\(placed.zone.id)): \(cluster?.rawValue ?? (clusters[placed.zone.id] == nil ? "no value" : "not significant"))"))</title>"
            switch placed.shape {
            case .polygons(let polygons):
                let data = polygons.map(SVGPath.rings).joined()
                if !data.isEmpty {
                    svg += "<path d=\"\(data)\" fill=\"\(colour)\" fill-rule=\"evenodd\">\(title)</path>"
                }
            case .point(let point):
                let radius = ChoroplethMap.radius(population: placed.zone.population.total, largest: largest)
                svg +=
                    "<circle cx=\"\(SVGPath.number(point.x))\" cy=\"\(SVGPath.number(point.y))\" r=\"\(SVGPath.number(radius))\" fill=\"\(colour)\" stroke=\"#737373\" stroke-width=\"0.6\">\(title)</circle>"
            }
        }
        svg += "</g>\n"
        let counts = report.clusterCounts
        var legendY = 30.0
        let legendX = ChoroplethMap.mapWidth + 24
        svg +=
            "<text x=\"\(SVGPath.number(legendX))\" y=\"\(SVGPath.number(legendY - 10))\" font-size=\"13\" font-weight=\"bold\">Local Moran clusters</text>"
        let entries =
            MoranLocal.Quadrant.allCases.map {
                ($0.rawValue + " " + Self.meaning($0), Self.clusterColours[$0]!, counts[$0.rawValue] ?? 0)
            }
            + [("not significant", Self.notSignificant, counts["not_significant"] ?? 0)]
        for (label, colour, count) in entries {
            svg +=
                "<rect x=\"\(SVGPath.number(legendX))\" y=\"\(SVGPath.number(legendY))\" width=\"16\" height=\"12\" fill=\"\(colour)\" stroke=\"#969696\"/>"
            svg +=
                "<text x=\"\(SVGPath.number(legendX + 22))\" y=\"\(SVGPath.number(legendY + 10))\" font-size=\"12\">\(HTMLText.escape(label)) (\(count))</text>"
            legendY += 20
        }
        return svg + "</svg>"
    }

    static func meaning(_ quadrant: MoranLocal.Quadrant) -> String {
        switch quadrant {
        case .highHigh: "high among high"
        case .lowLow: "low among low"
        case .lowHigh: "low among high"
        case .highLow: "high among low"
        }
    }
}
