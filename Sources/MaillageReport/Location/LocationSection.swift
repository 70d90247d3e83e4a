import Foundation
import MaillageCore
import MaillageRuns

/// The sites `maillage locate` chose: drawn over the zones (new sites and kept ones apart), with
/// the people each serves and gains.
struct LocationSection: ReportSection {
    struct Site {
        var id: String
        var status: String
        var model: String
        var point: GeoPoint
        var served: Double
        var gained: Double
    }

    let path: String
    let sites: [Site]
    let territory: ProjectedTerritory

    static let newColour = "#d55e00", keptColour = "#0072b2"

    var anchor: String { "location" }
    var heading: String { "Location: the sites chosen" }

    /// Reads the GeoJSON file `maillage locate --out FILE.geojson` wrote.
    ///
    /// - Throws: ``ReportError/unreadableLocation(path:reason:)`` naming the file and what is wrong.
    init(path: String, territory: ProjectedTerritory) throws {
        self.path = path
        self.territory = territory
        let file = try FeatureFile<LocationProperties, PointGeometry>.readForReport(
            path, what: "the chosen sites", unreadable: ReportError.unreadableLocation)
        sites = try file.features.enumerated().map { index, feature in
            guard let properties = feature.properties, let geometry = feature.geometry,
                let point = try? GeoPoint(longitude: geometry.longitude, latitude: geometry.latitude)
            else {
                throw ReportError.unreadableLocation(
                    path: path,
                    reason: "feature \(index + 1) has no site_id or no valid Point (write it as the GeoJSON of "
                        + "a location model's chosen sites)")
            }
            return Site(
                id: properties.siteID, status: properties.status, model: properties.model, point: point,
                served: properties.populationServed, gained: properties.populationGained)
        }
    }

    func body() throws -> String {
        let height = territory.frame.height
        var svg = """
            <svg class="map" xmlns="http://www.w3.org/2000/svg" width="\(Int(ChoroplethMap.width))" height="\(Int(max(height, 80)))" \
            role="img" aria-label="Map: the sites chosen">
            <rect x="0" y="0" width="\(Int(ChoroplethMap.mapWidth))" height="\(Int(height))" fill="#f4f4f4"/>
            """
        svg += territory.blankZonesSVG()
        svg += "<g class=\"chosen-sites\" stroke=\"#252525\" stroke-width=\"1\">"
        for site in sites {
            let placed = territory.frame.place(try territory.projection.project(site.point))
            let colour = site.status == "new" ? Self.newColour : Self.keptColour
            svg +=
                "<circle cx=\"\(SVGPath.number(placed.x))\" cy=\"\(SVGPath.number(placed.y))\" r=\"6\" fill=\"\(colour)\">"
                + "<title>\(HTMLText.escape("\(site.id) (\(site.status)): serves \(DisplayNumber.format(site.served, decimals: 0))"))</title></circle>"
        }
        svg += "</g>\n"
        let legendX = ChoroplethMap.mapWidth + 24
        for (index, entry) in [("new site", Self.newColour), ("site kept", Self.keptColour)].enumerated() {
            let y = 24 + 22 * Double(index)
            svg +=
                "<circle cx=\"\(SVGPath.number(legendX + 6))\" cy=\"\(SVGPath.number(y))\" r=\"6\" fill=\"\(entry.1)\" stroke=\"#252525\"/>"
            svg +=
                "<text x=\"\(SVGPath.number(legendX + 18))\" y=\"\(SVGPath.number(y + 4))\" font-size=\"12\">\(entry.0)</text>"
        }
        svg += "</svg>\n"
        let rows = sites.map { site in
            [
                site.id, site.status, DisplayNumber.format(site.served, decimals: 0),
                DisplayNumber.format(site.gained, decimals: 0),
            ]
        }
        let model = Set(sites.map(\.model)).sorted().joined(separator: ", ")
        return svg
            + HTMLTable(
                caption: "Sites chosen" + (model.isEmpty ? "" : " (\(model))"),
                header: ["Site", "Status", "People served", "People gained"], rows: rows, numericColumns: [2, 3]
            ).html()
            + "<p class=\"note\">From \(HTMLText.escape(URL(fileURLWithPath: path).lastPathComponent)).</p>\n"
    }
}
