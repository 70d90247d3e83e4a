import Foundation

/// The character encodings French open data comes in.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    /// ISO-8859-1, the encoding of the official FINESS extracts.
    case latin1 = "latin1"

    /// Reads an encoding name as people write it (`UTF8`, `iso-8859-1`, `latin-1`, `cp1252`).
    public static func parse(_ name: String) -> TextEncoding? {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": .utf8
        case "latin1", "latin-1", "iso-8859-1", "iso8859-1", "cp1252", "windows-1252": .latin1
        default: nil
        }
    }

    /// The first line that is not UTF-8 in a sample that also has UTF-8 multi-byte characters
    /// (a Latin-1 row pasted into a UTF-8 file), with the byte and a UTF-8 line; nil otherwise.
    ///
    /// Read as Latin-1, such a file turned every accented UTF-8 row into mojibake. A real
    /// Latin-1 file does not hold valid UTF-8 sequences (that would take `Ã` followed by a
    /// symbol such as `©`), so both kinds together mean a mixed file.
    package static func mixedLine(_ sample: Data) -> (line: Int, byte: UInt8, utf8Line: Int)? {
        var line = 1
        var invalid: (line: Int, byte: UInt8)?
        var utf8Line: Int?
        var index = sample.startIndex
        let end = sample.endIndex
        while index < end {
            let lead = sample[index]
            if lead == 0x0A {
                line += 1
                index += 1
                continue
            }
            if lead < 0x80 {
                index += 1
                continue
            }
            let length =
                lead >= 0xC2 && lead <= 0xDF
                ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0
            if length > 0, index + length <= end,
                String(validating: sample[index..<(index + length)], as: UTF8.self) != nil
            {
                if utf8Line == nil { utf8Line = line }
                index += length
            } else if index + length > end, length > 0, sample.count >= DelimitedFile.sampleSize {
                break  // a character cut by the end of the sample
            } else {
                if invalid == nil { invalid = (line, lead) }
                index += 1
            }
            if let invalid, let utf8Line { return (invalid.line, invalid.byte, utf8Line) }
        }
        return nil
    }

    /// UTF-8 when the sample is valid UTF-8, else Latin-1 (every byte sequence is valid Latin-1).
    package static func detect(_ sample: Data, isWholeFile: Bool) -> TextEncoding {
        var end = sample.endIndex
        if !isWholeFile {
            // A sample cut inside a multi-byte character is still UTF-8.
            var dropped = 0
            while end > sample.startIndex, dropped < 3, sample[end - 1] & 0x80 != 0 {
                end -= 1
                dropped += 1
            }
        }
        return String(data: sample[sample.startIndex..<end], encoding: .utf8) != nil ? .utf8 : .latin1
    }
}
