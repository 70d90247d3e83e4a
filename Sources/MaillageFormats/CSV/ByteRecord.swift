import Foundation

/// One record of a ``ByteCSVReader``: fields as byte ranges, decoded only on demand.
///
/// Valid only inside the `forEachRecord` call that hands it out.
package struct ByteRecord {
    /// Where a field's content lies in the buffer (inside the quotes for a quoted field).
    package struct Span {
        /// The field's first byte.
        package var start: Int
        /// The byte after the field's last.
        package var end: Int
        /// Whether the field was quoted.
        package var quoted: Bool
        /// Whether the content holds doubled quotes to undo.
        package var escaped: Bool
    }

    /// The reader handing the record out; unowned because a record never outlives the call
    /// that receives it, and counting references cost a tenth of a matrix read (by profile).
    unowned(unsafe) let reader: ByteCSVReader
    /// The line the record starts on (1-based, header included).
    package let line: Int
    /// The bytes of the chunk holding the record.
    package let bytes: UnsafeBufferPointer<UInt8>
    /// The fields' spans in `bytes`.
    package let spans: UnsafeBufferPointer<Span>

    /// The file the record comes from.
    package var file: String { reader.path }
    /// The file's text encoding.
    package var encoding: TextEncoding { reader.encoding }

    /// How many fields the record has.
    package var count: Int { spans.count }

    /// The trimmed text of a field, or nil when it is absent or empty.
    package func string(_ position: Int) -> String? {
        guard position < spans.count else { return nil }
        let span = trimmed(position)
        guard !span.isEmpty else { return nil }
        if !spans[position].escaped, encoding == .utf8, !SpreadsheetEscape.isEscaped(span) {
            return String(decoding: span, as: UTF8.self)
        }
        return SpreadsheetEscape.unescaped(rawString(position).trimmingCharacters(in: .whitespaces))
    }

    /// Whether a field is absent or holds only spaces.
    package func isEmpty(_ position: Int) -> Bool {
        position >= spans.count || trimmed(position).isEmpty
    }

    /// The field as a finite number, or nil when it is empty or not a number.
    ///
    /// Plain decimals (`4356.6`, `-12`, up to 15 digits) are converted straight from the
    /// bytes, exactly as `Double(String)` would (an exact integer over an exact power of ten
    /// rounds once); anything else (`1e3`, a decimal comma `0,5`) goes through ``Record/number(_:)``.
    package func double(_ position: Int) -> Double? {
        guard position < spans.count else { return nil }
        let span = trimmed(position)
        guard !span.isEmpty else { return nil }
        return Self.fastDecimal(span) ?? string(position).flatMap(Record.number)
    }

    /// The value stored for a field's text in `index`, or nil when the field is empty or unknown there.
    ///
    /// Looks the field's bytes up without making a `String`; a field with doubled quotes or
    /// in a Latin-1 file is decoded first, so the answer is always that of ``string(_:)``.
    package func value(_ position: Int, in index: ByteKeyIndex) -> Int? {
        guard position < spans.count else { return nil }
        let span = trimmed(position)
        if spans[position].escaped || encoding != .utf8 || SpreadsheetEscape.isEscaped(span) {
            return string(position).flatMap { index[$0] }
        }
        return span.isEmpty ? nil : index.value(forBytes: span)
    }

    /// As ``value(_:in:)``, remembering the last answer in `recent` (one per column) for
    /// columns whose values repeat row after row, such as the origin of a sorted matrix.
    package func value(_ position: Int, in index: ByteKeyIndex, recent: inout ByteKeyIndex.Recent) -> Int? {
        guard position < spans.count else { return nil }
        let span = trimmed(position)
        if spans[position].escaped || encoding != .utf8 || SpreadsheetEscape.isEscaped(span) {
            return string(position).flatMap { index[$0] }
        }
        return span.isEmpty ? nil : index.value(forBytes: span, recent: &recent)
    }

    /// As ``rawString(_:)``, refusing what would be damaged silently: a NUL byte (it cut the
    /// text short) and, in a UTF-8 file, bytes that are not UTF-8 (a Latin-1 row pasted in:
    /// it became replacement characters).
    package func checkedString(_ position: Int, column: String) throws -> String {
        let span = spans[position]
        let slice = UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
        if let base = slice.baseAddress, !slice.isEmpty, memchr(base, 0, slice.count) != nil {
            throw ImportError(
                file: reader.path, line: line, field: column,
                expected: "text without NUL bytes; this field holds one (a binary or UTF-16 file?)")
        }
        if encoding == .utf8, String(validating: slice, as: UTF8.self) == nil {
            throw ImportError(
                file: reader.path, line: line, field: column,
                expected:
                    "UTF-8 text like the rest of the file; this field is not UTF-8 (a Latin-1 row?): save the whole file in one encoding"
            )
        }
        return SpreadsheetEscape.unescaped(rawString(position))
    }

    /// The field's text as written (quotes undone), untrimmed.
    package func rawString(_ position: Int) -> String {
        let span = spans[position]
        let slice = UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
        var text =
            encoding == .utf8
            ? String(decoding: slice, as: UTF8.self)
            : String(bytes: slice, encoding: .isoLatin1) ?? String(decoding: slice, as: UTF8.self)
        if span.escaped { text = text.replacingOccurrences(of: "\"\"", with: "\"") }
        return text
    }

    @inline(__always)
    private func trimmed(_ position: Int) -> UnsafeBufferPointer<UInt8> {
        var start = spans[position].start
        var end = spans[position].end
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// 10⁰ … 10²², each exact in a `Double`.
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ]

    /// `[+-]digits[.digits]` with at most 15 digits, else nil.
    package static func fastDecimal(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        var negative = false
        if text[0] == UInt8(ascii: "-") || text[0] == UInt8(ascii: "+") {
            negative = text[0] == UInt8(ascii: "-")
            i = 1
        }
        // Integer digits, then fraction digits: a loop each, no per-byte state. Past 15
        // digits the wrapped mantissa is thrown away below.
        var mantissa: UInt64 = 0
        let integerStart = i
        while i < text.count, text[i] &- 0x30 < 10 {
            mantissa = mantissa &* 10 &+ UInt64(text[i] &- 0x30)
            i += 1
        }
        var digits = i - integerStart
        var decimals = 0
        if i < text.count, text[i] == UInt8(ascii: ".") {
            i += 1
            let fractionStart = i
            while i < text.count, text[i] &- 0x30 < 10 {
                mantissa = mantissa &* 10 &+ UInt64(text[i] &- 0x30)
                i += 1
            }
            decimals = i - fractionStart
            digits += decimals
        }
        guard i == text.count, digits > 0, digits <= 15 else { return nil }
        let value = Double(mantissa) / powersOfTen[decimals]
        return negative ? -value : value
    }
}
