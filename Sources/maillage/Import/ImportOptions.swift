import ArgumentParser
import MaillageFormats
import MaillageIO

/// Options shared by every importer.
struct ImportOptions: ParsableArguments {
    @Argument(help: "The file to import.")
    var file: String

    @Option(help: "The territory database to load into (create it with 'maillage init').")
    var db: String

    @Flag(help: "Print the import report as JSON.")
    var json = false
}

/// Options of importers that read delimited text.
struct CSVReadingOptions: ParsableArguments {
    @Option(help: "Field delimiter: ',', ';', '|' or 'tab' (detected when absent).")
    var delimiter: String?

    @Option(help: "Text encoding: utf-8 or latin1 (detected when absent).")
    var encoding: String?

    func csvOptions() throws -> CSVOptions {
        var options = CSVOptions()
        if let delimiter {
            guard let scalar = CSVOptions.parseDelimiter(delimiter) else {
                throw ValidationError("--delimiter must be ',', ';', '|' or 'tab', not '\(delimiter)'.")
            }
            options.delimiter = scalar
        }
        if let encoding {
            guard let parsed = TextEncoding.parse(encoding) else {
                throw ValidationError("--encoding must be utf-8 or latin1, not '\(encoding)'.")
            }
            options.encoding = parsed
        }
        return options
    }
}
