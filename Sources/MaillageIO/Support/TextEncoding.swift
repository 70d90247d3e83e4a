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

    /// UTF-8 when the sample is valid UTF-8, else Latin-1 (every byte sequence is valid Latin-1).
    static func detect(_ sample: Data, isWholeFile: Bool) -> TextEncoding {
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
