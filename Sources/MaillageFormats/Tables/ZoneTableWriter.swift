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
            let separator = writer.delimiterBytes
            // Cells appended to the line as bytes: a String per cell was most of writing 200,000 zones (perf).
            for (row, id) in table.zoneIDs.enumerated() {
                try writer.writeLine { line in
                    CSVTableWriter.append(id, delimiter: separator, to: &line)
                    for column in table.columns {
                        line += separator
                        table.appendCell(column, row: row, delimiter: separator, to: &line)
                    }
                }
            }
            try writer.finish()
        }
    }

    /// Writes the table as a GeoJSON FeatureCollection: each zone's polygons (else its point)
    /// with the columns as properties; zones unknown to `zones` are left out.
    public static func writeGeoJSON(_ table: ZoneTable, to path: String, zones: [Zone]) throws {
        let zoneAt = zoneLookup(table.zoneIDs, zones: zones)
        // One feature at a time, appended as bytes to one reused buffer: a simulation's zones with
        // their intervals made 400 MB of text for 50,000 zones when every feature was built before
        // writing, and a String per value was most of writing 200,000 zones (perf).
        let keys = table.columns.map { Array(("," + JSONValue.quoted($0.name) + ":").utf8) }
        try AtomicFile.write(to: path) { stream in
            try GeoJSONText.writeCollection(count: table.zoneIDs.count, to: stream) { row, bytes in
                let id = table.zoneIDs[row]
                guard let zone = zoneAt(row) else { return false }
                let geometry = zone.boundary.map(GeoJSONText.boundary) ?? GeoJSONText.point(zone.point)
                let quotedID = JSONValue.quoted(id)
                bytes += #"{"type":"Feature","id":"#.utf8
                bytes += quotedID.utf8
                bytes += #","geometry":"#.utf8
                bytes += geometry.utf8
                bytes += #","properties":{"zone_id":"#.utf8
                bytes += quotedID.utf8
                bytes += #","name":"#.utf8
                bytes += JSONValue.quoted(zone.name).utf8
                for (column, key) in zip(table.columns, keys) {
                    bytes += key
                    table.appendProperty(column, row: row, to: &bytes)
                }
                bytes += "}}".utf8
                return true
            }
        }
    }
}

extension ZoneTableWriter {
    /// The zone of each table row, by position when the table follows `zones` (a simulation's
    /// table does), else by id: a dictionary of 200,000 zones' copies was 59 MB of a grid run.
    static func zoneLookup(_ ids: [String], zones: [Zone]) -> (Int) -> Zone? {
        if ids.count == zones.count, zip(ids, zones).allSatisfy({ $0 == $1.id }) {
            return { zones[$0] }
        }
        var indexByID = [String: Int](minimumCapacity: zones.count)
        for (index, zone) in zones.enumerated() where indexByID[zone.id] == nil { indexByID[zone.id] = index }
        return { row in indexByID[ids[row]].map { zones[$0] } }
    }

    /// Writes any table of text cells as CSV (RFC 4180), atomically: ``CSVFile/write(header:rows:to:delimiter:)``.
    public static func writeRows(header: [String], rows: [[String]], to path: String, delimiter: Unicode.Scalar = ",")
        throws
    {
        try CSVFile.write(header: header, rows: rows, to: path, delimiter: delimiter)
    }
}
