import Foundation
import MaillageFormats

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
        try InputFile.requireFile(path)
        guard let handle = FileHandle(forReadingAtPath: path) else { throw FileAccessError.missing(path) }
        let sample = (try? handle.read(upToCount: DelimitedFile.sampleSize)) ?? Data()
        try? handle.close()
        encoding = TextEncoding.detect(sample, isWholeFile: sample.count < DelimitedFile.sampleSize)
    }

    /// Calls `body` with each non-empty line's fields and its 1-based line number.
    func forEachLine(_ body: (_ line: Int, _ fields: [String]) throws -> Void) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw FileAccessError.missing(path) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            let bytes = buffer.bindMemory(to: UInt8.self)
            var number = 0
            for var line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                number += 1
                if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
                guard !line.isEmpty else { continue }
                try body(
                    number,
                    line.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false).map { field in
                        Self.unquote(decode(field))
                    })
            }
        }
    }

    /// Bytes as text: UTF-8, or Latin-1 whose bytes are the first 256 Unicode scalars.
    private func decode(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        if encoding == .utf8 || bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: bytes.map { Unicode.Scalar($0) })
        return String(scalars)
    }

    /// A value without its surrounding quotes and with doubled quotes made single; a closing
    /// quote lost to truncation is tolerated.
    static func unquote(_ raw: String) -> String {
        guard raw.first == "\"" else { return raw }
        var inner = raw.dropFirst()
        let trailingQuotes = inner.reversed().prefix { $0 == "\"" }.count
        if trailingQuotes % 2 == 1 { inner = inner.dropLast() }
        return inner.replacingOccurrences(of: "\"\"", with: "\"")
    }
}
