import CSV
import Foundation

/// A delimited text file (CSV, RFC 4180) read record by record, never whole.
///
/// The delimiter and the encoding are detected unless given; quoted fields may hold
/// delimiters and newlines. Every record knows the line it starts on, so errors can say
/// where to look. A record with fewer fields than the header (a truncated file, a wrong
/// delimiter) is an error, not a silently shorter row.
///
/// ```swift
/// let file = try DelimitedFile(path: "actors.csv")
/// try file.forEachRecord { record in
///     let id = try record.required("id")
///     let lat = try record.requiredDouble("lat")
/// }
/// ```
public final class DelimitedFile {
    public let path: String
    public let delimiter: Unicode.Scalar
    public let encoding: TextEncoding
    /// Column names as written in the file, trimmed; empty without a header.
    public let header: [String]
    let columns: ColumnIndex
    private let options: CSVOptions

    /// How much of the file is looked at to detect the encoding and delimiter.
    static let sampleSize = 1 << 20

    public init(path: String, options: CSVOptions = CSVOptions()) throws {
        self.path = path
        self.options = options
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FileAccessError.missing(path)
        }
        let sample = (try? handle.read(upToCount: Self.sampleSize)) ?? Data()
        try? handle.close()
        guard !sample.isEmpty else {
            throw ImportError(file: path, line: 1, expected: "a header line, but the file is empty")
        }
        encoding = options.encoding ?? TextEncoding.detect(sample, isWholeFile: sample.count < Self.sampleSize)
        let lines = Self.firstLines(sample, encoding: encoding, count: options.skipLines + 1)
        let headerLine = lines.count > options.skipLines ? lines[options.skipLines] : ""
        delimiter = options.delimiter ?? Self.detectDelimiter(headerLine)
        if options.hasHeader {
            let reader = try Self.reader(path: path, encoding: encoding, delimiter: delimiter)
            for _ in 0..<options.skipLines { _ = reader.next() }
            guard let names = reader.next(), names.contains(where: { !$0.isEmpty }) else {
                throw ImportError(file: path, line: options.skipLines + 1, expected: "a header line naming the columns")
            }
            header = names.map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\u{FEFF}", with: "") }
        } else {
            header = []
        }
        columns = ColumnIndex(header)
    }

    /// Whether the header has a column of that name (case and accents as written, spaces ignored).
    public func hasColumn(_ name: String) -> Bool { columns.position(of: name) != nil }

    /// Fails unless every named column is in the header, naming the missing ones.
    public func requireColumns(_ names: [String]) throws {
        let missing = names.filter { !hasColumn($0) }
        guard missing.isEmpty else {
            throw ImportError(
                file: path, line: options.skipLines + 1, field: missing.joined(separator: ", "),
                expected: "the header to have column(s) \(missing.joined(separator: ", ")); it has \(header.joined(separator: ", ")) (delimiter '\(delimiter.escaped(asASCII: true))')"
            )
        }
    }

    /// Calls `body` with each record in order; stops at the first error it or the file throws.
    public func forEachRecord(_ body: (Record) throws -> Void) throws {
        let reader = try Self.reader(path: path, encoding: encoding, delimiter: delimiter)
        var line = 1
        let skipped = options.skipLines + (options.hasHeader ? 1 : 0)
        for _ in 0..<skipped {
            guard let fields = reader.next() else { return }
            line += 1 + Self.embeddedNewlines(fields)
        }
        while let fields = reader.next() {
            if let error = Self.failure(reader) { throw decodingError(error, line: line) }
            defer { line += 1 + Self.embeddedNewlines(fields) }
            if fields.count == 1 && fields[0].isEmpty { continue }  // blank line
            let record = Record(file: path, line: line, fields: fields, columns: columns)
            if options.hasHeader && fields.count < header.count {
                throw ImportError(
                    file: path, line: line,
                    expected: "\(header.count) fields as in the header, found \(fields.count) (a truncated file or a wrong delimiter?)"
                )
            }
            try body(record)
        }
        if let error = Self.failure(reader) { throw decodingError(error, line: line) }
    }

    /// The reader's error, except the one CSV.swift raises on Linux when a stream simply ends
    /// (Foundation's InputStream reports bytes available until a read returns 0).
    private static func failure(_ reader: CSVReader) -> (any Error)? {
        guard let error = reader.error else { return nil }
        if case CSVError.cannotReadFile = error { return nil }
        return error
    }

    private func decodingError(_ error: any Error, line: Int) -> ImportError {
        ImportError(file: path, line: line,
                    expected: "text in \(encoding.rawValue) (\(error)); give --encoding latin1 or utf-8")
    }

    /// A UTF-8 file streams; a Latin-1 one (official FINESS extracts, a few MB) is decoded whole.
    static func reader(path: String, encoding: TextEncoding, delimiter: Unicode.Scalar) throws -> CSVReader {
        switch encoding {
        case .utf8:
            guard let stream = InputStream(fileAtPath: path) else { throw FileAccessError.missing(path) }
            return try CSVReader(stream: stream, codecType: UTF8.self, delimiter: delimiter)
        case .latin1:
            guard let data = FileManager.default.contents(atPath: path),
                  let text = String(data: data, encoding: .isoLatin1)
            else { throw FileAccessError.missing(path) }
            return try CSVReader(string: text, delimiter: delimiter)
        }
    }

    private static func embeddedNewlines(_ fields: [String]) -> Int {
        fields.reduce(0) { $0 + $1.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) } }
    }

    private static func firstLines(_ sample: Data, encoding: TextEncoding, count: Int) -> [String] {
        let text = String(data: sample, encoding: encoding == .utf8 ? .utf8 : .isoLatin1)
            ?? String(decoding: sample, as: UTF8.self)
        return text.split(separator: "\n", maxSplits: count, omittingEmptySubsequences: false).prefix(count).map(String.init)
    }

    /// The candidate that appears most often outside quotes in the header line.
    static func detectDelimiter(_ line: String) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for scalar in line.unicodeScalars {
            if scalar == "\"" { quoted.toggle() }
            if !quoted, counts[scalar] != nil { counts[scalar]! += 1 }
        }
        let best = counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key.value > $1.key.value }!
        return best.value > 0 ? best.key : ","
    }
}

/// A file that cannot be opened for reading.
public enum FileAccessError: Error, Sendable, CustomStringConvertible {
    case missing(String)
    case unwritable(String, String)

    public var description: String {
        switch self {
        case let .missing(path): "\(path) does not exist or cannot be read"
        case let .unwritable(path, reason): "cannot write \(path): \(reason)"
        }
    }
}
