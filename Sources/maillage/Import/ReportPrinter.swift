import Foundation
import MaillageFormats
import MaillageIO

/// Prints an import report: JSON on stdout with `--json`, else a summary on stderr.
enum ReportPrinter {
    static func show(_ report: ImportReport, json: Bool, global: GlobalOptions) throws {
        if json {
            print(try JSONText.report(report))
        } else {
            global.status(report.summary)
        }
    }
}
