/// Writes a CSV table: RFC 4180 quoting, CRLF line ends, UTF-8, cells that spreadsheets
/// would run as formulas escaped (``SpreadsheetEscape``).
///
/// The rules are CSV.swift's `CSVWriter`'s, which this type used until a profile showed it
/// spending 15 µs a row (Foundation's string search for quotes and delimiters in every
/// field, the stream fed one byte at a time): most of the time of writing a 5,000-zone
/// result. The bytes are the same: a field holding a quote, the delimiter, CR or LF is
/// quoted with its quotes doubled; a line end comes before every row but the first, and
/// ``finish()`` ends the last line, so the file ends with a line end like any text file.
package final class CSVTableWriter {
    private let stream: BufferedFileStream
    private let delimiter: [UInt8]
    private var line: [UInt8] = []
    private var isFirstRow = true

    private static let quote = UInt8(ascii: "\""), carriageReturn = UInt8(ascii: "\r"), lineFeed = UInt8(ascii: "\n")

    /// A writer onto `stream` that writes `header` as its first row.
    package init(stream: BufferedFileStream, delimiter: Unicode.Scalar, header: [String]) throws {
        self.stream = stream
        self.delimiter = Array(String(delimiter).utf8)
        try write(header)
    }

    /// Writes one row, preceded by a line end when it is not the first.
    package func write(_ row: [String]) throws {
        line.removeAll(keepingCapacity: true)
        if !isFirstRow { line += [Self.carriageReturn, Self.lineFeed] }
        isFirstRow = false
        for (index, field) in row.enumerated() {
            if index > 0 { line += delimiter }
            append(field)
        }
        try stream.write(bytes: line)
    }

    /// Writes one row that `appendFields` appends to the line itself, with ``delimiterBytes``
    /// between fields and each field as ``append(_:delimiter:to:)`` writes it; preceded by a
    /// line end when it is not the first. Spares large tables a `String` per cell.
    package func writeLine(_ appendFields: (inout [UInt8]) -> Void) throws {
        line.removeAll(keepingCapacity: true)
        if !isFirstRow { line += [Self.carriageReturn, Self.lineFeed] }
        isFirstRow = false
        appendFields(&line)
        try stream.write(bytes: line)
    }

    /// The delimiter as UTF-8.
    package var delimiterBytes: [UInt8] { delimiter }

    /// Ends the last line (call once, after the last row).
    package func finish() throws {
        try stream.write("\r\n")
    }

    private func append(_ field: String) {
        Self.append(field, delimiter: delimiter, to: &line)
    }

    /// Appends one field as every Maillage CSV holds it: a text cell a spreadsheet would run as a
    /// formula gets a leading ' (``SpreadsheetEscape``), then RFC 4180 quoting when the field holds
    /// a quote, CR, LF or the delimiter.
    package static func append(_ field: String, delimiter: [UInt8], to line: inout [UInt8]) {
        let bytes = SpreadsheetEscape.escaped(Array(field.utf8))
        guard needsQuotes(bytes, delimiter: delimiter) else {
            line += bytes
            return
        }
        line.append(Self.quote)
        for byte in bytes {
            line.append(byte)
            if byte == Self.quote { line.append(Self.quote) }
        }
        line.append(Self.quote)
    }

    private static func needsQuotes(_ bytes: [UInt8], delimiter: [UInt8]) -> Bool {
        if bytes.contains(where: { $0 == quote || $0 == carriageReturn || $0 == lineFeed }) { return true }
        if delimiter.count == 1 { return bytes.contains(delimiter[0]) }
        guard bytes.count >= delimiter.count else { return false }
        return (0...(bytes.count - delimiter.count)).contains {
            bytes[$0..<($0 + delimiter.count)].elementsEqual(delimiter)
        }
    }
}
