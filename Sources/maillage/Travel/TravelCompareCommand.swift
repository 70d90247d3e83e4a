import ArgumentParser
import Foundation
import MaillageFormats
import MaillageStore
import MaillageTravel

struct TravelCompareCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract:
            "Compare a stored matrix with another or with the line model: error by distance band and population within 15/30/45 min.",
        discussion: """
            Errors are the compared source minus --matrix, over --matrix's pairs (positive bias: the \
            compared source is slower). Bands are geodesic km. Coverage: the share of the population \
            within 15, 30 and 45 minutes of the nearest site of each kind (or, for a zone-to-zone \
            matrix, of each destination zone: mean and largest gap over them) under each source.
            """
    )

    @Option(help: "The reference matrix (road times).")
    var db: String

    @Option(help: "The reference matrix's name.")
    var matrix: String

    @Option(help: "Another matrix's name, or 'line' for the straight-line model in force.")
    var against: String

    @Flag(help: "Print the comparison as JSON on stdout.")
    var json = false

    @Option(help: "Also write the tables as CSV (section,label,…).")
    var out: String?

    @OptionGroup var global: GlobalOptions

    func execute() throws {
        let comparison = TravelComparison(reference: matrix, against: against == "line" ? .line : .matrix(against))
        let report = try comparison.run(on: TerritoryDatabase.open(at: db))
        if let out { try report.writeCSV(to: out) }
        if json {
            print(try JSONText.report(report, nonFinite: .short))
        } else {
            print(text(report), terminator: "")
        }
    }

    private func text(_ report: TravelComparison.Report) -> String {
        var text = "\(report.compared) against \(report.reference): \(report.comparedPairs) pairs"
        if report.missingInCompared > 0 { text += " (\(report.missingInCompared) missing in \(report.compared))" }
        text += "\n\n  distance      pairs   MAE  median   p90   bias (min)\n"
        for (label, s) in report.bandsInOrder {
            text +=
                "  " + label.padded(11)
                + String(format: " %7d %5.1f %7.1f %5.1f %6.1f\n", s.pairs, s.mae, s.median, s.p90, s.bias)
        }
        if !report.coverage.isEmpty {
            text += "\n  population within (%)          minutes  \(report.reference)  \(report.compared)\n"
            for c in report.coverage {
                text +=
                    "  " + c.sites.padded(30) + String(format: " %5.0f %8.1f %8.1f", c.minutes, c.reference, c.compared)
                if let meanGap = c.meanGap, let largest = c.largestGap {
                    text += String(format: "   gap mean %.1f, largest %.1f points", meanGap, largest)
                }
                text += "\n"
            }
        }
        return text
    }
}
