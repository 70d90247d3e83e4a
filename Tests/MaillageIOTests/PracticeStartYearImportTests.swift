import Foundation
import GRDB
import MaillageCore
import MaillageFormats
import MaillageStore
import MaillageTestSupport
import Testing

@testable import MaillageIO

/// `import actors` reads `practice_start_year` (a year, or the year of an RPPS-style date), refuses
/// anything else naming the line and field with nothing written, and `export actors` writes it back.
@Suite struct PracticeStartYearImportTests {
    let folder = try! TemporaryFolder()

    func database() throws -> TerritoryDatabase {
        let database = try TerritoryDatabase.create(at: folder.path("t-\(UUID()).db"))
        try database.save(
            Territory(name: "t", zones: [Zone(id: "Z1", name: "One", point: GeoPoint(longitude: 1, latitude: 43))]))
        return database
    }

    static let header = "id,kind,name,lat,lon,zone_id,capacity.fte,practice_start_year\n"

    @Test func yearsAndDatesAreReadAndExportedBack() throws {
        let database = try database()
        let path = try folder.write(
            "gps.csv",
            Self.header + "g1,gp,A,43.1,1.1,Z1,1,1994\n" + "g2,gp,B,43.2,1.2,Z1,1,1987-09-01\n"
                + "g3,gp,C,43.3,1.3,Z1,1,01/03/2011\n" + "g4,gp,D,43.4,1.4,Z1,1,\n")
        _ = try ActorsImporter().run(file: path, into: database)
        let years = try database.loadTerritory().actors.map {
            "\($0.id):\($0.practiceStartYear.map(String.init) ?? "-")"
        }
        #expect(years == ["g1:1994", "g2:1987", "g3:2011", "g4:-"])
        // Read straight from the file by SQL, not through the store's loading code.
        let stored = try DatabaseQueue(path: database.path).read {
            try String.fetchAll($0, sql: "SELECT coalesce(practice_start_year, '-') FROM actor ORDER BY id")
        }
        #expect(stored == ["1994", "1987", "2011", "-"])
        let exported = folder.path("out.csv")
        _ = try TerritoryExporter().export(.actors, from: database, to: exported)
        let lines = try String(contentsOfFile: exported, encoding: .utf8).split(whereSeparator: \.isNewline)
        #expect(lines.first?.hasSuffix(",practice_start_year") == true)
        #expect(
            lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).last! } == [
                "1994", "1987", "2011", "",
            ])
        // Imported again, the export gives the same territory.
        let again = try TerritoryDatabase.create(at: folder.path("again.db"))
        try again.save(
            Territory(name: "t", zones: [Zone(id: "Z1", name: "One", point: GeoPoint(longitude: 1, latitude: 43))]))
        _ = try ActorsImporter().run(file: exported, into: again)
        #expect(try again.loadTerritory().actors == database.loadTerritory().actors)
    }

    @Test func aTerritoryWithoutYearsExportsTheColumnsItAlwaysHad() throws {
        let database = try database()
        let path = try folder.write("plain.csv", "id,kind,name,lat,lon,zone_id\ng1,gp,A,43.1,1.1,Z1\n")
        _ = try ActorsImporter().run(file: path, into: database)
        let exported = folder.path("plain-out.csv")
        _ = try TerritoryExporter().export(.actors, from: database, to: exported)
        let header = try String(contentsOfFile: exported, encoding: .utf8).split(whereSeparator: \.isNewline).first
        #expect(header == "id,kind,name,lat,lon,zone_id,services")
    }

    @Test(arguments: ["19x4", "1850", "2301", "94", "1994-13", "1994/09/01/02"])
    func aBadYearNamesTheLineAndFieldAndWritesNothing(value: String) throws {
        let database = try database()
        let path = try folder.write(
            "bad-\(UUID()).csv", Self.header + "g1,gp,A,43.1,1.1,Z1,1,1994\n" + "g2,gp,B,43.2,1.2,Z1,1,\(value)\n")
        #expect {
            _ = try ActorsImporter().run(file: path, into: database)
        } throws: { error in
            guard let error = error as? ImportError else { return false }
            return error.file == path && error.line == 3 && error.field == "practice_start_year"
        }
        #expect(try database.loadTerritory().actors.isEmpty)
    }

    /// The GeoPackage's actors layer has the column when some actor has a year, and not otherwise.
    @Test func theGeoPackageActorsLayerCarriesTheYear() throws {
        let point = try GeoPoint(longitude: 1, latitude: 43)
        let zone = try Zone(id: "Z1", name: "One", point: point)
        let with = try Actor(id: "g1", kind: .gp, name: "A", point: point, practiceStartYear: 1990)
        let without = try Actor(id: "g2", kind: .gp, name: "B", point: point)
        let layer = try TerritoryGeoPackage(territory: Territory(name: "t", zones: [zone], actors: [with, without]))
            .actors()
        let column = try #require(layer.fields.firstIndex { $0.name == "practice_start_year" })
        #expect(layer.features.map { "\($0.values[column])" } == ["integer(1990)", "null"])
        let plain = try TerritoryGeoPackage(territory: Territory(name: "t", zones: [zone], actors: [without])).actors()
        #expect(!plain.fields.contains { $0.name == "practice_start_year" })
    }
}
