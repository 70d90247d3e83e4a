import Foundation
import MaillageIO

/// Prints an import report: JSON on stdout with `--json`, else a summary on stderr.
enum ReportPrinter {
    static func show(_ report: ImportReport, json: Bool, global: GlobalOptions) throws {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            global.status(report.summary)
        }
    }
}
