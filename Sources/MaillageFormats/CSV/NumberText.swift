/// Numbers as exported files write them: the same text on every machine and in every locale.
///
/// A value is written in the shortest form that reads back as the same `Double` (Swift's
/// round-trip printing, never a locale's decimal comma), with a `.` as decimal point and
/// never an exponent: `1e-05` becomes `0.00001` and `1.5e+16` becomes `15000000000000000`,
/// because spreadsheets and some CSV readers mistake exponents for text. Whole numbers have
/// no `.0` (`1200`, not `1200.0`); -0 is `0`; NaN and infinities are empty cells.
public enum NumberText {
    /// The value as text: shortest round-trip form, no exponent, empty for NaN and infinities.
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == 0 { return "0" }
        if isWholeWithinDigits(value) { return String(Int64(value)) }
        return expandExponent("\(value)")
    }

    /// Whether `value` is whole and at most 2^53 in magnitude, where Swift prints every digit and
    /// a `.0` (`1000000000000000.0`) rather than an exponent: written as an integer instead.
    private static func isWholeWithinDigits(_ value: Double) -> Bool {
        value == value.rounded() && abs(value) <= 9_007_199_254_740_992
    }

    /// A coordinate rounded to 6 decimals (about 0.1 m), then written as ``format(_:)`` does.
    public static func coordinate(_ degrees: Double) -> String {
        format((degrees * 1e6).rounded() / 1e6)
    }

    /// Rewrites `d.ddde±x` without the exponent; text without one is returned as it is.
    ///
    /// Works on the UTF-8 bytes (the text is ASCII): walking `Character`s cost 10,000
    /// instructions a number, most of the time of writing a result file (by profile).
    package static func expandExponent(_ text: String) -> String {
        // Most numbers have no exponent: answered without copying their bytes.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else { return text }
        let bytes = Array(text.utf8)
        guard let e = bytes.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }),
            let exponent = Int(String(decoding: bytes[(e + 1)...], as: UTF8.self))
        else { return text }
        var mantissa = bytes[..<e]
        let negative = mantissa.first == UInt8(ascii: "-")
        if negative { mantissa = mantissa.dropFirst() }
        let point = mantissa.firstIndex(of: UInt8(ascii: ".")) ?? mantissa.endIndex
        let digits = Array(mantissa[..<point]) + Array(mantissa[point...].dropFirst())
        let integerDigits = (point - mantissa.startIndex) + exponent
        let zero = UInt8(ascii: "0")
        let dot = UInt8(ascii: ".")
        var result: [UInt8]
        if integerDigits <= 0 {
            result = [zero, dot] + Array(repeating: zero, count: -integerDigits) + digits
        } else if integerDigits >= digits.count {
            result = digits + Array(repeating: zero, count: integerDigits - digits.count)
        } else {
            result = Array(digits.prefix(integerDigits)) + [dot] + Array(digits.dropFirst(integerDigits))
        }
        if result.contains(dot) {
            while result.last == zero { result.removeLast() }
            if result.last == dot { result.removeLast() }
        }
        return (negative ? "-" : "") + String(decoding: result, as: UTF8.self)
    }
}

extension NumberText {
    /// Appends ``format(_:)``'s text of `value` as UTF-8, without making a `String` for whole numbers.
    ///
    /// Result tables write tens of millions of numbers (200,000 zones × 76 indicators, twice),
    /// most of them whole counts: their digits go straight into the line being built.
    package static func append(_ value: Double, to bytes: inout [UInt8]) {
        guard value.isFinite else { return }
        if isWholeWithinDigits(value) {
            appendDigits(of: Int64(value), to: &bytes)
        } else {
            bytes.append(contentsOf: expandExponent(value.description).utf8)
        }
    }

    private static func appendDigits(of whole: Int64, to bytes: inout [UInt8]) {
        if whole < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = whole.magnitude
        var digits: (UInt64, UInt64) = (0, 0)  // 16 bytes: 2^53 has 16 digits.
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }
}
