import Foundation

/// Column positions by name: exact first, then ignoring case and surrounding spaces.
package struct ColumnIndex: Sendable {
    private var exact: [String: Int] = [:]
    private var folded: [String: Int] = [:]

    /// The positions of the columns of `header`.
    package init(_ header: [String]) {
        for (position, name) in header.enumerated() {
            if exact[name] == nil { exact[name] = position }
            let key = Self.fold(name)
            if folded[key] == nil { folded[key] = position }
        }
    }

    /// The position of column `name`: exact match first, then case- and accent-folded.
    package func position(of name: String) -> Int? { exact[name] ?? folded[Self.fold(name)] }

    private static func fold(_ name: String) -> String {
        // Most names asked for are already folded (ASCII, lowercase, untrimmed): skip Foundation,
        // which an import paid on every row for each column its file lacks.
        let utf8 = name.utf8
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        if utf8.allSatisfy({ $0 < 0x80 && !(0x41...0x5A).contains($0) }), !(utf8.first.map(blank) ?? false),
            !(utf8.last.map(blank) ?? false)
        {
            return name
        }
        return name.trimmingCharacters(in: .whitespaces).lowercased()
    }
}

/// One record of a delimited file, with typed accessors whose errors say file, line and column.
public struct Record: Sendable {
    /// The file the record comes from.
    public let file: String
    /// The line the record starts on (1-based, header included).
    public let line: Int
    /// The record's fields, in file order.
    public let fields: [String]
    /// The header's columns, for lookups by name.
    package let columns: ColumnIndex

    /// A record of `fields`, named by `columns`, read from `file` at `line`.
    package init(file: String, line: Int, fields: [String], columns: ColumnIndex) {
        self.file = file
        self.line = line
        self.fields = fields
        self.columns = columns
    }

    /// The trimmed value of a column, or nil when the column is absent or the cell empty.
    public func string(_ column: String) -> String? {
        guard let position = columns.position(of: column) else { return nil }
        return field(position)
    }

    /// The trimmed value of the field at a position, or nil when absent or empty.
    public func field(_ position: Int) -> String? {
        guard position < fields.count else { return nil }
        let value = Self.trimmed(fields[position])
        return value.isEmpty ? nil : value
    }

    /// Spaces and tabs around a value removed; most cells have none, so check before copying
    /// (Foundation's trimming was the largest cost of reading a file, by profile).
    package static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return text }
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        guard blank(first) || blank(last) else { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// The value of a column that must not be empty.
    public func required(_ column: String) throws -> String {
        guard let value = string(column) else {
            throw ImportError(file: file, line: line, field: column, expected: "a value; the cell is empty")
        }
        return value
    }

    /// A number, or nil for an empty cell. Accepts a decimal comma (`0,5`) as French files write it.
    public func double(_ column: String) throws -> Double? {
        guard let text = string(column) else { return nil }
        guard let value = Self.number(text) else {
            throw ImportError(file: file, line: line, field: column, value: text, expected: "a number")
        }
        return value
    }

    /// A number that must be present.
    public func requiredDouble(_ column: String) throws -> Double {
        guard let value = try double(column) else {
            throw ImportError(file: file, line: line, field: column, expected: "a number; the cell is empty")
        }
        return value
    }

    /// An error about a column of this record.
    public func error(_ column: String?, value: String? = nil, expected: String) -> ImportError {
        ImportError(file: file, line: line, field: column, value: value, expected: expected)
    }

    /// Parses a finite number, with `.` or a lone `,` as decimal separator.
    public static func number(_ text: String) -> Double? {
        if let value = Double(text), value.isFinite { return value }
        let commas = text.filter { $0 == "," }.count
        guard commas == 1, !text.contains("."), let value = Double(text.replacingOccurrences(of: ",", with: ".")),
            value.isFinite
        else { return nil }
        return value
    }
}
