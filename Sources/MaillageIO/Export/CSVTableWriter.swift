import CSV

/// Writes a CSV table through CSV.swift's `CSVWriter`: RFC 4180 quoting, CRLF line ends.
///
/// `CSVWriter` writes each line end before the next row; ``finish()`` ends the last line,
/// so the file ends with a line end like any text file.
final class CSVTableWriter {
    private let stream: BufferedFileStream
    private let writer: CSVWriter

    init(stream: BufferedFileStream, delimiter: Unicode.Scalar, header: [String]) throws {
        self.stream = stream
        writer = try CSVWriter(stream: stream, delimiter: String(delimiter), newline: .crlf)
        try writer.write(row: header)
    }

    func write(_ row: [String]) throws {
        try writer.write(row: row)
    }

    func finish() throws {
        try stream.write("\r\n")
    }
}
