import MaillageFormats

extension TravelComparison.Report {
    /// The error summaries in reading order: each distance band present, then all pairs.
    public var bandsInOrder: [(label: String, summary: ErrorSummary)] {
        DistanceBand.labels.compactMap { label in bands[label].map { (label, $0) } } + [("all", all)]
    }

    /// The comparison's tables as one CSV file: `error` rows per distance band, then `coverage` rows.
    public func writeCSV(to path: String) throws {
        try CSVFile.write(header: Self.csvHeader, rows: csvRows, to: path)
    }

    /// The CSV's header: a section, its label, then the columns of both sections (empty where they do not apply).
    static let csvHeader = [
        "section", "label", "minutes", "pairs", "mae", "median", "p90", "bias", "reference_share", "compared_share",
        "mean_gap", "largest_gap",
    ]

    /// The CSV's rows, numbers in Swift's shortest round-trip text as the file always had them.
    var csvRows: [[String]] {
        let errors = bandsInOrder.map { label, s in
            [
                "error", label, "", String(s.pairs), String(s.mae), String(s.median), String(s.p90), String(s.bias),
                "", "", "", "",
            ]
        }
        let shares = coverage.map { c in
            [
                "coverage", c.sites, String(c.minutes), "", "", "", "", "", String(c.reference), String(c.compared),
                c.meanGap.map { String($0) } ?? "", c.largestGap.map { String($0) } ?? "",
            ]
        }
        return errors + shares
    }
}
