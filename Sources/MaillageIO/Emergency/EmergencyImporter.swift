import Foundation
import MaillageCore
import MaillageFormats
import MaillageStore

/// Marks the actors that run emergency care: `maillage import emergency FILE --db DB`.
///
/// `FILE` is either the SAE file `URGENCES_<year>.csv` (DREES; columns
/// `BOR;AN;nofinesset;nofinessej;AUTSU;AUTGEN;AUTSAIS;AUTPED;EMG`, every year since 2013 in one
/// file) or the FINESS authorised-activities file (header with `activite`), told apart by their
/// header. SAE flags become services as `EmergencyAuthorisation` documents (`AUTGEN` →
/// `emergency`, `AUTPED` → `paediatric_emergency`); in the FINESS file activity 14 (emergency
/// medicine) gives `emergency` (the file does not say whether the unit is general or
/// paediatric). The year is the latest in the file unless given.
///
/// Optional SAE files of the same year add more: `URGENCES2_<year>.csv` sets the capacity
/// `ed_visits_per_year` from `PASSU` (summed over a site's general and paediatric rows), and
/// `SMURSAMU_<year>.csv` adds `smur` and `samu`. The same `URGENCES2` file given as the
/// short-stay beds file sets `ed_short_stay_beds` from `LIT_UHCD` (a resource, not the visits:
/// the emergency choice model reads it as a department's size without using what validation
/// compares against).
///
/// Sites are matched to actors by FINESS number (`nofinesset`, the actor id the FINESS
/// importer gives). A site with no such actor lies outside the territory: it is skipped and
/// counted, not an error. Services are added to what actors have; nothing is removed.
public struct EmergencyImporter {
    /// The SAE year to read; nil takes the latest year of the main file.
    public var year: Int?
    /// `URGENCES2_<year>.csv`, for the visits.
    public var visitsFile: String?
    /// `SMURSAMU_<year>.csv`, for mobile units.
    public var smurFile: String?
    /// `URGENCES2_<year>.csv`, for the short-stay unit's beds (`LIT_UHCD`).
    public var shortStayBedsFile: String?

    /// An importer; by default the main file's latest year, without the optional files.
    public init(year: Int? = nil, visitsFile: String? = nil, smurFile: String? = nil, shortStayBedsFile: String? = nil)
    {
        self.year = year
        self.visitsFile = visitsFile
        self.smurFile = smurFile
        self.shortStayBedsFile = shortStayBedsFile
    }

