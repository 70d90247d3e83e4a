import ArgumentParser
import MaillageFormats
import MaillageIO
import MaillageStore

/// `maillage export actors|zones|links|matrix --db DB --out FILE.{csv,geojson}`.
struct ExportCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write actors, zones, links or a travel matrix to CSV or GeoJSON (by the extension of --out).",
        discussion: """
            CSV files use the columns the importers read, so an export imports back unchanged. GeoJSON is \
            RFC 7946 (WGS84 lon/lat, 6 decimals); matrices are CSV only. The file is written whole or not \
            at all. Numbers use '.' as decimal point in every locale, without exponents.
            Example: maillage export actors --db t.db --out actors.csv --delimiter ';'
            """
    )

    @Argument(help: "What to export: actors, zones, links, matrix, or geopackage (everything, for QGIS).")
    var table: ExportSubject

    @Option(help: "The territory database.")
    var db: String

    @Option(help: "The file to write: .csv or .geojson.")
    var out: String

    @Option(help: "CSV field delimiter: ',', ';', '|' or 'tab'.")
    var delimiter = ","

    @Flag(help: "Add the source columns (actors: source_ref, source_x, source_y, source_crs; zones: provenance).")
    var withSource = false

    @Option(help: "The matrix to export, when the database has several.")
    var matrix: String?

    @OptionGroup var geopackage: GeoPackageExportOptions

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if table == .geopackage { return try geopackage.validate(out: out) }
        try geopackage.refuseUnlessGeoPackage()
        guard ExportFormat(path: out) != nil else {
            throw ValidationError("--out must end in .csv or .geojson (got '\(out)').")
        }
        guard CSVOptions.parseDelimiter(delimiter) != nil else {
            throw ValidationError("--delimiter must be ',', ';', '|' or 'tab', not '\(delimiter)'.")
        }
    }

    func execute() throws {
        guard case .table(let table) = table else {
            return try geopackage.export(database: db, out: out, global: global)
        }
        var exporter = TerritoryExporter()
        exporter.delimiter = CSVOptions.parseDelimiter(delimiter) ?? ","
        exporter.includeSource = withSource
        exporter.matrix = matrix
        try OutputGuard.check(output: out, role: "--out", against: OutputGuard.Input.database(db))
        let database = try TerritoryDatabase.open(at: db)
        let summary = try exporter.export(table, from: database, to: out)
        global.status(
            "Exported \(summary.rows) \(summary.table.rawValue == "matrix" ? "pairs" : summary.table.rawValue) to \(summary.path)"
        )
        if let note = summary.note { global.status("  \(note)" + FlagHint.importFlags(summary.importSettings)) }
    }
}
