import Foundation
import MaillageCore
import MaillageFormats
import MaillageStore

/// Stores observed activity per actor, zone or territory and year: `maillage import observed FILE --db DB`.
///
/// `FILE` is one of the SAE tables ``SAEObservedTable`` lists (all years of the file, or those
/// of `--year`), keyed by FINESS site number, or a long table with the columns
/// `scope,subject_id,series,year,value[,source]` for any other observed figure (scope is
/// `actor`, `zone` or `territory`). Values go to the table `observed_value` with their source;
/// importing again replaces the same subject, series, year and source. Sites the territory has
/// not loaded are kept (adding actors later needs no re-import) and counted in a warning.
///
/// Nothing is written unless the whole file reads: one transaction.
public struct ObservedImporter {
    /// Years to keep; empty keeps every year.
    public var years: Set<Int>
    /// Series (columns) to keep from a SAE file; nil keeps the table's default series.
    public var series: [String]?
    /// The source recorded beside each value; nil names the publisher and file.
    public var source: String?

    /// An importer; by default every year, the table's default series, the publisher and file as source.
    public init(years: Set<Int> = [], series: [String]? = nil, source: String? = nil) {
        self.years = years
        self.series = series
        self.source = source
    }

    /// Stores the file's observed values in one transaction, replacing those of the same key.
    public func run(file path: String, into database: TerritoryDatabase) throws -> ImportReport {
        let start = Date()
        var report = ImportReport(file: path, kind: "observed")
        let file = try DelimitedFile(path: path)
        let values: [ObservedValue]
        if let table = SAEObservedTable.detect(file) {
            values = try readSAE(file, table: table, report: &report)
        } else if file.hasColumn("scope"), file.hasColumn("series") {
            values = try readLong(file, report: &report)
        } else {
            throw ImportError(
                file: path, line: 1,
                expected:
                    "a SAE table (AN, nofinesset and PASSU, AUTSU or SMUR: URGENCES2, URGENCES, SMURSAMU) or a long table with the columns scope, subject_id, series, year, value"
            )
        }
        if !years.isEmpty, values.isEmpty {
            throw ImportError(
                file: path, line: nil, field: "AN", value: years.sorted().map(String.init).joined(separator: ","),
                expected: "a year the file has")
        }
        let loaded = try database.transaction { writer in
            var loaded = Set<String>()
            for value in values {
                if try writer.upsert(value) { report.inserted += 1 } else { report.updated += 1 }
                if value.scope == .actor, try writer.actorKind(value.subjectID) != nil {
                    loaded.insert(value.subjectID)
                }
            }
            return loaded
        }
        let subjects = Set(values.filter { $0.scope == .actor }.map(\.subjectID))
        if subjects.count > loaded.count {
            report.warnings.append(
                "\(subjects.count - loaded.count) of \(subjects.count) sites are not actors of this territory (kept for later; calibration uses the \(loaded.count) loaded)"
            )
        }
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    private func readSAE(_ file: DelimitedFile, table: SAEObservedTable, report: inout ImportReport) throws
        -> [ObservedValue]
    {
        let wanted = series ?? table.defaultSeries.filter(file.hasColumn)
        try file.requireColumns(["AN", "nofinesset"] + (series ?? table.requiredSeries))
        let source = self.source ?? "DREES SAE \(table.rawValue) (\(URL(fileURLWithPath: file.path).lastPathComponent))"
        struct Key: Hashable {
            var site: String
            var series: String
            var year: Int
        }
        var sums: [Key: Double] = [:]
        try file.forEachRecord { record in
            report.rowsRead += 1
            let yearText = try record.required("AN")
            guard let year = Int(yearText), (1900...2200).contains(year) else {
                throw record.error("AN", value: yearText, expected: "a year such as 2020")
            }
            guard years.isEmpty || years.contains(year) else {
                report.skip("a year not asked for", line: record.line)
                return
            }
            let site = try SAEYearTable.finessNumber(record, "nofinesset")
            var any = false
            for name in wanted {
                guard let value = try record.double(name) else { continue }
                guard value >= 0 else {
                    throw record.error(name, value: record.string(name), expected: "a count, 0 or more")
                }
                if table.isFlags, value != 0, value != 1 {
                    throw record.error(name, value: record.string(name), expected: "0 or 1")
                }
                let key = Key(site: site, series: name, year: year)
                sums[key] = table.isFlags ? max(sums[key] ?? 0, value) : (sums[key] ?? 0) + value
                any = true
            }
            if !any { report.skip("no value in the series kept", line: record.line, detail: site) }
        }
        return sums.map {
            ObservedValue(
                scope: .actor, subjectID: $0.key.site, series: $0.key.series, year: $0.key.year, value: $0.value,
                source: source)
        }
        .sorted { ($0.subjectID, $0.series, $0.year) < ($1.subjectID, $1.series, $1.year) }
    }

    private func readLong(_ file: DelimitedFile, report: inout ImportReport) throws -> [ObservedValue] {
        try file.requireColumns(["scope", "subject_id", "series", "year", "value"])
        let defaultSource = source ?? URL(fileURLWithPath: file.path).lastPathComponent
        var values: [ObservedValue] = []
        var seen = Set<[String]>()
        try file.forEachRecord { record in
            report.rowsRead += 1
            let scopeText = try record.required("scope")
            guard let scope = ObservedValue.Scope(rawValue: scopeText) else {
                throw record.error("scope", value: scopeText, expected: "actor, zone or territory")
            }
            let yearText = try record.required("year")
            guard let year = Int(yearText), (1900...2200).contains(year) else {
                throw record.error("year", value: yearText, expected: "a year such as 2019")
            }
            guard years.isEmpty || years.contains(year) else {
                report.skip("a year not asked for", line: record.line)
                return
            }
            let value = try record.requiredDouble("value")
            let item = ObservedValue(
                scope: scope, subjectID: try record.required("subject_id"), series: try record.required("series"),
                year: year, value: value, source: record.string("source") ?? defaultSource)
            guard seen.insert([scopeText, item.subjectID, item.series, yearText, item.source]).inserted else {
                throw record.error(
                    "subject_id", value: item.subjectID,
                    expected: "one row per scope, subject, series, year and source; this one repeats an earlier row")
            }
            values.append(item)
        }
        return values
    }
}
