import Foundation
import MaillageCore

/// A choropleth of one value per zone as an SVG element, its legend beside it.
///
/// Zones are filled by quantile class; zones with no value are grey under a hatch and counted
/// in the legend; highlighted zones (beyond a coverage threshold) get a red outline. A
/// territory without outlines is drawn as circles at the zones' points, their area
/// proportional to the population. Hospitals and the study's sites are drawn on top.
package struct ChoroplethMap {
    /// Width of the whole SVG, map and legend, in page units (CSS pixels at 100 %).
    package static let width = 1000.0
    /// The map's part of the width; the legend takes the rest.
    package static let mapWidth = 660.0
    /// The tallest the map may be, in page units: a tall territory is narrowed to fit.
    package static let maxHeight = 640.0
    /// Space kept around the map, in page units.
    package static let margin = 14.0
    /// Quantile classes of a sequential map (fewer when breaks are equal).
    package static let classCount = 5

    let territory: ProjectedTerritory
    let layer: ZoneLayer
    /// Makes the SVG ids unique when a page holds several maps.
    let idPrefix: String

    /// A map of `layer` over `territory`; `idPrefix` keeps its SVG ids apart from other maps'.
    package init(territory: ProjectedTerritory, layer: ZoneLayer, idPrefix: String) {
        self.territory = territory
        self.layer = layer
        self.idPrefix = idPrefix
    }

    /// The quantile classes of a sequential map (nil for a map of differences).
    package var classes: QuantileClasses? {
        guard case .quantiles = layer.colouring else { return nil }
        return QuantileClasses(values: territory.zones.map { layer.value(of: $0.zone.id) }, classes: Self.classCount)
    }

    /// The classes of a map of differences, from its significant zones' values.
    package var divergingClasses: DivergingClasses? {
        guard case .diverging(let significant) = layer.colouring else { return nil }
        return DivergingClasses(
            values: territory.zones.filter { significant.contains($0.zone.id) }.map { layer.value(of: $0.zone.id) })
    }

    /// The map and its legend as one `<svg>` element, every text escaped.
    package func svg() -> String {
        let classes = self.classes
        let colours = SequentialPalette.colours(count: classes?.count ?? 0)
        let hatch = "\(idPrefix)-no-value"
        let (legend, legendBottom) = legendSVG(classes: classes, colours: colours, hatch: hatch)
        let height = max(territory.frame.height, legendBottom + 10)
        var svg = """
            <svg class="map" xmlns="http://www.w3.org/2000/svg" width="\(Int(Self.width))" height="\(Int(height))" \
            viewBox="0 0 \(Int(Self.width)) \(Int(height))" role="img" aria-label="\(HTMLText.escape("Map: " + layer.title))">
            <defs><pattern id="\(hatch)" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">\
            <rect width="6" height="6" fill="\(SequentialPalette.undefined)"/><line x1="0" y1="0" x2="0" y2="6" stroke="#969696" stroke-width="2"/>\
            </pattern></defs>
            <rect class="map-background" x="0" y="0" width="\(Int(Self.mapWidth))" height="\(Int(height))" fill="#f4f4f4"/>

            """
        svg += zonesSVG(classes: classes, colours: colours, hatch: hatch)
        svg += actorsSVG()
        svg += legend
        return svg + "</svg>"
    }

    private func fill(of zoneID: String, value: Double, classes: QuantileClasses?, colours: [String], hatch: String)
        -> String
    {
        if case .diverging(let significant) = layer.colouring {
            guard value.isFinite else { return "url(#\(hatch))" }
            guard significant.contains(zoneID) else { return DivergingPalette.notSignificant }
            return divergingClasses?.classIndex(of: value).map { DivergingPalette.colours[$0] } ?? DivergingPalette.zero
        }
        guard let index = classes?.classIndex(of: value), index < colours.count else { return "url(#\(hatch))" }
        return colours[index]
    }

    private func tooltip(_ zone: Zone, value: Double) -> String {
        var shown = value.isFinite ? "\(DisplayNumber.auto(value)) \(layer.unit)" : "no value"
        if case .diverging(let significant) = layer.colouring, value.isFinite {
            shown = (value > 0 ? "+" : "") + shown + (significant.contains(zone.id) ? "" : " (not significant)")
        }
        let beyond = layer.highlighted.contains(zone.id) ? " – \(layer.highlightLabel ?? "highlighted")" : ""
        return
            "<title>\(HTMLText.escape("\(zone.name) (\(zone.id)): \(shown)\(beyond), \(DisplayNumber.format(zone.population.total, decimals: 0)) inhabitants"))</title>"
    }

    private func zonesSVG(classes: QuantileClasses?, colours: [String], hatch: String) -> String {
        var svg = "<g class=\"zones\" stroke=\"#ffffff\" stroke-width=\"0.5\" stroke-linejoin=\"round\">"
        var outlines = ""
        var highlightedPolygons: [[[[ProjectedTerritory.PagePoint]]]] = []
        let largest = territory.zones.map(\.zone.population.total).max() ?? 0
        let ordered = territory.zones.sorted { $0.zone.population.total > $1.zone.population.total }
        for placed in ordered {
            let value = layer.value(of: placed.zone.id)
            let colour = fill(of: placed.zone.id, value: value, classes: classes, colours: colours, hatch: hatch)
            let title = tooltip(placed.zone, value: value)
            let shape: String
            switch placed.shape {
            case .polygons(let polygons):
                let data = polygons.map(SVGPath.rings).joined()
                guard !data.isEmpty else { continue }
                shape = "d=\"\(data)\""
                svg += "<path \(shape) fill=\"\(colour)\" fill-rule=\"evenodd\">\(title)</path>"
            case .point(let point):
                let radius = Self.radius(population: placed.zone.population.total, largest: largest)
                shape =
                    "cx=\"\(SVGPath.number(point.x))\" cy=\"\(SVGPath.number(point.y))\" r=\"\(SVGPath.number(radius))\""
                svg += "<circle \(shape) fill=\"\(colour)\" stroke=\"#737373\" stroke-width=\"0.6\">\(title)</circle>"
            }
            if layer.highlighted.contains(placed.zone.id) {
                switch placed.shape {
                case .polygons(let polygons): highlightedPolygons.append(polygons)
                case .point(let point):
                    // A ring just outside the circle, so that the zone's colour stays visible.
                    let radius = Self.radius(population: placed.zone.population.total, largest: largest) + 1.6
                    outlines +=
                        "<circle cx=\"\(SVGPath.number(point.x))\" cy=\"\(SVGPath.number(point.y))\" r=\"\(SVGPath.number(radius))\" fill=\"none\"/>"
                }
            }
        }
        svg += "</g>\n"
        if !highlightedPolygons.isEmpty {
            outlines += "<path d=\"\(OutlineOfUnion.pathData(highlightedPolygons))\" fill=\"none\"/>"
        }
        if !outlines.isEmpty {
            svg +=
                "<g class=\"highlighted\" stroke=\"\(SequentialPalette.alert)\" stroke-width=\"1.6\" stroke-linejoin=\"round\" stroke-linecap=\"round\">\(outlines)</g>\n"
        }
        return svg
    }

    /// Circle radius: area proportional to population, up to 20 units for the largest zone;
    /// never below 5, so that the smallest village still shows its colour.
    static func radius(population: Double, largest: Double) -> Double {
        guard largest > 0, population > 0 else { return minimumRadius }
        return max(minimumRadius, 20 * (population / largest).squareRoot())
    }

    static let minimumRadius = 5.0

    private var drawnActors: [(ProjectedTerritory.PlacedActor, ActorSymbol)] {
        territory.actors.compactMap { placed in
            ActorSymbol.of(placed.actor, sites: layer.sites, byKind: layer.actorsByKind).map { (placed, $0) }
        }
        .sorted { $0.1 < $1.1 }
    }

    private func actorsSVG() -> String {
        var svg = "<g class=\"actors\">"
        for (placed, symbol) in drawnActors {
            let note = layer.actorNotes[placed.actor.id].map { ": " + $0 } ?? ""
            let title = "\(placed.actor.name) (\(placed.actor.id), \(placed.actor.kind))\(note)"
            svg += symbol.svg(x: placed.position.x, y: placed.position.y, title: title)
        }
        return svg + "</g>\n"
    }

    private func scaleBarSVG(x: Double, y: Double) -> String {
        // Web Mercator stretches distances by 1/cos(latitude); measure at the map's middle.
        var unitsPerMetre = territory.frame.scale
        if territory.projection.crs == MapProjection.webMercator {
            let latitudes = territory.zones.map(\.zone.point.latitude)
            let middle = ((latitudes.min() ?? 0) + (latitudes.max() ?? 0)) / 2
            unitsPerMetre /= cos(middle * .pi / 180)
        }
        guard unitsPerMetre > 0, unitsPerMetre.isFinite else { return "" }
        let kilometres = NiceNumbers.floor(120 / unitsPerMetre / 1000)
        let length = kilometres * 1000 * unitsPerMetre
        return """
            <g class="scale-bar"><path d="M\(SVGPath.number(x)) \(SVGPath.number(y - 5))V\(SVGPath.number(y))H\(SVGPath.number(x + length))V\(SVGPath.number(y - 5))" fill="none" stroke="#252525" stroke-width="1.5"/>\
            <text x="\(SVGPath.number(x + length + 6))" y="\(SVGPath.number(y + 1))" class="legend-note">\(DisplayNumber.auto(kilometres)) km</text></g>

            """
    }

    /// The legend's SVG and how far down it reaches.
    private func legendSVG(classes: QuantileClasses?, colours: [String], hatch: String) -> (String, Double) {
        var legend = MapLegend(x: Self.mapWidth + 24, y: 10)
        legend.heading(layer.title)
        legend.note(layer.unit)
        let values = territory.zones.map { layer.value(of: $0.zone.id) }
        if case .diverging(let significant) = layer.colouring {
            divergingLegend(&legend, values: values, significant: significant)
        } else {
            legend.note("Quantile classes: about as many zones in each; a class holds its upper bound", width: 46)
            legend.space(8)
        }
        if let classes {
            let decimals = Self.legendDecimals(classes)
            for index in (0..<classes.count).reversed() {
                let members = values.filter { classes.classIndex(of: $0) == index }.count
                let low = DisplayNumber.format(classes.lowerBound(ofClass: index), decimals: decimals)
                let high = DisplayNumber.format(classes.upperBounds[index], decimals: decimals)
                legend.row(
                    swatch: swatch(fill: colours[index]), label: low == high ? high : "\(low) – \(high)",
                    detail: zonesText(members))
            }
        }
        let undefined = values.filter { !$0.isFinite }.count
        legend.row(swatch: swatch(fill: "url(#\(hatch))"), label: "no value", detail: zonesText(undefined))
        if let label = layer.highlightLabel {
            let people = territory.zones.filter { layer.highlighted.contains($0.zone.id) }.reduce(0) {
                $0 + $1.zone.population.total
            }
            legend.row(
                swatch: outlineSwatch, label: label,
                detail: "\(zonesText(layer.highlighted.count)), \(DisplayNumber.format(people, decimals: 0)) inh.")
        }
        legend.space(10)
        let counts = Dictionary(grouping: drawnActors, by: \.1).mapValues(\.count)
        for symbol in ActorSymbol.allCases.reversed() {
            guard let count = counts[symbol] else { continue }
            legend.row(
                swatch: { x, y in symbol.svg(x: x + 11, y: y + 8, title: "") },
                label: "\(symbol.legendLabel(sites: layer.sites)) (\(count))")
        }
        if territory.zonesArePoints {
            legend.space(6)
            legend.note(
                "Zones have no outline in this territory: each is a circle at its point, its area proportional to its population."
            )
        }
        legend.note("Projection: \(territory.projection.name)")
        legend.space(14)
        return ("<g class=\"legend\">\(legend.svg)\(scaleBarSVG(x: legend.x, y: legend.y))</g>\n", legend.y + 10)
    }

    /// Rows for a map of differences: rises, no change, falls, then the zones not significant.
    private func divergingLegend(_ legend: inout MapLegend, values: [Double], significant: Set<String>) {
        legend.note(
            "Alternative − baseline; equal classes centred on 0, a class holds its upper bound in absolute value",
            width: 46)
        legend.space(8)
        let ids = territory.zones.map(\.zone.id)
        let shown = zip(ids, values).filter { significant.contains($0.0) && $0.1.isFinite }.map(\.1)
        if let classes = divergingClasses {
            for index in (0..<DivergingPalette.colours.count).reversed() {
                let members = shown.filter { classes.classIndex(of: $0) == index }.count
                let (low, high) = classes.bounds(ofClass: index)
                func signed(_ value: Double) -> String { (value > 0 ? "+" : "") + DisplayNumber.auto(value) }
                legend.row(
                    swatch: swatch(fill: DivergingPalette.colours[index]), label: "\(signed(low)) – \(signed(high))",
                    detail: zonesText(members))
                if index == DivergingClasses.perSide {
                    legend.row(
                        swatch: swatch(fill: DivergingPalette.zero), label: "0 (no change)",
                        detail: zonesText(shown.filter { $0 == 0 }.count))
                }
            }
        }
        let notSignificant = zip(ids, values).filter { !significant.contains($0.0) && $0.1.isFinite }.count
        legend.row(
            swatch: swatch(fill: DivergingPalette.notSignificant), label: "not significant (95 %)",
            detail: zonesText(notSignificant))
    }

    private func swatch(fill: String) -> (Double, Double) -> String {
        { x, y in
            "<rect class=\"swatch\" x=\"\(SVGPath.number(x))\" y=\"\(SVGPath.number(y))\" width=\"22\" height=\"16\" fill=\"\(fill)\" stroke=\"#737373\" stroke-width=\"0.6\"/>"
        }
    }

    private var outlineSwatch: (Double, Double) -> String {
        { x, y in
            "<rect x=\"\(SVGPath.number(x + 1))\" y=\"\(SVGPath.number(y + 1))\" width=\"20\" height=\"14\" fill=\"none\" stroke=\"\(SequentialPalette.alert)\" stroke-width=\"2\"/>"
        }
    }

    private func zonesText(_ count: Int) -> String { count == 1 ? "1 zone" : "\(DisplayNumber.count(count)) zones" }

    /// Enough decimals that neighbouring bounds read differently.
    static func legendDecimals(_ classes: QuantileClasses) -> Int {
        let bounds = [classes.minimum] + classes.upperBounds
        var decimals = bounds.map(DisplayNumber.decimals(for:)).max() ?? 0
        while decimals < 6, Set(bounds.map { DisplayNumber.format($0, decimals: decimals) }).count < Set(bounds).count {
            decimals += 1
        }
        return decimals
    }
}
