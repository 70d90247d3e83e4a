/// Numbers as exported files write them: the same text on every machine and in every locale.
///
/// A value is written in the shortest form that reads back as the same `Double` (Swift's
/// round-trip printing, never a locale's decimal comma), with a `.` as decimal point and
/// never an exponent: `1e-05` becomes `0.00001` and `1.5e+16` becomes `15000000000000000`,
/// because spreadsheets and some CSV readers mistake exponents for text. Whole numbers have
/// no `.0` (`1200`, not `1200.0`); -0 is `0`; NaN and infinities are empty cells.
public enum NumberText {
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == 0 { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return expandExponent("\(value)")
    }

    /// A coordinate rounded to 6 decimals (about 0.1 m), then written as ``format(_:)`` does.
    public static func coordinate(_ degrees: Double) -> String {
        format((degrees * 1e6).rounded() / 1e6)
    }

    /// Rewrites `d.ddde±x` without the exponent; text without one is returned as it is.
    static func expandExponent(_ text: String) -> String {
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(text[text.index(after: e)...]) else {
            return text
        }
        var mantissa = text[..<e]
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa = mantissa.dropFirst() }
        let point = mantissa.firstIndex(of: ".") ?? mantissa.endIndex
        let digits = String(mantissa[..<point]) + String(mantissa[point...].dropFirst())
        let integerDigits = mantissa.distance(from: mantissa.startIndex, to: point) + exponent
        var result: String
        if integerDigits <= 0 {
            result = "0." + String(repeating: "0", count: -integerDigits) + digits
        } else if integerDigits >= digits.count {
            result = digits + String(repeating: "0", count: integerDigits - digits.count)
        } else {
            result = String(digits.prefix(integerDigits)) + "." + String(digits.dropFirst(integerDigits))
        }
        if result.contains(".") {
            while result.hasSuffix("0") { result.removeLast() }
            if result.hasSuffix(".") { result.removeLast() }
        }
        return (negative ? "-" : "") + result
    }
}
