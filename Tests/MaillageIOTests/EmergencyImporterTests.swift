import Foundation
import GRDB
import MaillageCore
import MaillageFormats
import MaillageStore
import MaillageTestSupport
import Testing

@testable import MaillageIO

/// The emergency importer on the real SAE 2020 files, matched to the actors of the
/// five-département FINESS stock file, and on small hand-written files.
@Suite struct EmergencyImporterTests {
    let folder = try! TemporaryFolder()

    func write(_ name: String, _ text: String) throws -> String {
        try folder.write(name, text)
    }

    /// The 3,435 establishments of 09, 31, 32, 46 and 81.
    func occitanie() throws -> TerritoryDatabase {
        let database = try TerritoryDatabase.create(at: folder.path("t-\(UUID()).db"))
        _ = try FinessImporter().run(
            file: try SharedData.path("finess/etalab_cs1100507_stock_occitanie5.csv"), into: database)
        return database
    }

    func services(_ database: TerritoryDatabase) throws -> [String: Int] {
        Dictionary(try database.loadTerritory().actors.flatMap(\.services).map { ($0, 1) }, uniquingKeysWith: +)
    }

    /// Expected, joining the 2020 rows with the stock file's establishments:
    /// `awk -F';' 'NR==FNR{if($1=="structureet")s[$2]=1; next} FNR>1 && $2==2020 && ($3 in s) && $5==1 {if($6==1)g++; if($8==1)p++} END{print g, p}' etalab_cs1100507_stock_occitanie5.csv URGENCES_2020.csv`
    /// gives 23 general (AUTGEN) and 1 paediatric (AUTPED: 310016977, Hôpital des enfants);
    /// the same join on URGENCES2_2020.csv (`$10!=""`, sum of `$10`) gives 24 sites and 505,839
    /// visits, Purpan (310783048) 62,231; on SMURSAMU_2020.csv 14 SMUR (`$5==1`) and 5 SAMU (`$12==1`).
    @Test(.enabled(if: SharedData.shouldRun, SharedData.skipMessage))
    func saeFilesMarkTheSitesOfTheTerritory() throws {
        let database = try occitanie()
        let importer = EmergencyImporter(
            visitsFile: try SharedData.path("emergency/URGENCES2_2020.csv"),
            smurFile: try SharedData.path("emergency/SMURSAMU_2020.csv")
        )
        let report = try importer.run(file: try SharedData.path("emergency/URGENCES_2020.csv"), into: database)
        #expect(try services(database) == ["emergency": 23, "paediatric_emergency": 1, "smur": 14, "samu": 5])
        let actors = Dictionary(uniqueKeysWithValues: try database.loadTerritory().actors.map { ($0.id, $0) })
        #expect(actors["310016977"]?.services == ["paediatric_emergency", "smur"])
        #expect(actors["310783048"]?.capacity(.edVisitsPerYear) == (try Capacity(.edVisitsPerYear, 62231)))
        let visits = actors.values.compactMap { $0.capacity(.edVisitsPerYear)?.value }
        #expect(visits.count == 24 && visits.reduce(0, +) == 505_839)
        // `awk -F';' 'FNR>1 && $2==2020' URGENCES_2020.csv | wc -l` = 622 rows in 2020, 24 of them in the territory,
        // one (line 78) authorised for neither general, paediatric nor seasonal care.
        #expect(report.skipped["URGENCES: site not in the database (outside the territory)"] == 622 - 24 - 1)
        #expect(report.skipped["URGENCES: not authorised for general, paediatric or seasonal emergency care"] == 1)

        let again = try importer.run(file: try SharedData.path("emergency/URGENCES_2020.csv"), into: database)
        #expect(again.updated == report.updated)
        #expect(try services(database) == ["emergency": 23, "paediatric_emergency": 1, "smur": 14, "samu": 5])
    }

    /// On the stock file and URGENCES2_2020.csv (LIT_UHCD is the 26th column):
    /// `awk -F';' 'NR==FNR{if($1=="structureet")s[$2]=1; next}
    ///   FNR>1 && $2==2020 && ($3 in s) && $26!="" {n[$3]=1; t+=$26; if($3=="310783048") p+=$26}
    ///   END{print length(n), t, p}'`
    /// gives 24 sites with a LIT_UHCD cell, 162 short-stay beds in all, 34 at Purpan.
    @Test(.enabled(if: SharedData.shouldRun, SharedData.skipMessage))
    func shortStayBedsComeFromLitUHCD() throws {
        let database = try occitanie()
        _ = try EmergencyImporter(shortStayBedsFile: try SharedData.path("emergency/URGENCES2_2020.csv"))
            .run(file: try SharedData.path("emergency/URGENCES_2020.csv"), into: database)
        let actors = try database.loadTerritory().actors
        let beds = actors.compactMap { $0.capacity(.edShortStayBeds)?.value }
        #expect(beds.count == 24 && beds.reduce(0, +) == 162)
        #expect(actors.first { $0.id == "310783048" }?.capacity(.edShortStayBeds)?.value == 34)
        // The visits are not read: no capacity comes from what validation compares against.
        #expect(actors.allSatisfy { $0.capacity(.edVisitsPerYear) == nil })
    }

