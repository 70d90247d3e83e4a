import MaillageCore
import MaillageFormats
import MaillageStore

/// Where a matrix file's columns are, and how to read one row's values.
struct MatrixLayout {
    /// An id column and what it holds.
    struct Column {
        let name: String
        let position: Int
        /// `origin` or `destination`, for messages.
        let role: String
        /// The kind its ids are looked up among, when the command line said.
        let kind: TravelEndpoint.Kind?
    }

    /// One row's values, checked and converted.
    struct Row {
        let origin: String
        let destination: String
        /// nil when the cell is empty.
        let minutes: Double?
        let km: Double?
    }

    let file: String
    let origin: Column
    let destination: Column
    let time: (name: String, position: Int, unit: TravelTimeUnit)
    let distance: (name: String, position: Int, unit: TravelDistanceUnit)?

    init(reader: ByteCSVReader, importer: MatrixImporter) throws {
        file = reader.path
        func position(_ column: String, role: String) throws -> Int {
            guard let position = reader.position(of: column) else {
                let delimiter = Unicode.Scalar(reader.delimiter).escaped(asASCII: true)
                throw ImportError(
                    file: reader.path, line: 1, field: column,
                    expected: "a column '\(column)' (or name the \(role) column); "
                        + "the header has \(reader.header.joined(separator: ", ")) (delimiter '\(delimiter)')",
                    hint: SettingHint("\(role)_column")
                )
            }
            return position
        }
        origin = Column(
            name: importer.originColumn, position: try position(importer.originColumn, role: "origin"), role: "origin",
            kind: importer.origins
        )
        destination = Column(
            name: importer.destinationColumn, position: try position(importer.destinationColumn, role: "destination"),
            role: "destination", kind: importer.destinations
        )
        time = (importer.timeColumn, try position(importer.timeColumn, role: "time"), importer.timeUnit)
        if let column = importer.distanceColumn {
            distance = (column, try position(column, role: "distance"), importer.distanceUnit)
        } else {
            distance = reader.position(of: "km").map { ("km", $0, importer.distanceUnit) }
        }
    }

    /// Reads a row: both ids present, a time (or an empty cell) and a distance 0 or more.
    func read(_ record: ByteRecord) throws -> Row {
        guard let originID = record.string(origin.position) else {
            throw ImportError(
                file: file, line: record.line, field: origin.name, expected: "an origin id; the cell is empty")
        }
        guard let destinationID = record.string(destination.position) else {
            throw ImportError(
                file: file, line: record.line, field: destination.name, expected: "a destination id; the cell is empty")
        }
        var minutes: Double?
        if !record.isEmpty(time.position) {
            guard let value = record.double(time.position), value >= 0 else {
                throw ImportError(
                    file: file, line: record.line, field: time.name, value: record.string(time.position),
                    expected: "a travel time in \(time.unit.rawValue), a number 0 or more")
            }
            minutes = time.unit.minutes(value)
        }
        var km: Double?
        if let distance, !record.isEmpty(distance.position) {
            guard let value = record.double(distance.position), value >= 0 else {
                throw ImportError(
                    file: file, line: record.line, field: distance.name, value: record.string(distance.position),
                    expected: "a distance in \(distance.unit.rawValue), a number 0 or more")
            }
            km = distance.unit.kilometres(value)
        }
        return Row(origin: originID, destination: destinationID, minutes: minutes, km: km)
    }
}
