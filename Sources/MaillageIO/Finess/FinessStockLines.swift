import Foundation

/// The records of an Etalab FINESS stock file, split on `;` the way the file is written.
///
/// The official file is not RFC 4180: values never contain `;`, but a label cut at its
/// length limit can lose its closing quote (`"LIEU DE VIE ""LE CHATEAU DE MA MERE"";…`, line
/// 1122 of the Occitanie extract), and a CSV parser then swallows the rest of the line into
/// one field. Splitting on every `;` and then undoing the quoting of each value reads every
/// line as `awk -F';'` does, which is how the file is meant to be read.
struct FinessStockLines {
    let path: String
    let encoding: TextEncoding

    init(path: String) throws {
        self.path = path
        guard let handle = FileHandle(forReadingAtPath: path) else { throw FileAccessError.missing(path) }
        let sample = (try? handle.read(upToCount: DelimitedFile.sampleSize)) ?? Data()
        try? handle.close()
        encoding = TextEncoding.detect(sample, isWholeFile: sample.count < DelimitedFile.sampleSize)
    }

    /// Calls `body` with each non-empty line's fields and its 1-based line number.
    func forEachLine(_ body: (_ line: Int, _ fields: [String]) throws -> Void) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw FileAccessError.missing(path) }
        var number = 0
        for var bytes in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            if bytes.last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
            guard !bytes.isEmpty else { continue }
            let text = encoding == .utf8 ? String(decoding: bytes, as: UTF8.self) : String(bytes.map { Character(Unicode.Scalar($0)) })
            try body(number, text.split(separator: ";", omittingEmptySubsequences: false).map(Self.unquote))
        }
    }

    /// A value without its surrounding quotes and with doubled quotes made single; a closing
    /// quote lost to truncation is tolerated.
    static func unquote(_ raw: Substring) -> String {
        guard raw.first == "\"" else { return String(raw) }
        var inner = raw.dropFirst()
        let trailingQuotes = inner.reversed().prefix { $0 == "\"" }.count
        if trailingQuotes % 2 == 1 { inner = inner.dropLast() }
        return inner.replacingOccurrences(of: "\"\"", with: "\"")
    }
}
