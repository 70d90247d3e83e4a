/// CSV as text, by the rules of the one CSV writer (`CSVTableWriter`): RFC 4180 quoting of a
/// field holding a quote, CR, LF or the delimiter, formula-like text cells escaped
/// (`SpreadsheetEscape`), CRLF line ends, a line end after the last row.
///
/// For tables small enough to build in memory; ``CSVFile`` writes one to disk atomically and a
/// long table streams through `CSVTableWriter`. The bytes are the same whichever is used.
public enum CSVText {
    /// One field as a CSV file holds it (escaped and quoted as needed).
    public static func field(_ text: String, delimiter: Unicode.Scalar = ",") -> String {
        var bytes: [UInt8] = []
        CSVTableWriter.append(text, delimiter: Array(String(delimiter).utf8), to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One row's fields joined by the delimiter, without a line end.
    public static func row(_ fields: [String], delimiter: Unicode.Scalar = ",") -> String {
        let separator = Array(String(delimiter).utf8)
        var bytes: [UInt8] = []
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes += separator }
            CSVTableWriter.append(field, delimiter: separator, to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A whole table: the header, then each row, every line ended by CRLF.
    public static func table(header: [String], rows: [[String]], delimiter: Unicode.Scalar = ",") -> String {
        ([header] + rows).map { row($0, delimiter: delimiter) + "\r\n" }.joined()
    }
}

/// Writes CSV files atomically, with the one CSV writer (`CSVTableWriter`).
public enum CSVFile {
    /// Writes a table of text cells: the header, then each row (RFC 4180, CRLF, UTF-8).
    public static func write(
        header: [String], rows: [[String]], to path: String, delimiter: Unicode.Scalar = ","
    ) throws {
        try AtomicFile.write(to: path) { stream in
            let writer = try CSVTableWriter(stream: stream, delimiter: delimiter, header: header)
            for row in rows { try writer.write(row) }
            try writer.finish()
        }
    }
}
