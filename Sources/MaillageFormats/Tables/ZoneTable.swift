import MaillageCore

/// Values per zone, ready to be written: `zone_id` first, then each column.
///
/// Accessibility and simulation results share this shape; a NaN number is an undefined
/// value and is written as an empty CSV cell or a GeoJSON `null`, never as 0.
public struct ZoneTable: Sendable {
    /// The zones, one row each, in output order.
    public var zoneIDs: [String]
    /// The value columns, written after `zone_id` in this order.
    public var columns: [Column]

    /// A column's values, one per zone: numbers (NaN = undefined) or texts (nil = undefined).
    public enum Values: Sendable {
        case numbers([Double])
        case texts([String?])
        /// Intervals' lower or upper bounds, each made as it is written
        /// (``StudentT/bounds(mean:halfWidth:)``): a table of means with their intervals then
        /// holds one array of half-widths, not two of bounds.
        case bounds(means: [Double], halfWidths: [Double], IntervalBound)

        /// The number at `row`, nil in a column of texts.
        @inline(__always)
        func number(_ row: Int) -> Double? {
            switch self {
            case .numbers(let values): values[row]
            case .texts: nil
            case .bounds(let means, let halfWidths, .low):
                StudentT.bounds(mean: means[row], halfWidth: halfWidths[row]).low
            case .bounds(let means, let halfWidths, .high):
                StudentT.bounds(mean: means[row], halfWidth: halfWidths[row]).high
            }
        }
    }

    /// Which bound of an interval a ``Values/bounds(means:halfWidths:_:)`` column holds.
    public enum IntervalBound: Sendable {
        case low, high
    }

    /// One named column of a ``ZoneTable``.
    public struct Column: Sendable {
        /// The column's header.
        public var name: String
        /// The column's values, one per zone.
        public var values: Values

        /// A column named `name` holding `values`.
        public init(name: String, values: Values) {
            self.name = name
            self.values = values
        }
    }

    /// A table of `columns` over the zones `zoneIDs`.
    public init(zoneIDs: [String], columns: [Column]) {
        self.zoneIDs = zoneIDs
        self.columns = columns
    }

    /// The CSV cell of a column for the zone at `row` ("" when undefined).
    package func cell(_ column: Column, row: Int) -> String {
        switch column.values {
        case .texts(let values): return values[row] ?? ""
        default:
            let number = column.values.number(row) ?? .nan
            return number.isNaN ? "" : NumberText.format(number)
        }
    }

    /// Appends the CSV cell of a column for the zone at `row` as ``cell(_:row:)`` and
    /// ``CSVTableWriter/append(_:delimiter:to:)`` would write it (same bytes).
    ///
    /// A number's digits, `-` and `.` never need quotes or a spreadsheet escape, unless the
    /// delimiter is one of them: then the number takes the general path.
    package func appendCell(_ column: Column, row: Int, delimiter: [UInt8], to line: inout [UInt8]) {
        if Self.numbersNeedNoQuotes(delimiter), let number = column.values.number(row) {
            NumberText.append(number, to: &line)
        } else {
            CSVTableWriter.append(cell(column, row: row), delimiter: delimiter, to: &line)
        }
    }

    private static func numbersNeedNoQuotes(_ delimiter: [UInt8]) -> Bool {
        !delimiter.contains { "-.0123456789".utf8.contains($0) }
    }

    /// Appends the GeoJSON property text of a column for the zone at `row`, as ``property(_:row:)``'s `text`.
    package func appendProperty(_ column: Column, row: Int, to bytes: inout [UInt8]) {
        switch column.values {
        case .texts(let values): bytes += JSONValue.string(values[row]).text.utf8
        default:
            let number = column.values.number(row) ?? .nan
            if number.isFinite { NumberText.append(number, to: &bytes) } else { bytes += "null".utf8 }
        }
    }

    /// The GeoJSON property of a column for the zone at `row` (`null` when undefined).
    package func property(_ column: Column, row: Int) -> JSONValue {
        switch column.values {
        case .texts(let values): return .string(values[row])
        default:
            let number = column.values.number(row) ?? .nan
            return number.isNaN ? .null : .number(number)
        }
    }
}
