import Foundation
import MaillageCore
import MaillageFormats
import MaillageStore
import MaillageTestSupport
import Testing

@testable import MaillageIO

@Suite struct PopulationImporterTests {
    let folder = try! TemporaryFolder()

    func write(_ name: String, _ text: String) throws -> String {
        try folder.write(name, text)
    }

    func emptyDatabase() throws -> TerritoryDatabase { try TerritoryDatabase.create(at: folder.path("t-\(UUID()).db")) }

    /// The 2,000 Occitanie zones of the attributes file (09255 has no position).
    func occitanie() throws -> TerritoryDatabase {
        let database = try emptyDatabase()
        _ = try ZonesImporter(columns: ZonesImporterTests.attributesColumns)
            .run(file: SharedData.path("communes/communes_occitanie5_attributes.csv"), into: database)
        return database
    }

    @Test(.enabled(if: SharedData.shouldRun, SharedData.skipMessage))
    func nationalFileJoinsOntoOccitanieAndReportsTheRestOfFrance() throws {
        let database = try occitanie()
        let report = try PopulationImporter().run(
            file: SharedData.path("communes/donnees_communes.csv"), into: database)
        // awk -F';' 'NR==FNR{if(FNR>1){split($0,a,",");z[a[1]]=1};next} FNR>1 && ($7 in z){n++; s+=$9} END{print n, s, FNR-1-n}' \
        //     communes_occitanie5_attributes.csv donnees_communes.csv      → 1995 2393660 32905
        #expect(report.rowsRead == 34_900)
        #expect(report.updated == 1995)
        #expect(report.skipped == ["code matches no zone": 32_905])
        #expect(report.skippedExamples["code matches no zone"]?.first == "line 2: 01001 L'Abergement-Clémenciat")
        // The five zones of the attributes file whose codes have gone by 2023 keep their 2021 figures.
        #expect(report.warnings.contains { $0.hasPrefix("5 zone(s) are not in the file") })
        let zones = try database.loadTerritory().zones
        let joined = zones.filter { $0.provenance?.contains("population: donnees_communes.csv (PMUN)") == true }
        #expect(joined.count == 1995)
        #expect(joined.reduce(0) { $0 + $1.population.total } == 2_393_660)
    }

    @Test(.enabled(if: SharedData.shouldRun, SharedData.skipMessage))
    func pyramidEstimateKeepsTotalsAndTheCommunes75PlusShare() throws {
        let database = try occitanie()
        let pyramid = try AgePyramid(
            path: SharedData.path("population/pop_dep_sexe_age5_occitanie5_1975_2021.csv"), year: 2021)
        let report = try PopulationImporter(
            columns: ZoneColumns(id: "code_insee", population: "population_2021"), pyramid: pyramid,
            over75Column: "pct_75plus_rp2020"
        ).run(file: SharedData.path("communes/communes_occitanie5_attributes.csv"), into: database)
        // Every zone gets bands; 09255 (no position, so no zone) is skipped. Five communes have a population but no
        // 75+ share (awk -F, '$4!="" && $5==""' communes_occitanie5_attributes.csv → 09287 32067 32260 32413 46217):
        // they get the plain département proportions.
        #expect(report.updated == 2000)
        #expect(report.skipped == ["code matches no zone": 1])
        let senconac = try #require(try database.loadTerritory().zones.first { $0.id == "09287" })
        #expect(senconac.provenance?.contains("75+ figure") == false)
        let territory = try database.loadTerritory()
        for zone in territory.zones where !zone.population.byBand.isEmpty {
            let sum = zone.population.byBand.values.reduce(0, +)
            #expect(abs(sum - zone.population.total) < 1e-6, "zone \(zone.id)")
        }
        // grep '^31555,' communes_occitanie5_attributes.csv → population_2021 504078, pct_75plus_rp2020 0.06446355740554556
        let toulouse = try #require(territory.zones.first { $0.id == "31555" })
        let over75 = 0.06446355740554556 * 504_078
        #expect(abs(try #require(toulouse.population[AgeBand(id: "75+")]) - over75) < 1e-6)
        // Haute-Garonne 2021, men + women by INSEE band:
        //   awk -F, '$1==2021 && $2=="31" && $4!="ensemble" && $5!="total"{split($5,r,/[-+]/); lo=r[1]+0;
        //     b=(lo<15?"0-14":lo<30?"15-29":lo<45?"30-44":lo<60?"45-59":lo<75?"60-74":"75+"); s[b]+=$6} END{for(k in s) print k, s[k]}'
        //   → 0-14 249464, 15-29 300695, 30-44 287592, 45-59 270425, 60-74 204334, 75+ 112405
        let under75 = 249_464.0 + 300_695 + 287_592 + 270_425 + 204_334
        let expected014 = (504_078 - over75) * 249_464 / under75
        #expect(abs(try #require(toulouse.population[AgeBand(id: "0-14")]) - expected014) < 1e-6)
        #expect(toulouse.provenance?.contains("age bands: estimated from INSEE département 31 pyramid 2021") == true)
        #expect(toulouse.provenance?.contains("75+ figure (pct_75plus_rp2020)") == true)
    }

