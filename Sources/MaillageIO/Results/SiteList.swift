import CSV
import Foundation
import MaillageCore

/// Chosen or ranked sites, one row each, written as CSV or GeoJSON points.
public struct SiteList: Sendable {
    public struct Site: Sendable {
        public var id: String
        public var point: GeoPoint
        /// Extra columns, in order (`status` = existing/new, `population_served`, …).
        public var properties: [(name: String, value: String)]

        public init(id: String, point: GeoPoint, properties: [(name: String, value: String)]) {
            self.id = id
            self.point = point
            self.properties = properties
        }
    }

    public var sites: [Site]

    public init(sites: [Site]) { self.sites = sites }

    /// Writes by the path's extension: `.geojson`/`.json` or `.csv`.
    public func write(to path: String, delimiter: Unicode.Scalar = ",") throws {
        let names = sites.first?.properties.map(\.name) ?? []
        if path.lowercased().hasSuffix(".geojson") || path.lowercased().hasSuffix(".json") {
            let features = sites.map { site in
                let properties = ([#""site_id":\#(JSONText.string(site.id))"#]
                    + site.properties.map { "\(JSONText.string($0.name)):\(Double($0.value).map { NumberFormat.plain($0) } ?? JSONText.string($0.value))" })
                    .joined(separator: ",")
                return #"{"type":"Feature","geometry":{"type":"Point","coordinates":[\#(site.point.longitude),\#(site.point.latitude)]},"properties":{\#(properties)}}"#
            }
            try AtomicFile.write(#"{"type":"FeatureCollection","features":[\#n"# + features.joined(separator: ",\n") + "\n]}\n", to: path)
        } else {
            try AtomicFile.write(to: path) { stream in
                let writer = try CSVWriter(stream: stream, delimiter: String(delimiter))
                try writer.write(row: ["site_id", "lat", "lon"] + names)
                for site in sites {
                    try writer.write(row: [site.id, "\(site.point.latitude)", "\(site.point.longitude)"] + site.properties.map(\.value))
                }
            }
        }
    }
}
