import Foundation
import MaillageCore
import MaillageFormats
import MaillageStore
import MaillageTestSupport
import Testing

@testable import MaillageIO

@Suite struct SupplyCountsImporterTests {
    let folder = try! TemporaryFolder()

    func write(_ name: String, _ text: String) throws -> String {
        try folder.write(name, text)
    }

    func emptyDatabase() throws -> TerritoryDatabase { try TerritoryDatabase.create(at: folder.path("t-\(UUID()).db")) }

    @Test(.enabled(if: SharedData.shouldRun, SharedData.skipMessage))
    func sireneCountsBecomeOneGPActorPerCommune() throws {
        let database = try emptyDatabase()
        let attributes = try SharedData.path("communes/communes_occitanie5_attributes.csv")
        _ = try ZonesImporter(columns: ZonesImporterTests.attributesColumns).run(file: attributes, into: database)
        let report = try SupplyCountsImporter(
            kind: .gp, column: "gp_establishments_sirene_2019", idColumn: "code_insee"
        )
        .run(file: attributes, into: database)
        // awk -F, 'NR>1 && $12+0>0{n++; s+=$12} END{print n, s}' communes_occitanie5_attributes.csv   → 455 3616
        #expect(report.inserted == 455)
        let actors = try database.loadTerritory().actors
        #expect(actors.count == 455 && actors.allSatisfy { $0.kind == .gp })
        #expect(actors.reduce(0) { $0 + ($1.capacity(.fte)?.value ?? 0) } == 3616)
        // grep '^31555,' communes_occitanie5_attributes.csv → gp_establishments_sirene_2019 1082.0, lat 43.6002, lon 1.4288
        let toulouse = try #require(actors.first { $0.id == "gp@31555" })
        #expect(toulouse.name == "GP (31555 Toulouse)")
        #expect(toulouse.zoneID == "31555" && toulouse.capacity(.fte)?.value == 1082)
        #expect(toulouse.point == (try GeoPoint(longitude: 1.4288, latitude: 43.6002)))

        // The SIRENE file by commune (same source, SIRENE's own id column) updates the same actors:
        // awk -F, 'NR>1 && $8+0>0{n++; s+=$8} END{print n, s}' sirene2019_etab_sante_par_commune_occitanie5.csv → 455 3616
        let sirene = try SupplyCountsImporter(kind: .gp, column: "generaliste")
            .run(file: SharedData.path("gp/sirene2019_etab_sante_par_commune_occitanie5.csv"), into: database)
        #expect(sirene.inserted == 0 && sirene.updated == 455)
        #expect(try database.summary().actors == 455)
    }

    @Test func zeroCountsRemoveStaleActorsAndUnknownZonesAreSkipped() throws {
        let database = try emptyDatabase()
        _ = try ZonesImporter().run(
            file: write("z.csv", "id,name,lat,lon\n31001,Alpha,43.5,1.5\n31002,Beta,43.6,1.6\n"), into: database)
        let first = try write("c1.csv", "code_insee,nom,n\n31001,Alpha,2\n31002,Beta,3\n99999,Nowhere,4\n")
        let report = try SupplyCountsImporter(kind: .pharmacy, column: "n", measure: .places).run(
            file: first, into: database)
        #expect(report.inserted == 2)
        #expect(report.skippedExamples["zone id matches no zone"] == ["line 4: 99999 Nowhere"])
        let second = try write("c2.csv", "code_insee,nom,n\n31001,Alpha,0\n31002,Beta,5\n")
        let again = try SupplyCountsImporter(kind: .pharmacy, column: "n", measure: .places).run(
            file: second, into: database)
        #expect(again.updated == 1)
        #expect(again.warnings.contains { $0.hasPrefix("removed 1 aggregated pharmacy") })
        let actors = try database.loadTerritory().actors
        #expect(actors.map(\.id) == ["pharmacy@31002"])
        #expect(actors[0].name == "Pharmacy (31002 Beta)" && actors[0].capacity(.places)?.value == 5)
    }

    @Test func badCountsChangeNothing() throws {
        let database = try emptyDatabase()
        _ = try ZonesImporter().run(file: write("z.csv", "id,name,lat,lon\n31001,Alpha,43.5,1.5\n"), into: database)
        let before = try database.loadTerritory()
        for text in ["id,n\n31001,-1\n", "id,n\n31001,two\n", "id,n\n31001,1\n31001,2\n", "id,m\n31001,1\n"] {
            #expect(throws: ImportError.self) {
                _ = try SupplyCountsImporter(kind: .gp, column: "n").run(file: write("bad.csv", text), into: database)
            }
            #expect(try database.loadTerritory() == before)
        }
    }
}
