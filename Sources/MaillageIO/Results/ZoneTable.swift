import MaillageCore

/// Values per zone, ready to be written: `zone_id` first, then each column.
///
/// Accessibility and simulation results share this shape; a NaN number is an undefined
/// value and is written as an empty CSV cell or a GeoJSON `null`, never as 0.
public struct ZoneTable: Sendable {
    public var zoneIDs: [String]
    public var columns: [Column]

    public enum Values: Sendable {
        case numbers([Double])
        case texts([String?])
    }

    public struct Column: Sendable {
        public var name: String
        public var values: Values

        public init(name: String, values: Values) {
            self.name = name
            self.values = values
        }
    }

    public init(zoneIDs: [String], columns: [Column]) {
        self.zoneIDs = zoneIDs
        self.columns = columns
    }

    /// The cell of a column for the zone at `row`, as text ("" when undefined).
    func cell(_ column: Column, row: Int) -> String {
        switch column.values {
        case let .numbers(values): values[row].isNaN ? "" : NumberFormat.plain(values[row])
        case let .texts(values): values[row] ?? ""
        }
    }
}

/// How numbers are written in every file Maillage produces.
public enum NumberFormat {
    /// The shortest text that reads back as the same double, in the C locale (`0.1`, `2800.0`,
    /// `1.5e-05`), identical on every machine.
    public static func plain(_ value: Double) -> String {
        value == 0 ? "0.0" : "\(value)"
    }
}
