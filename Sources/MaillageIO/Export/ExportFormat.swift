import Foundation

/// The file formats an export writes, chosen by the output's extension.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// RFC 4180 CSV in UTF-8 with a header line, CRLF line ends.
    case csv
    /// RFC 7946 GeoJSON: a FeatureCollection in WGS84 longitude/latitude.
    case geojson

    /// The format of a path's extension (`.csv`, `.geojson` or `.json`), or nil.
    public init?(path: String) {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "csv": self = .csv
        case "geojson", "json": self = .geojson
        default: return nil
        }
    }
}
