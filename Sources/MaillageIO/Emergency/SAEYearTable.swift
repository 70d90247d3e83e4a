import MaillageFormats

/// The rows of one year of a SAE file (DREES: `BOR;AN;nofinesset;…`).
///
/// SAE extracts stack every year in one file; an import uses one year, the latest unless
/// asked, and the rows of the other years are skipped and counted.
struct SAEYearTable {
    let year: Int
    let records: [Record]

    /// Reads the rows of `year`, or of the latest year in the file when it is nil.
    ///
    /// - Throws: ``ImportError`` when a column is missing, a year is not a number, or the
    ///   file has no row of the year asked for (naming the years it has).
    init(path: String, year wanted: Int?, columns: [String], label: String, report: inout ImportReport) throws {
        let file = try DelimitedFile(path: path)
        try file.requireColumns(["AN", "nofinesset"] + columns)
        var all: [(year: Int, record: Record)] = []
        try file.forEachRecord { record in
            report.rowsRead += 1
            let text = try record.required("AN")
            guard let year = Int(text) else { throw record.error("AN", value: text, expected: "a year such as 2020") }
            all.append((year, record))
        }
        let years = Set(all.map(\.year))
        guard let year = wanted ?? years.max() else {
            throw ImportError(file: path, line: 2, expected: "rows of SAE data under the header; the file has none")
        }
        guard years.contains(year) else {
            let known = years.sorted().map(String.init).joined(separator: ", ")
            throw ImportError(
                file: path, line: nil, field: "AN", value: String(year), expected: "a year the file has: \(known)")
        }
        for (other, record) in all where other != year {
            report.skip("\(label): a year other than \(year)", line: record.line)
        }
        self.year = year
        records = all.filter { $0.year == year }.map(\.record)
    }

    /// A 0/1 flag; an empty cell is 0.
    static func flag(_ record: Record, _ column: String) throws -> Bool {
        switch record.string(column) {
        case nil, "0": false
        case "1": true
        case let other?: throw record.error(column, value: other, expected: "0 or 1")
        }
    }

    /// A FINESS site number; 8 digits (a spreadsheet dropped the leading zero) get it back.
    static func finessNumber(_ record: Record, _ column: String) throws -> String {
        let id = try record.required(column)
        return id.count == 8 && id.allSatisfy(\.isASCIIDigit) ? "0" + id : id
    }
}
