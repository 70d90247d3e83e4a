import CSV
import Foundation
import MaillageCore

/// Writes a ``ZoneTable`` as CSV (RFC 4180, UTF-8) or GeoJSON (RFC 7946), atomically:
/// the file appears complete or not at all.
public enum ZoneTableWriter {
    /// Writes by the path's extension: `.geojson`/`.json` or `.csv`.
    public static func write(_ table: ZoneTable, to path: String, zones: [Zone], delimiter: Unicode.Scalar = ",") throws {
        let lower = path.lowercased()
        if lower.hasSuffix(".geojson") || lower.hasSuffix(".json") {
            try writeGeoJSON(table, to: path, zones: zones)
        } else if lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") || lower.hasSuffix(".txt") {
            try writeCSV(table, to: path, delimiter: delimiter)
        } else {
            throw FileAccessError.unwritable(path, "the file must end in .csv or .geojson")
        }
    }

    public static func writeCSV(_ table: ZoneTable, to path: String, delimiter: Unicode.Scalar = ",") throws {
        try AtomicFile.write(to: path) { stream in
            let writer = try CSVWriter(stream: stream, delimiter: String(delimiter))
            try writer.write(row: ["zone_id"] + table.columns.map(\.name))
            for (row, id) in table.zoneIDs.enumerated() {
                try writer.write(row: [id] + table.columns.map { table.cell($0, row: row) })
            }
        }
    }

    public static func writeGeoJSON(_ table: ZoneTable, to path: String, zones: [Zone]) throws {
        let byID = Dictionary(zones.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var features: [String] = []
        for (row, id) in table.zoneIDs.enumerated() {
            guard let zone = byID[id] else { continue }
            let geometry = zone.boundary?.geoJSONGeometry
                ?? #"{"type":"Point","coordinates":[\#(zone.point.longitude),\#(zone.point.latitude)]}"#
            var properties = [#""zone_id":\#(JSONText.string(id))"#, #""name":\#(JSONText.string(zone.name))"#]
            for column in table.columns {
                let value: String = switch column.values {
                case let .numbers(values): values[row].isNaN ? "null" : NumberFormat.plain(values[row])
                case let .texts(values): values[row].map(JSONText.string) ?? "null"
                }
                properties.append("\(JSONText.string(column.name)):\(value)")
            }
            features.append(#"{"type":"Feature","geometry":\#(geometry),"properties":{\#(properties.joined(separator: ","))}}"#)
        }
        let text = #"{"type":"FeatureCollection","features":[\#n"# + features.joined(separator: ",\n") + "\n]}\n"
        try AtomicFile.write(text, to: path)
    }
}

/// JSON string literals, escaped as RFC 8259 requires.
enum JSONText {
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
