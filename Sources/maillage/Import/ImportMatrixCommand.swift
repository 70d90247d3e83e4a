import ArgumentParser
import MaillageIO
import MaillageStore

struct ImportMatrixCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "matrix",
        abstract: "Import a travel-time matrix (one row per origin-destination pair) between zones and actors.",
        discussion: """
            Ids are looked up among the zones and actors already in the database; rows whose ids match \
            nothing are skipped and counted. By default a row a -> b also gives b -> a unless the file \
            has b -> a itself; with --directed each row serves only its own direction. Pairs absent are \
            unreachable, except a zone's own pair, which gets --intrazone-minutes. Importing the same \
            --name again replaces the matrix.
            Example (OSRM table): maillage import matrix osrm.csv --db t.db --time-column duration \
            --time-unit s --distance-column distance --distance-unit m
            """
    )

    @OptionGroup var common: ImportOptions
    @OptionGroup var reading: CSVReadingOptions

    @Option(help: "The matrix's name (default: the file's name without extension).")
    var name: String?

    @OptionGroup var columns: MatrixColumnOptions

    @Option(help: "Look origin ids up among zones or actors only (zones|actors).")
    var origins: EndpointKindArgument?

    @Option(help: "Look destination ids up among zones or actors only (zones|actors).")
    var destinations: EndpointKindArgument?

    @Option(help: "The distance column (default: km when the file has it).")
    var distanceColumn: String?

    @Option(help: "Unit of the distance column: km or m.")
    var distanceUnit: TravelDistanceUnit = .kilometres

    @Flag(
        help:
            "Store the matrix even when no row gives a pair (it would replace a matrix of the same name with nothing).")
    var allowEmpty = false

    @OptionGroup var global: GlobalOptions

    func execute() throws {
        let csv = try reading.csvOptions()
        var importer = MatrixImporter()
        importer.name = name
        columns.configure(&importer)
        importer.origins = origins?.kind
        importer.destinations = destinations?.kind
        importer.distanceColumn = distanceColumn
        importer.distanceUnit = distanceUnit
        importer.delimiter = csv.delimiter
        importer.encoding = csv.encoding
        importer.allowEmpty = allowEmpty
        let progress = ProgressBar(
            estimatedTotal: ProgressBar.estimatedLines(of: common.file), unit: "rows", global: global)
        importer.onProgress = progress.update
        let report = try importer.run(file: common.file, into: TerritoryDatabase.open(at: common.db))
        progress.finish()
        try ReportPrinter.show(report, json: common.json, global: global)
    }
}
