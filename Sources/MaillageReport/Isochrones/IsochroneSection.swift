import Foundation
import MaillageCore
import MaillageRuns

/// The isochrones `maillage access isochrones` wrote: bands in a sequential palette over the
/// zones (darkest for the shortest limit), with the people living within each limit.
struct IsochroneSection: ReportSection {
    struct Band {
        var minutes: Double
        var siteID: String?
        var population: Double
        var bandPopulation: Double
        var polygons: [[[GeoPoint]]]
    }

    let path: String
    let bands: [Band]
    let errorBound: Double?
    let territory: ProjectedTerritory

    var anchor: String { "isochrones" }
    var heading: String { "Isochrones: time to the nearest site" }

    /// Reads the GeoJSON file.
    ///
    /// - Throws: ``ReportError/unreadableIsochrones(path:reason:)`` naming the file and what is wrong.
    init(path: String, territory: ProjectedTerritory) throws {
        self.path = path
        self.territory = territory
        let file = try FeatureFile<IsochroneProperties, MultiPolygonGeometry>.readForReport(
            path, what: "the isochrones", unreadable: ReportError.unreadableIsochrones)
        var bands: [Band] = []
        var bound: Double?
        for (index, feature) in file.features.enumerated() {
            guard let properties = feature.properties, let geometry = feature.geometry else {
                throw ReportError.unreadableIsochrones(
                    path: path,
                    reason:
                        "feature \(index + 1) has no minutes or no MultiPolygon (an isochrone file as the isochrones study writes it)"
                )
            }
            let polygons = try geometry.polygons.map { polygon in
                try polygon.map { ring in
                    try ring.map { position in
                        guard position.count >= 2 else {
                            throw ReportError.unreadableIsochrones(
                                path: path, reason: "feature \(index + 1) has a position without two numbers")
                        }
                        return try GeoPoint(longitude: position[0], latitude: position[1])
                    }
                }
            }
            bound = properties.errorBoundMinutes ?? bound
            bands.append(
                Band(
                    minutes: properties.minutes, siteID: properties.siteID, population: properties.population ?? .nan,
                    bandPopulation: properties.bandPopulation ?? .nan, polygons: polygons))
        }
        self.bands = bands.filter { $0.siteID == nil }.sorted { $0.minutes < $1.minutes }
        errorBound = bound
    }

    func body() throws -> String {
        let limits = bands.map(\.minutes)
        let colours = Array(SequentialPalette.colours(count: limits.count).reversed())
        let height = territory.frame.height
        var svg = """
            <svg class="map" xmlns="http://www.w3.org/2000/svg" width="\(Int(ChoroplethMap.width))" height="\(Int(max(height, 60 + 20 * Double(bands.count))))" \
            role="img" aria-label="Map: isochrones">
            <defs><clipPath id="isochrones-frame"><rect x="0" y="0" width="\(Int(ChoroplethMap.mapWidth))" height="\(Int(height))"/></clipPath></defs>
            <rect x="0" y="0" width="\(Int(ChoroplethMap.mapWidth))" height="\(Int(height))" fill="#f4f4f4"/>
            <g clip-path="url(#isochrones-frame)">
            """
        svg += territory.blankZonesSVG()
        svg += "<g stroke=\"#525252\" stroke-width=\"0.6\" fill-opacity=\"0.85\">"
        // The largest limit first, so that shorter ones are drawn on top of it.
        for (index, band) in bands.enumerated().reversed() {
            let rings = try band.polygons.map { polygon in
                try polygon.map { ring in try territory.projection.project(ring).map(territory.frame.place) }
            }
            let data = rings.map(SVGPath.rings).joined()
            svg +=
                "<path d=\"\(data)\" fill=\"\(colours[index])\" fill-rule=\"evenodd\"><title>\(HTMLText.escape("within \(DisplayNumber.auto(band.minutes)) min"))</title></path>"
        }
        svg += "</g></g>\n"
        let legendX = ChoroplethMap.mapWidth + 24
        svg +=
            "<text x=\"\(SVGPath.number(legendX))\" y=\"20\" font-size=\"13\" font-weight=\"bold\">Within (minutes)</text>"
        for (index, band) in bands.enumerated() {
            let y = 30 + 20 * Double(index)
            svg +=
                "<rect x=\"\(SVGPath.number(legendX))\" y=\"\(SVGPath.number(y))\" width=\"16\" height=\"12\" fill=\"\(colours[index])\" stroke=\"#525252\"/>"
            svg +=
                "<text x=\"\(SVGPath.number(legendX + 22))\" y=\"\(SVGPath.number(y + 10))\" font-size=\"12\">\(HTMLText.escape(DisplayNumber.auto(band.minutes)))</text>"
        }
        svg += "</svg>\n"
        let rows = bands.map { band in
            [
                DisplayNumber.auto(band.minutes), DisplayNumber.format(band.population, decimals: 0),
                DisplayNumber.format(band.bandPopulation, decimals: 0),
            ]
        }
        var html =
            svg
            + HTMLTable(
                caption: "People within each limit (zones whose own time is within it)",
                header: ["Minutes", "Inhabitants within", "Inhabitants in the band"], rows: rows,
                numericColumns: [0, 1, 2]
            ).html()
        html += "<p class=\"note\">From \(HTMLText.escape(URL(fileURLWithPath: path).lastPathComponent))"
        if let errorBound {
            html +=
                "; an outline is within \(HTMLText.escape(DisplayNumber.format(errorBound, decimals: 1))) minutes of the true time"
        }
        return html + ".</p>\n"
    }
}