    /// `awk -F';' 'NR==FNR{if($1=="structureet")s[$2]=1; next} FNR>1 && $2==2016 && ($3 in s) && $5==1 && $6==1' … | wc -l`
    /// gives 22 general departments in 2016, against 23 in 2020 (310026927 is authorised from 2018;
    /// 310780101, authorised in 2016, closed and is not in the 2021 FINESS extract).
    @Test(.enabled(if: SharedData.shouldRun, SharedData.skipMessage))
    func anEarlierYearCanBeChosen() throws {
        let database = try occitanie()
        _ = try EmergencyImporter(year: 2016).run(
            file: try SharedData.path("emergency/URGENCES_2020.csv"), into: database)
        #expect(try services(database)["emergency"] == 22)
    }

    /// `awk -F';' 'NR==FNR{if($1=="structureet")s[$2]=1; next} FNR>1 && $3=="14" && ($1 in s){print $1}' … finess_activites_soins_occitanie5.csv | sort -u | wc -l`
    /// gives 22 sites with activity 14.
    @Test(.enabled(if: SharedData.shouldRun, SharedData.skipMessage))
    func finessActivityFileGivesEmergencyToActivity14() throws {
        let database = try occitanie()
        let report = try EmergencyImporter().run(
            file: try SharedData.path("emergency/finess_activites_soins_occitanie5.csv"), into: database)
        #expect(try services(database) == ["emergency": 22])
        #expect(report.updated == 22)
    }

    @Test func handWrittenSAEFileWithAnOutsideSiteAndAPaddedNumber() throws {
        let database = try TerritoryDatabase.create(at: folder.path("small.db"))
        try database.save(
            Territory(
                name: "s",
                actors: [
                    Actor(
                        id: "090000175", kind: .hospital, name: "CHIVA", point: GeoPoint(longitude: 1.6, latitude: 43.0)
                    )
                ]))
        let file = try write(
            "u.csv",
            "BOR;AN;nofinesset;nofinessej;AUTSU;AUTGEN;AUTSAIS;AUTPED;EMG\n"
                + "URGENCES;2019;90000175;090781774;1;1;0;0;\n"  // leading zero lost in a spreadsheet
                + "URGENCES;2019;750000001;750000000;1;1;0;0;0\n")
        let report = try EmergencyImporter().run(file: file, into: database)
        #expect(
            report.updated == 1 && report.skipped == ["URGENCES: site not in the database (outside the territory)": 1])
        #expect(try database.loadTerritory().actors[0].services == ["emergency"])
    }

    @Test(
        arguments: [
            ("not-sae", "id;name\n1;A\n", nil as String?, 1, "AUTSU"),
            (
                "bad-flag",
                "BOR;AN;nofinesset;nofinessej;AUTSU;AUTGEN;AUTSAIS;AUTPED;EMG\nURGENCES;2020;090000175;x;1;yes;0;0;\n",
                nil, 2, "AUTGEN"
            ),
            (
                "bad-year",
                "BOR;AN;nofinesset;nofinessej;AUTSU;AUTGEN;AUTSAIS;AUTPED;EMG\nURGENCES;20x0;090000175;x;1;1;0;0;\n",
                nil, 2, "AN"
            ),
            (
                "bad-visits",
                "BOR;AN;nofinesset;nofinessej;AUTSU;AUTGEN;AUTSAIS;AUTPED;EMG\nURGENCES;2020;090000175;x;1;1;0;0;\n",
                "BOR;AN;nofinesset;nofinessej;URG;PASSU\nURGENCES2;2020;090000175;x;GEN;many\n", 2, "PASSU"
            ),
            ("empty", "", nil, 1, nil),
        ] as [(String, String, String?, Int, String?)])
    func badInputIsRefusedAndChangesNothing(name: String, text: String, visits: String?, line: Int, field: String?)
        throws
    {
        let database = try TerritoryDatabase.create(at: folder.path("\(name).db"))
        try database.save(
            Territory(
                name: "s",
                actors: [
                    Actor(
                        id: "090000175", kind: .hospital, name: "CHIVA", point: GeoPoint(longitude: 1.6, latitude: 43.0)
                    )
                ]))
        let before = try database.loadTerritory()
        let file = try write("\(name).csv", text)
        let visitsFile = try visits.map { try write("\(name)-visits.csv", $0) }
        #expect {
            _ = try EmergencyImporter(visitsFile: visitsFile).run(file: file, into: database)
        } throws: { error in
            guard let error = error as? ImportError else { return false }
            return error.line == line && (field == nil || error.field == field)
        }
        #expect(try database.loadTerritory() == before)
    }
}
