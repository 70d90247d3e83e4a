import Foundation
import MaillageCore

/// Chosen or ranked sites, one row each, written as CSV or GeoJSON points.
public struct SiteList: Sendable {
    /// One site: its id, its point and its extra columns.
    public struct Site: Sendable {
        /// The site's id (the `site_id` column).
        public var id: String
        /// Where the site is, in WGS84.
        public var point: GeoPoint
        /// Extra columns, in order (`status` = existing/new/kept, `model`, …).
        public var properties: [(name: String, value: String)]

        /// A site `id` at `point` with extra columns `properties`.
        public init(id: String, point: GeoPoint, properties: [(name: String, value: String)]) {
            self.id = id
            self.point = point
            self.properties = properties
        }
    }

    /// The sites, in output order.
    public var sites: [Site]

    /// A list of `sites`.
    public init(sites: [Site]) { self.sites = sites }

    /// Writes by the path's extension: `.geojson`/`.json` or `.csv`.
    public func write(to path: String, delimiter: Unicode.Scalar = ",") throws {
        if path.lowercased().hasSuffix(".geojson") || path.lowercased().hasSuffix(".json") {
            let features = sites.map { site in
                GeoJSONText.feature(
                    id: site.id, geometry: GeoJSONText.point(site.point),
                    properties: [("site_id", .string(site.id))] + site.properties.map { ($0.name, .string($0.value)) }
                )
            }
            try AtomicFile.write(to: path) { try GeoJSONText.writeCollection(features, to: $0) }
            return
        }
        let names = sites.first?.properties.map(\.name) ?? []
        try AtomicFile.write(to: path) { stream in
            let writer = try CSVTableWriter(
                stream: stream, delimiter: delimiter, header: ["site_id", "lat", "lon"] + names)
            for site in sites {
                try writer.write(
                    [site.id, NumberText.coordinate(site.point.latitude), NumberText.coordinate(site.point.longitude)]
                        + site.properties.map(\.value))
            }
            try writer.finish()
        }
    }
}
