import Foundation

/// Keeps spreadsheets from running CSV cells as formulas (CSV injection).
///
/// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to
/// Excel, LibreOffice and Google Sheets: an actor named `=HYPERLINK("http://…")` or
/// `@SUM(…)` in an export would run when a planner opens the file. Every CSV Maillage writes
/// puts a `'` before such a text cell (OWASP's advice: the spreadsheet then shows it as text);
/// numbers (`-1.5`) are left alone. The importers take the `'` off again, so an export imports
/// back unchanged. `MAILLAGE_CSV_FORMULAS=keep` in the environment writes cells as they are.
package enum SpreadsheetEscape {
    private static let triggers: Set<UInt8> = [
        UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D,
    ]
    /// The mark put before a cell a spreadsheet would run as a formula.
    package static let mark = UInt8(ascii: "'")

    /// Whether writers escape (the default) or keep cells as they are (`MAILLAGE_CSV_FORMULAS=keep`).
    package static let isEnabled = ProcessInfo.processInfo.environment["MAILLAGE_CSV_FORMULAS"]?.lowercased() != "keep"

    /// The cell's bytes with the `'` in front when a spreadsheet would take them for a formula.
    package static func escaped(_ bytes: [UInt8]) -> [UInt8] {
        guard isEnabled, let first = bytes.first, triggers.contains(first), !isPlainNumber(bytes) else { return bytes }
        return [mark] + bytes
    }

    /// Whether bytes were escaped by ``escaped(_:)``: a `'` followed by a trigger.
    package static func isEscaped(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= 2 && bytes[0] == mark && triggers.contains(bytes[1])
    }

    /// The text without the escape's `'`, for importers.
    package static func unescaped(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.count >= 2, utf8.first == mark, triggers.contains(utf8[utf8.index(after: utf8.startIndex)]) else {
            return text
        }
        return String(text.dropFirst())
    }

    /// `[+-]digits[.digits][e[+-]digits]`: a number, which a spreadsheet reads as one.
    private static func isPlainNumber(_ bytes: [UInt8]) -> Bool {
        guard bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") else { return false }
        return Double(String(decoding: bytes, as: UTF8.self)) != nil
            && bytes.allSatisfy { "+-.0123456789eE".utf8.contains($0) }
    }
}
