import Foundation
import MaillageCore

/// A calibration's per-site validation (what `maillage calibrate --out DIR` wrote): the map of
/// each site's relative error of visits, in six diverging classes, circles sized by the
/// observed visits, and the measures against the validation goals.
struct CalibrationSection: ReportSection {
    struct Site {
        var id: String
        var name: String
        var point: GeoPoint
        var observed: Double
        var simulated: Double
        var relativeError: Double
    }

    let folder: String
    let sites: [Site]
    let measures: [(measure: String, value: Double?, goal: String, reached: Bool?)]
    let heldOut: Bool
    let year: Int?
    let territory: ProjectedTerritory

    /// Relative-error class limits and ColorBrewer PuOr (6 classes): under-predicted sites orange,
    /// over-predicted purple.
    static let limits = [-0.5, -0.25, 0, 0.25, 0.5]
    static let colours = ["#b35806", "#f1a340", "#fee0b6", "#d8daeb", "#998ec3", "#542788"]

    var anchor: String { "calibration" }
    var heading: String { "Calibration: simulated against observed visits per site" }

    /// Reads `folder`/sites.geojson and `folder`/calibration.json.
    ///
    /// - Throws: ``ReportError/missingFile(path:what:)``, ``ReportError/unreadableCalibration(path:reason:)``.
    init(folder: String, territory: ProjectedTerritory) throws {
        self.folder = folder
        self.territory = territory
        func object(_ name: String) throws -> [String: Any] {
            let path = URL(fileURLWithPath: folder).appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ReportError.missingFile(path: path, what: "the calibration's")
            }
            guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw ReportError.unreadableCalibration(path: path, reason: "not JSON as 'maillage calibrate' writes")
            }
            return object
        }
        let document = try object("calibration.json")
        guard let validation = document["site_validation"] as? [String: Any] else {
            throw ReportError.unreadableCalibration(
                path: folder, reason: "calibration.json has no site_validation (a scenario's calibration has no sites)")
        }
        let map = try object("sites.geojson")
        var sites: [Site] = []
        for (index, feature) in ((map["features"] as? [[String: Any]]) ?? []).enumerated() {
            let properties = feature["properties"] as? [String: Any] ?? [:]
            let coordinates = (feature["geometry"] as? [String: Any])?["coordinates"] as? [Double] ?? []
            guard let id = properties["site_id"] as? String, coordinates.count == 2,
                let point = try? GeoPoint(longitude: coordinates[0], latitude: coordinates[1]),
                let observed = properties["observed_visits"] as? Double,
                let simulated = properties["simulated_visits"] as? Double,
                let error = properties["relative_error_visits"] as? Double
            else {
                throw ReportError.unreadableCalibration(
                    path: URL(fileURLWithPath: folder).appendingPathComponent("sites.geojson").path,
                    reason: "feature \(index + 1) lacks site_id, a Point or the visits 'maillage calibrate' writes")
            }
            sites.append(
                Site(
                    id: id, name: properties["name"] as? String ?? id, point: point, observed: observed,
                    simulated: simulated, relativeError: error))
        }
        self.sites = sites
        measures = ((validation["measures"] as? [[String: Any]]) ?? []).map {
            (
                measure: $0["measure"] as? String ?? "", value: $0["value"] as? Double,
                goal: $0["goal"] as? String ?? "",
                reached: $0["reached"] as? Bool
            )
        }
        heldOut = validation["held_out"] as? Bool ?? false
        year = validation["year"] as? Int
    }

    static func colour(_ relativeError: Double) -> String {
        colours[limits.firstIndex { relativeError < $0 } ?? limits.count]
    }

    func body() throws -> String {
        let height = territory.frame.height
        var svg = """
            <svg class="map" xmlns="http://www.w3.org/2000/svg" width="\(Int(ChoroplethMap.width))" \
            height="\(Int(max(height, 150)))" role="img" aria-label="Map: relative error of visits per site">
            <rect x="0" y="0" width="\(Int(ChoroplethMap.mapWidth))" height="\(Int(height))" fill="#f4f4f4"/>
            """
        svg += territory.blankZonesSVG()
        let largest = sites.map(\.observed).max() ?? 1
        svg += "<g class=\"site-residuals\" stroke=\"#252525\" stroke-width=\"1\">"
        // The largest sites first, so that small ones are drawn on top.
        for site in sites.sorted(by: { ($0.observed, $0.id) > ($1.observed, $1.id) }) {
            let placed = territory.frame.place(try territory.projection.project(site.point))
            let radius = 4 + 10 * (max(0, site.observed) / max(largest, 1)).squareRoot()
            let tip =
                "\(site.name) (\(site.id)): observed \(DisplayNumber.format(site.observed, decimals: 0)), "
                + "simulated \(DisplayNumber.format(site.simulated, decimals: 0)), "
                + "\(DisplayNumber.format(100 * site.relativeError, decimals: 1)) %"
            svg +=
                "<circle cx=\"\(SVGPath.number(placed.x))\" cy=\"\(SVGPath.number(placed.y))\" "
                + "r=\"\(SVGPath.number(radius))\" fill=\"\(Self.colour(site.relativeError))\">"
                + "<title>\(HTMLText.escape(tip))</title></circle>"
        }
        svg += "</g>\n"
        let legendX = ChoroplethMap.mapWidth + 24
        let labels = ["below −50 %", "−50 to −25 %", "−25 to 0 %", "0 to +25 %", "+25 to +50 %", "above +50 %"]
        svg += "<text x=\"\(SVGPath.number(legendX))\" y=\"14\" font-size=\"12\">simulated vs observed</text>"
        for (index, label) in labels.enumerated() {
            let y = 32 + 20 * Double(index)
            svg +=
                "<rect x=\"\(SVGPath.number(legendX))\" y=\"\(SVGPath.number(y - 8))\" width=\"14\" height=\"14\" "
                + "fill=\"\(Self.colours[index])\" stroke=\"#252525\"/>"
                + "<text x=\"\(SVGPath.number(legendX + 20))\" y=\"\(SVGPath.number(y + 4))\" font-size=\"12\">"
                + HTMLText.escape(label) + "</text>"
        }
        svg += "</svg>\n"
        let rows = measures.map { measure in
            [
                measure.measure, measure.value.map { DisplayNumber.format($0, decimals: 3) } ?? "–", measure.goal,
                measure.reached.map { $0 ? "reached" : "not reached" } ?? "not measured",
            ]
        }
        let which = heldOut ? "held-out sites" : "fitted sites (nothing held out)"
        return "<p class=\"note\">"
            + HTMLText.escape(
                "\(sites.count) \(which)\(year.map { ", \($0)" } ?? ""): circles sized by the observed visits, "
                    + "coloured by (simulated − observed) / observed.") + "</p>\n" + svg
            + HTMLTable(
                caption: "Per-site validation against its goals", header: ["Measure", "Value", "Goal", ""], rows: rows,
                numericColumns: [1]
            ).html()
            + "<p class=\"note\">From \(HTMLText.escape(folder)) (sites.csv holds every site's residuals).</p>\n"
    }
}
