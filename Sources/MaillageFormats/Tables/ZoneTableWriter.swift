import Foundation
import MaillageCore

/// Writes a ``ZoneTable`` with the export writers: CSV (RFC 4180) or GeoJSON (RFC 7946,
/// zone polygons when known, else points), atomically.
public enum ZoneTableWriter {
    /// Writes by the path's extension: `.geojson`/`.json` or `.csv`.
    public static func write(_ table: ZoneTable, to path: String, zones: [Zone], delimiter: Unicode.Scalar = ",") throws
    {
        let lower = path.lowercased()
        if lower.hasSuffix(".geojson") || lower.hasSuffix(".json") {
            try writeGeoJSON(table, to: path, zones: zones)
        } else if lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") || lower.hasSuffix(".txt") {
            try writeCSV(table, to: path, delimiter: delimiter)
        } else {
            throw FileAccessError.unwritable(path, "the file must end in .csv or .geojson")
        }
    }

    /// Writes the table as CSV: `zone_id`, then each column; NaN and nil as empty cells.
    public static func writeCSV(_ table: ZoneTable, to path: String, delimiter: Unicode.Scalar = ",") throws {
        try AtomicFile.write(to: path) { stream in
            let writer = try CSVTableWriter(
                stream: stream, delimiter: delimiter, header: ["zone_id"] + table.columns.map(\.name))
            for (row, id) in table.zoneIDs.enumerated() {
                try writer.write([id] + table.columns.map { table.cell($0, row: row) })
            }
            try writer.finish()
        }
    }

    /// Writes the table as a GeoJSON FeatureCollection: each zone's polygons (else its point)
    /// with the columns as properties; zones unknown to `zones` are left out.
    public static func writeGeoJSON(_ table: ZoneTable, to path: String, zones: [Zone]) throws {
        let byID = Dictionary(zones.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Lazily, one feature at a time: a simulation's zones with their intervals made 400 MB of
        // text for 50,000 zones when every feature was built before writing.
        // Keys quoted once and each feature's members appended to one string: quoting every key
        // of every feature and joining arrays of pieces was most of writing 200,000 zones (perf).
        let keys = table.columns.map { "," + JSONValue.quoted($0.name) + ":" }
        let features = table.zoneIDs.enumerated().lazy.compactMap { row, id -> String? in
            guard let zone = byID[id] else { return nil }
            let geometry = zone.boundary.map(GeoJSONText.boundary) ?? GeoJSONText.point(zone.point)
            var members = #""zone_id":"# + JSONValue.quoted(id) + #","name":"# + JSONValue.quoted(zone.name)
            members.reserveCapacity(members.utf8.count + 40 * keys.count)
            for (column, key) in zip(table.columns, keys) {
                members += key
                members += table.property(column, row: row).text
            }
            return GeoJSONText.feature(id: id, geometry: geometry, members: members)
        }
        try AtomicFile.write(to: path) { try GeoJSONText.writeCollection(features, to: $0) }
    }
}

extension ZoneTableWriter {
    /// Writes any table of text cells as CSV (RFC 4180), atomically: ``CSVFile/write(header:rows:to:delimiter:)``.
    public static func writeRows(header: [String], rows: [[String]], to path: String, delimiter: Unicode.Scalar = ",")
        throws
    {
        try CSVFile.write(header: header, rows: rows, to: path, delimiter: delimiter)
    }
}