    @Test func estimatorByHand() throws {
        let bands = AgeBand.insee
        let pyramid = Dictionary(uniqueKeysWithValues: zip(bands, [10.0, 20, 30, 20, 10, 10]))
        // Without a 75+ figure: 200 people in the pyramid's proportions (10 % … 10 %).
        let plain = AgeBandEstimator.estimate(total: 200, pyramid: pyramid, over75: nil)
        #expect(plain[bands[0]] == 20 && plain[bands[2]] == 60 && plain[bands[5]] == 20)
        // With 50 people aged 75+: the other 150 split 10:20:30:20:10 (sum 90).
        let adjusted = AgeBandEstimator.estimate(total: 200, pyramid: pyramid, over75: 50)
        #expect(adjusted[bands[5]] == 50)
        #expect(abs(adjusted[bands[2]]! - 150 * 30 / 90) < 1e-12)
        #expect(abs(adjusted.values.reduce(0, +) - 200) < 1e-9)
    }

    @Test func codeMapSumsMergedCommunesAndReportsUnknownCodesWithNames() throws {
        let database = try emptyDatabase()
        _ = try ZonesImporter().run(
            file: write("z.csv", "id,name,lat,lon\n31001,New town,43.5,1.5\n31003,Other,43.6,1.6\n"), into: database)
        let file = try write(
            "p.csv", "COM;Commune;PMUN\n31001;Old A;100\n31002;Old B;50\n31003;Other;7\n75056;Paris;2100000\n")
        let map = try write("map.csv", "old_code,new_code\n31002,31001\n")
        let report = try PopulationImporter(codeMap: CodeMap(path: map)).run(file: file, into: database)
        #expect(report.updated == 2)
        #expect(report.skipped == ["code matches no zone": 1])
        #expect(report.skippedExamples["code matches no zone"] == ["line 5: 75056 Paris"])
        let zones = try database.loadTerritory().zones
        #expect(zones.first { $0.id == "31001" }?.population.total == 150)
        #expect(zones.first { $0.id == "31003" }?.population.total == 7)
    }

    @Test func badPopulationFilesChangeNothing() throws {
        let database = try emptyDatabase()
        _ = try ZonesImporter().run(
            file: write("z.csv", "id,name,lat,lon,population\n31001,A,43.5,1.5,10\n"), into: database)
        let before = try database.loadTerritory()
        for (name, text, line) in [
            ("negative", "id,population\n31001,-3\n", 2),
            ("not-a-number", "id,population\n31001,lots\n", 2),
            ("duplicate", "id,population\n31001,3\n31001,4\n", 3),
            ("share-above-one", "id,population,pct_75plus\n31001,3,1.5\n", 2),
        ] {
            let file = try write("\(name).csv", text)
            let pyramid = AgePyramid(
                path: "p.csv", year: 2021,
                counts: ["31": Dictionary(uniqueKeysWithValues: zip(AgeBand.insee, [1.0, 1, 1, 1, 1, 1]))])
            let importer = PopulationImporter(
                pyramid: pyramid, over75Column: name == "share-above-one" ? "pct_75plus" : nil)
            #expect("\(name)") {
                _ = try importer.run(file: file, into: database)
            } throws: { error in
                (error as? ImportError)?.line == line && (error as? ImportError)?.file == file
            }
            #expect(try database.loadTerritory() == before, "\(name)")
        }
    }
}
