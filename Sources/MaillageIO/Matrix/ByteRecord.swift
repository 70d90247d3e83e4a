import Foundation

/// One record of a ``ByteCSVReader``: fields as byte ranges, decoded only on demand.
///
/// Valid only inside the `forEachRecord` call that hands it out.
public struct ByteRecord {
    /// Where a field's content lies in the buffer (inside the quotes for a quoted field).
    struct Span {
        var start: Int
        var end: Int
        var quoted: Bool
        /// Whether the content holds doubled quotes to undo.
        var escaped: Bool
    }

    public let file: String
    /// The line the record starts on (1-based, header included).
    public let line: Int
    let bytes: UnsafeBufferPointer<UInt8>
    let spans: UnsafeBufferPointer<Span>
    let columns: ColumnIndex
    let encoding: TextEncoding

    /// How many fields the record has.
    public var count: Int { spans.count }

    /// The trimmed text of a field, or nil when it is absent or empty.
    public func string(_ position: Int) -> String? {
        guard position < spans.count else { return nil }
        let span = trimmed(position)
        guard !span.isEmpty else { return nil }
        if !spans[position].escaped, encoding == .utf8 { return String(decoding: span, as: UTF8.self) }
        return rawString(position).trimmingCharacters(in: .whitespaces)
    }

    /// Whether a field is absent or holds only spaces.
    public func isEmpty(_ position: Int) -> Bool {
        position >= spans.count || trimmed(position).isEmpty
    }

    /// The field as a finite number, or nil when it is empty or not a number.
    ///
    /// Plain decimals (`4356.6`, `-12`, up to 15 digits) are converted straight from the
    /// bytes, exactly as `Double(String)` would (an exact integer over an exact power of ten
    /// rounds once); anything else (`1e3`, a decimal comma `0,5`) goes through ``Record/number(_:)``.
    public func double(_ position: Int) -> Double? {
        guard position < spans.count else { return nil }
        let span = trimmed(position)
        guard !span.isEmpty else { return nil }
        return Self.fastDecimal(span) ?? string(position).flatMap(Record.number)
    }

    /// The field's text as written (quotes undone), untrimmed.
    func rawString(_ position: Int) -> String {
        let span = spans[position]
        let slice = UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
        var text = encoding == .utf8
            ? String(decoding: slice, as: UTF8.self)
            : String(bytes: slice, encoding: .isoLatin1) ?? String(decoding: slice, as: UTF8.self)
        if span.escaped { text = text.replacingOccurrences(of: "\"\"", with: "\"") }
        return text
    }

    private func trimmed(_ position: Int) -> UnsafeBufferPointer<UInt8> {
        var start = spans[position].start, end = spans[position].end
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    private static let powersOfTen: [Double] = (0...22).map { (0..<$0).reduce(1.0) { value, _ in value * 10 } }

    /// `[+-]digits[.digits]` with at most 15 digits, else nil.
    static func fastDecimal(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        var negative = false
        if text[0] == UInt8(ascii: "-") || text[0] == UInt8(ascii: "+") {
            negative = text[0] == UInt8(ascii: "-")
            i = 1
        }
        var mantissa: UInt64 = 0, digits = 0, decimals = 0, seenPoint = false
        while i < text.count {
            let byte = text[i]
            if byte >= 0x30, byte <= 0x39 {
                digits += 1
                guard digits <= 15 else { return nil }
                mantissa = mantissa &* 10 &+ UInt64(byte &- 0x30)
                if seenPoint { decimals += 1 }
            } else if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0 else { return nil }
        let value = Double(mantissa) / powersOfTen[decimals]
        return negative ? -value : value
    }
}
