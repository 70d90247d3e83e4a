/// Splits one RFC 4180 record out of a byte buffer, for ``ByteCSVReader``.
struct RecordParser {
    let delimiter: UInt8
    let file: String

    private static let quote = UInt8(ascii: "\""), lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    /// Parses the record starting at `start` into `fields`.
    ///
    /// - Returns: where the next record starts and how many line feeds this one spans, or nil
    ///   when the buffer ends before the record does and more of the file is to come.
    func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int, isAtEnd: Bool, line: Int,
        into fields: FieldSpans
    ) throws -> (next: Int, newlines: Int)? {
        fields.removeAll()
        var i = start
        var newlines = 0
        while true {
            if i < end, bytes[i] == Self.quote {
                guard
                    let (closing, escaped, inner) = try closingQuote(
                        bytes, after: i, end: end, isAtEnd: isAtEnd, line: line + newlines)
                else { return nil }
                newlines += inner
                fields.append(ByteRecord.Span(start: i + 1, end: closing, quoted: true, escaped: escaped))
                let j = closing + 1
                if j >= end { return (j, newlines) }  // the file ends after the closing quote
                switch bytes[j] {
                case delimiter: i = j + 1
                case Self.lineFeed: return (j + 1, newlines + 1)
                case Self.carriageReturn where j + 1 < end && bytes[j + 1] == Self.lineFeed:
                    return (j + 2, newlines + 1)
                case Self.carriageReturn where j + 1 >= end: if isAtEnd { return (j + 1, newlines) } else { return nil }
                default:
                    throw ImportError(
                        file: file, line: line + newlines,
                        expected:
                            "a delimiter or a line end after the closing quote of field \(fields.count), found '\(Character(Unicode.Scalar(bytes[j])))' (quotes inside a quoted field are doubled: \"\")"
                    )
                }
            } else {
                let j = fieldEnd(bytes, from: i, end: end)
                if j >= end, !isAtEnd { return nil }
                var fieldEnd = j
                if j >= end || bytes[j] == Self.lineFeed, fieldEnd > i, bytes[fieldEnd - 1] == Self.carriageReturn {
                    fieldEnd -= 1
                }
                fields.append(ByteRecord.Span(start: i, end: fieldEnd, quoted: false, escaped: false))
                if j >= end { return (j, newlines) }
                if bytes[j] == delimiter {
                    i = j + 1
                } else {
                    return (j + 1, newlines + 1)
                }
            }
        }
    }

    /// The first delimiter or line feed at or after `start`, or `end`.
    ///
    /// Eight bytes at a time while they last (a word with a zero byte where it matches
    /// either), then byte by byte: a third of parsing a matrix went to this scan (by profile).
    @inline(__always)
    func fieldEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int {
        var j = start
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let (ones, highs) = (_ByteWord.ones, _ByteWord.highs)
            let delimiters = _ByteWord.repeating(delimiter)
            let lineFeeds = _ByteWord.repeating(Self.lineFeed)
            while j + 8 <= end {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: j, as: UInt64.self))
                let a = word ^ delimiters
                let b = word ^ lineFeeds
                // The lowest flagged byte is exactly the first zero byte (borrows only flag bytes above it).
                let found = ((a &- ones) & ~a | (b &- ones) & ~b) & highs
                if found != 0 { return j + found.trailingZeroBitCount / 8 }
                j += 8
            }
        }
        while j < end, bytes[j] != delimiter, bytes[j] != Self.lineFeed { j += 1 }
        return j
    }

    /// Finds the quote closing the field opened at `open`, skipping doubled quotes.
    private func closingQuote(
        _ bytes: UnsafeBufferPointer<UInt8>, after open: Int, end: Int, isAtEnd: Bool, line: Int
    ) throws -> (closing: Int, escaped: Bool, newlines: Int)? {
        var j = open + 1
        var escaped = false
        var newlines = 0
        while true {
            guard j < end else {
                if isAtEnd {
                    throw ImportError(
                        file: file, line: line,
                        expected: "a closing quote for the field opened on this line; the file ends inside it")
                }
                return nil
            }
            let byte = bytes[j]
            if byte == Self.quote {
                if j + 1 >= end, !isAtEnd { return nil }  // a doubled quote may straddle the chunk
                if j + 1 < end, bytes[j + 1] == Self.quote {
                    escaped = true
                    j += 2
                    continue
                }
                return (j, escaped, newlines)
            }
            if byte == Self.lineFeed { newlines += 1 }
            j += 1
        }
    }
}
