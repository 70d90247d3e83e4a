import Foundation

/// A delimited text file (CSV, RFC 4180) read record by record, never whole.
///
/// The delimiter and the encoding are detected unless given; quoted fields may hold
/// delimiters and newlines. Every record knows the line it starts on, so errors can say
/// where to look. A record with fewer fields than the header (a truncated file, a wrong
/// delimiter) is an error, not a silently shorter row. Bytes are scanned by
/// `ByteCSVReader` (about 30× faster than decoding character by character, see
/// BENCHMARKS.md); this type hands each record out with its fields as strings.
///
/// ```swift
/// let file = try DelimitedFile(path: "actors.csv")
/// try file.forEachRecord { record in
///     let id = try record.required("id")
///     let lat = try record.requiredDouble("lat")
/// }
/// ```
public final class DelimitedFile {
    /// The file read.
    public let path: String
    private let reader: ByteCSVReader

    /// How much of the file is looked at to detect the encoding and delimiter.
    package static let sampleSize = 1 << 20

    /// Opens `path`, detecting the delimiter and encoding unless `options` gives them, and reads the header.
    public init(path: String, options: CSVOptions = CSVOptions()) throws {
        self.path = path
        reader = try ByteCSVReader(path: path, delimiter: options.delimiter, encoding: options.encoding)
    }

    /// The delimiter, given or detected.
    public var delimiter: Unicode.Scalar { Unicode.Scalar(reader.delimiter) }
    /// The text encoding, given or detected.
    public var encoding: TextEncoding { reader.encoding }
    /// Column names as written in the file, trimmed.
    public var header: [String] { reader.header }
    /// The header's columns, looked up by name (case and accents folded as a fallback).
    package var columns: ColumnIndex { reader.columns }

    /// Whether the header has a column of that name (exact, or ignoring case and spaces).
    public func hasColumn(_ name: String) -> Bool { reader.position(of: name) != nil }

    /// Fails unless every named column is in the header, naming the missing ones.
    public func requireColumns(_ names: [String]) throws {
        let missing = names.filter { !hasColumn($0) }
        guard missing.isEmpty else {
            throw ImportError(
                file: path, line: 1, field: missing.joined(separator: ", "),
                expected:
                    "the header to have column(s) \(missing.joined(separator: ", ")); it has \(header.joined(separator: ", ")) (delimiter '\(delimiter.escaped(asASCII: true))')"
            )
        }
    }

    /// Calls `body` with each record in order; stops at the first error it or the file throws.
    public func forEachRecord(_ body: (Record) throws -> Void) throws {
        let columns = reader.columns
        let header = reader.header
        try reader.forEachRecord { raw in
            let fields = try (0..<raw.count).map { position in
                try raw.checkedString(
                    position, column: position < header.count ? header[position] : "field \(position + 1)")
            }
            // Fields beyond the header's columns would be dropped without a word: refused, unless
            // empty (a trailing delimiter is common and loses nothing).
            if fields.count > header.count,
                let extra = fields[header.count...].firstIndex(where: {
                    !$0.trimmingCharacters(in: .whitespaces).isEmpty
                })
            {
                throw ImportError(
                    file: path, line: raw.line, field: "field \(extra + 1)", value: fields[extra],
                    expected:
                        "\(header.count) fields as in the header; this line has \(fields.count) (an unquoted delimiter inside a value?)"
                )
            }
            try body(Record(file: path, line: raw.line, fields: fields, columns: columns))
        }
    }

    /// The candidate that appears most often outside quotes in the header line.
    package static func detectDelimiter(_ line: String) -> Unicode.Scalar {
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

/// A file that cannot be opened for reading, or written.
public enum FileAccessError: Error, Sendable, CustomStringConvertible {
    case missing(String)
    case unwritable(String, String)
    /// The output names the same file as one of the command's inputs.
    case overwritesInput(output: String, outputRole: String, input: String, inputRole: String)

    /// The error in words, naming the file.
    public var description: String {
        switch self {
        case .overwritesInput(let output, let outputRole, let input, let inputRole) where output == input:
            "\(outputRole) \(output) is also the command's \(inputRole): writing it would destroy that input; choose another path"
        case .overwritesInput(let output, let outputRole, let input, let inputRole):
            "\(outputRole) \(output) would overwrite the command's \(inputRole) \(input) (the same file under another name); choose another path"
        case .missing(let path): "\(path) does not exist or cannot be read"
        case .unwritable(let path, let reason): "cannot write \(path): \(reason)"
        }
    }
}
