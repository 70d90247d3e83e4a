import Foundation
import GRDB
import MaillageCore
import MaillageFormats
import MaillageStore
import MaillageTestSupport
import Testing

@testable import MaillageIO

/// `import observed` on the real SAE files (every French site, 2013–2020) and on small hand-written files.
@Suite struct ObservedImporterTests {
    let folder = try! TemporaryFolder()

    func emptyDatabase() throws -> TerritoryDatabase {
        try TerritoryDatabase.create(at: folder.path("o-\(UUID()).db"))
    }

    /// Expected values from the file with awk, independently of the importer:
    /// `awk -F';' 'FNR>1 && $2==2019 && $10!=""{print $3}' URGENCES2_2020.csv | sort -u | wc -l` = 626 sites,
    /// `awk -F';' 'FNR>1 && $2==2019 {s+=$10} END{print s}'` = 22,036,125 visits (dt80: 2,007,238 over 565 sites);
    /// Purpan (310783048, general + paediatric rows) 2019: PASSU 78,104, dt80 8,419, dtMCO 11,233.
    @Test(.enabled(if: SharedData.shouldRun, SharedData.skipMessage))
    func urgences2KeepsEverySiteAndYearAsked() throws {
        let database = try emptyDatabase()
        let path = try SharedData.path("emergency/URGENCES2_2020.csv")
        let report = try ObservedImporter(years: [2018, 2019]).run(file: path, into: database)
        let visits = try database.observedValues(series: "PASSU", year: 2019)
        #expect(visits.count == 626)
        #expect(visits.map(\.value).reduce(0, +) == 22_036_125)
        let old = try database.observedValues(series: "dt80", year: 2019)
        #expect(old.count == 565 && old.map(\.value).reduce(0, +) == 2_007_238)
        let purpan = Dictionary(
            uniqueKeysWithValues: try database.observedValues(year: 2019).filter { $0.subjectID == "310783048" }.map {
                ($0.series, $0.value)
            })
        #expect(purpan["PASSU"] == 78104 && purpan["dt80"] == 8419 && purpan["dtMCO"] == 11233)
        #expect(visits.allSatisfy { $0.source == "DREES SAE URGENCES2 (URGENCES2_2020.csv)" && $0.scope == .actor })
        // 2018: the same awk with $2==2018 gives 636 sites with PASSU; other years are skipped, not stored.
        #expect(try database.observedValues(series: "PASSU", year: 2018).count == 636)
        #expect(try database.observedValues(year: 2020).isEmpty)
        #expect(report.skipped["a year not asked for"] ?? 0 > 0)

        let again = try ObservedImporter(years: [2018, 2019]).run(file: path, into: database)
        #expect(again.inserted == 0 && again.updated == report.inserted)
    }

