/// How to read a delimited text file; nil fields are detected from the file.
public struct CSVOptions: Sendable {
    /// `,`, `;` or tab; detected from the header line when nil.
    public var delimiter: Unicode.Scalar?
    /// Detected from the first megabyte when nil.
    public var encoding: TextEncoding?

    /// Options giving the delimiter and encoding, or nil to detect them.
    public init(delimiter: Unicode.Scalar? = nil, encoding: TextEncoding? = nil) {
        self.delimiter = delimiter
        self.encoding = encoding
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
