import Foundation
import MaillageAccess
import MaillageFormats
import MaillageIO

/// The GeoJSON of `maillage access isochrones`: one MultiPolygon feature per isochrone, one per line,
/// with the properties `IsochroneProperties` reads back.
public enum IsochroneFile {
    /// The FeatureCollection's text (coordinates to the metre, numbers as `NumberText` writes them).
    public static func geoJSON(_ result: Isochrones.Result) -> String {
        func json(_ text: String) -> String {
            let data =
                (try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes]))
                ?? Data("[\"\"]".utf8)
            return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
        }
        func number(_ value: Double?) -> String { value.map { $0.isFinite ? NumberText.format($0) : "null" } ?? "null" }
        let features = result.isochrones.map { isochrone -> String in
            let polygons = isochrone.polygons.map { polygon in
                "["
                    + polygon.map { ring in
                        "["
                            + ring.map {
                                "[\(NumberText.coordinate($0.longitude)),\(NumberText.coordinate($0.latitude))]"
                            }.joined(separator: ",") + "]"
                    }.joined(separator: ",") + "]"
            }
            let properties = [
                "\"minutes\":\(number(isochrone.minutes))", "\"site_id\":\(isochrone.siteID.map(json) ?? "null")",
                "\"population\":\(number(isochrone.population))",
                "\"band_population\":\(number(isochrone.bandPopulation))",
                "\"zones\":\(isochrone.zones)", "\"error_bound_minutes\":\(number(result.errorBoundMinutes))",
                "\"grid_km\":\(number(result.gridKilometres))",
            ]
            return
                "{\"type\":\"Feature\",\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[\(polygons.joined(separator: ","))]},\"properties\":{\(properties.joined(separator: ","))}}"
        }
        return "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}\n"
    }
}