    /// Only the 24 sites of the five-département FINESS extract are "loaded" (as the emergency
    /// importer's test shows with awk: 24 sites, 505,839 visits in 2020).
    @Test(.enabled(if: SharedData.shouldRun, SharedData.skipMessage))
    func loadedSitesAreThoseOfTheTerritory() throws {
        let database = try emptyDatabase()
        _ = try FinessImporter().run(
            file: try SharedData.path("finess/etalab_cs1100507_stock_occitanie5.csv"), into: database)
        let report = try ObservedImporter(years: [2020]).run(
            file: try SharedData.path("emergency/URGENCES2_2020.csv"), into: database)
        let loaded = try database.observedValues(series: "PASSU", year: 2020, loadedOnly: true)
        #expect(loaded.count == 24 && loaded.map(\.value).reduce(0, +) == 505_839)
        #expect(
            report.warnings.contains { $0.contains("calibration uses the 24 loaded") }
                || report.warnings.contains { $0.contains("loaded") })
    }

    /// `awk -F';' 'FNR>1 && $2==2020 && $5==1' SMURSAMU_2020.csv | wc -l` and the URGENCES flags.
    @Test(.enabled(if: SharedData.shouldRun, SharedData.skipMessage))
    func smurAndAuthorisationFiles() throws {
        let database = try emptyDatabase()
        _ = try ObservedImporter(years: [2020]).run(
            file: try SharedData.path("emergency/SMURSAMU_2020.csv"), into: database)
        _ = try ObservedImporter(years: [2020]).run(
            file: try SharedData.path("emergency/URGENCES_2020.csv"), into: database)
        let smur = try database.observedValues(series: "SMUR", year: 2020).filter { $0.value == 1 }.count
        let autsu = try database.observedValues(series: "AUTSU", year: 2020).filter { $0.value == 1 }.count
        #expect(smur == Self.awkCount(file: "SMURSAMU_2020.csv", column: 5))
        #expect(autsu == Self.awkCount(file: "URGENCES_2020.csv", column: 5))
    }

    /// Distinct sites of 2020 with a 1 in `column`, counted by reading the file here, not through the importer.
    static func awkCount(file: String, column: Int) -> Int {
        guard let text = try? String(contentsOfFile: SharedData.path("emergency/\(file)"), encoding: .utf8) else {
            return -1
        }
        var sites = Set<String>()
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ";", omittingEmptySubsequences: false)
            if fields[1] == "2020", fields[column - 1] == "1" { sites.insert(String(fields[2])) }
        }
        return sites.count
    }

    @Test func aBadNumberNamesFileLineAndFieldAndWritesNothing() throws {
        let database = try emptyDatabase()
        let good = try folder.write(
            "good.csv", "BOR;AN;nofinesset;nofinessej;PASSU;dt80\nURGENCES2;2019;010000024;x;100;20\n")
        _ = try ObservedImporter().run(file: good, into: database)
        let bad = try folder.write(
            "bad.csv",
            """
            BOR;AN;nofinesset;nofinessej;PASSU;dt80
            URGENCES2;2019;010000032;x;300;40
            URGENCES2;2019;010000040;x;500;lots

            """)
        let error = #expect(throws: ImportError.self) { try ObservedImporter().run(file: bad, into: database) }
        #expect(error?.line == 3 && error?.field == "dt80" && error?.file == bad)
        #expect(try database.observedValues().count == 2)
    }

    @Test func rowsOfOneSiteAreSummedAndANegativeCountIsRefused() throws {
        let database = try emptyDatabase()
        let file = try folder.write(
            "two.csv", "BOR;AN;nofinesset;nofinessej;PASSU;dt80\nU;2019;10000024;x;100;20\nU;2019;010000024;x;50;\n")
        _ = try ObservedImporter().run(file: file, into: database)
        let values = try database.observedValues()
        #expect(values.map(\.series) == ["PASSU", "dt80"] && values.map(\.value) == [150, 20])
        #expect(values.allSatisfy { $0.subjectID == "010000024" })
        let negative = try folder.write("neg.csv", "BOR;AN;nofinesset;nofinessej;PASSU\nU;2019;010000024;x;-3\n")
        let error = #expect(throws: ImportError.self) { try ObservedImporter().run(file: negative, into: database) }
        #expect(error?.field == "PASSU" && error?.line == 2)
    }

    @Test func longTableWithScopesAndARepeatedRow() throws {
        let database = try emptyDatabase()
        let file = try folder.write(
            "long.csv", "scope,subject_id,series,year,value\nzone,31555,visits,2019,12\nterritory,all,visits,2019,40\n")
        let report = try ObservedImporter().run(file: file, into: database)
        #expect(report.inserted == 2)
        #expect(try database.observedValues(series: "visits").map(\.scope) == [.territory, .zone])
        let repeated = try folder.write(
            "rep.csv", "scope,subject_id,series,year,value\nzone,a,v,2019,1\nzone,a,v,2019,2\n")
        let error = #expect(throws: ImportError.self) { try ObservedImporter().run(file: repeated, into: database) }
        #expect(error?.line == 3)
        let scope = try folder.write("scope.csv", "scope,subject_id,series,year,value\nregion,a,v,2019,1\n")
        let scopeError = #expect(throws: ImportError.self) { try ObservedImporter().run(file: scope, into: database) }
        #expect(scopeError?.field == "scope" && scopeError?.line == 2)
    }
}
