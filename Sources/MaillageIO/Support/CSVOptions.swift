/// How to read a delimited text file; nil fields are detected from the file.
public struct CSVOptions: Sendable {
    /// `,`, `;` or tab; detected from the header line when nil.
    public var delimiter: Unicode.Scalar?
    /// Detected from the first megabyte when nil.
    public var encoding: TextEncoding?
    /// Whether the first line (after `skipLines`) names the columns.
    public var hasHeader: Bool
    /// Lines to skip before the header or the first record (a metadata line, say).
    public var skipLines: Int

    public init(delimiter: Unicode.Scalar? = nil, encoding: TextEncoding? = nil, hasHeader: Bool = true, skipLines: Int = 0) {
        self.delimiter = delimiter
        self.encoding = encoding
        self.hasHeader = hasHeader
        self.skipLines = skipLines
    }

    /// Reads a delimiter as given on the command line (`;`, `,`, `tab`, `\t`).
    public static func parseDelimiter(_ text: String) -> Unicode.Scalar? {
        switch text {
        case "tab", "\\t", "\t": "\t"
        case ",", ";", "|": text.unicodeScalars.first
        default: nil
        }
    }
}
