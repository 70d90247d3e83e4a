import ArgumentParser
import MaillageIO

/// How a travel-time matrix CSV is read: its columns, its time unit, its direction, and the
/// time of a zone to itself; shared by `import matrix` and the one-off studies' `--matrix-file`.
struct MatrixColumnOptions: ParsableArguments {
    @Flag(help: "Each row of the matrix serves only its own direction (road times computed both ways).")
    var directed = false

    @Option(help: "The matrix's origin id column.")
    var originColumn = "origin_id"

    @Option(help: "The matrix's destination id column.")
    var destinationColumn = "destination_id"

    @Option(help: "The matrix's travel time column.")
    var timeColumn = "minutes"

    @Option(help: "Unit of the matrix's time column: min, s or h.")
    var timeUnit: TravelTimeUnit = .minutes

    @Option(help: "Minutes from a zone to itself when the matrix omits that pair.")
    var intrazoneMinutes = 0.0

    func validate() throws {
        guard intrazoneMinutes.isFinite, intrazoneMinutes >= 0 else {
            throw ValidationError("--intrazone-minutes must be 0 or more (got \(intrazoneMinutes)).")
        }
    }

    /// Sets the importer's reading rules to these options.
    func configure(_ importer: inout MatrixImporter) {
        importer.isDirected = directed
        importer.originColumn = originColumn
        importer.destinationColumn = destinationColumn
        importer.timeColumn = timeColumn
        importer.timeUnit = timeUnit
        importer.intrazoneMinutes = intrazoneMinutes
    }
}