    /// Adds emergency services (and visits, mobile units) to matching actors, in one transaction.
    public func run(file path: String, into database: TerritoryDatabase) throws -> ImportReport {
        let start = Date()
        var report = ImportReport(file: path, kind: "emergency")
        var sites: [String: EmergencySiteUpdate] = [:]
        // The FINESS activity file has no year: the SAE side files then use --year or their latest.
        let chosenYear = try readMain(path, into: &sites, report: &report) ?? year
        if let visitsFile { try readVisits(visitsFile, year: chosenYear, into: &sites, report: &report) }
        if let smurFile { try readSmur(smurFile, year: chosenYear, into: &sites, report: &report) }
        if let shortStayBedsFile {
            try readShortStayBeds(shortStayBedsFile, year: chosenYear, into: &sites, report: &report)
        }
        try database.transaction { writer in
            try store(sites, writer: writer, report: &report)
        }
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    /// Reads the SAE or FINESS file; returns the SAE year read (nil for FINESS).
    private func readMain(_ path: String, into sites: inout [String: EmergencySiteUpdate], report: inout ImportReport)
        throws -> Int?
    {
        let file = try DelimitedFile(path: path)
        if file.hasColumn("activite") {
            if let year, visitsFile == nil, smurFile == nil, shortStayBedsFile == nil {
                report.warnings.append("the year \(year) is ignored: the FINESS activity file has no year")
            }
            try readActivities(file, into: &sites, report: &report)
            return nil
        }
        guard file.hasColumn("AUTSU") else {
            // Another SAE table given as the main file: say which setting takes it.
            let other: (note: String, hint: SettingHint)? =
                file.hasColumn("PASSU")
                ? (" (URGENCES2 is the visits file)", SettingHint("visits"))
                : file.hasColumn("SMUR") ? (" (SMURSAMU is the SMUR file)", SettingHint("smur")) : nil
            throw ImportError(
                file: path, line: 1, field: "AUTSU",
                expected: "a column AUTSU: FILE must be the SAE URGENCES file (AN, nofinesset, AUTSU, AUTGEN, AUTPED…) "
                    + "or the FINESS activity file (activite)\(other?.note ?? "")",
                hint: other?.hint)
        }
        let table = try SAEYearTable(
            path: path, year: year, columns: ["AUTSU", "AUTGEN", "AUTPED", "AUTSAIS"], label: "URGENCES",
            report: &report)
        for record in table.records {
            let services = try EmergencyAuthorisation.services(urgences: record)
            guard !services.isEmpty else {
                report.skip(
                    "URGENCES: not authorised for general, paediatric or seasonal emergency care", line: record.line)
                continue
            }
            let id = try SAEYearTable.finessNumber(record, "nofinesset")
            sites[id, default: EmergencySiteUpdate()].services.formUnion(services)
            sites[id, default: EmergencySiteUpdate()].rows.append(("URGENCES", record.line))
        }
        return table.year
    }

    private func readActivities(
        _ file: DelimitedFile, into sites: inout [String: EmergencySiteUpdate], report: inout ImportReport
    ) throws {
        let idColumn = ["numero_finess_etablissement", "nofinesset"].first(where: file.hasColumn) ?? "nofinesset"
        try file.requireColumns([idColumn, "activite"])
        try file.forEachRecord { record in
            report.rowsRead += 1
            let activity = try record.required("activite")
            guard let code = Int(activity) else {
                throw record.error("activite", value: activity, expected: "a FINESS activity code such as 14")
            }
            guard code == EmergencyAuthorisation.finessActivity else {
                report.skip("activity other than 14 (emergency medicine)", line: record.line)
                return
            }
            let id = try SAEYearTable.finessNumber(record, idColumn)
            sites[id, default: EmergencySiteUpdate()].services.insert(EmergencyAuthorisation.emergency)
            sites[id, default: EmergencySiteUpdate()].rows.append(("activities", record.line))
        }
    }

    private func readVisits(
        _ path: String, year: Int?, into sites: inout [String: EmergencySiteUpdate], report: inout ImportReport
    ) throws {
        let table = try SAEYearTable(path: path, year: year, columns: ["PASSU"], label: "URGENCES2", report: &report)
        for record in table.records {
            guard let visits = try record.double("PASSU") else {
                report.skip("URGENCES2: no visits (PASSU empty)", line: record.line)
                continue
            }
            guard visits >= 0 else {
                throw record.error("PASSU", value: String(visits), expected: "a number of visits, 0 or more")
            }
            let id = try SAEYearTable.finessNumber(record, "nofinesset")
            sites[id, default: EmergencySiteUpdate()].visitsPerYear = (sites[id]?.visitsPerYear ?? 0) + visits
            sites[id, default: EmergencySiteUpdate()].rows.append(("URGENCES2", record.line))
        }
    }

    private func readShortStayBeds(
        _ path: String, year: Int?, into sites: inout [String: EmergencySiteUpdate], report: inout ImportReport
    ) throws {
        let table = try SAEYearTable(path: path, year: year, columns: ["LIT_UHCD"], label: "URGENCES2", report: &report)
        for record in table.records {
            // A site without a short-stay unit leaves the cell empty: its size is then unknown, not 0.
            guard let beds = try record.double("LIT_UHCD") else { continue }
            guard beds >= 0 else {
                throw record.error("LIT_UHCD", value: String(beds), expected: "a number of beds, 0 or more")
            }
            let id = try SAEYearTable.finessNumber(record, "nofinesset")
            sites[id, default: EmergencySiteUpdate()].shortStayBeds = (sites[id]?.shortStayBeds ?? 0) + beds
            sites[id, default: EmergencySiteUpdate()].rows.append(("URGENCES2", record.line))
        }
    }

    private func readSmur(
        _ path: String, year: Int?, into sites: inout [String: EmergencySiteUpdate], report: inout ImportReport
    ) throws {
        let table = try SAEYearTable(
            path: path, year: year, columns: ["SMUR", "SAMU"], label: "SMURSAMU", report: &report)
        for record in table.records {
            let services = try EmergencyAuthorisation.services(smurSamu: record)
            guard !services.isEmpty else {
                report.skip("SMURSAMU: neither SMUR nor SAMU", line: record.line)
                continue
            }
            let id = try SAEYearTable.finessNumber(record, "nofinesset")
            sites[id, default: EmergencySiteUpdate()].services.formUnion(services)
            sites[id, default: EmergencySiteUpdate()].rows.append(("SMURSAMU", record.line))
        }
    }

    private func store(_ sites: [String: EmergencySiteUpdate], writer: TerritoryWriter, report: inout ImportReport)
        throws
    {
        var notHospitals: [String] = []
        for (id, site) in sites.sorted(by: { $0.key < $1.key }) {
            guard let kind = try writer.actorKind(id) else {
                for row in site.rows {
                    report.skip(
                        "\(row.label): site not in the database (outside the territory)", line: row.line, detail: id)
                }
                continue
            }
            for service in site.services.sorted() { try writer.addService(service, to: id) }
            if let visits = site.visitsPerYear { try writer.setCapacity(Capacity(.edVisitsPerYear, visits), of: id) }
            if let beds = site.shortStayBeds { try writer.setCapacity(Capacity(.edShortStayBeds, beds), of: id) }
            if kind != .hospital, site.services.contains(EmergencyAuthorisation.emergency) {
                notHospitals.append("\(id) (\(kind))")
            }
            report.updated += 1
        }
        if !notHospitals.isEmpty {
            report.warnings.append(
                "emergency care at actors that are not hospitals: \(notHospitals.joined(separator: ", "))")
        }
    }
}
