import Foundation
import GRDB
import MaillageCore
import MaillageFormats
import MaillageStore
import MaillageTestSupport
import Testing

@testable import MaillageIO

@Suite struct ActorsImporterTests {
    let folder = try! TemporaryFolder()

    func write(_ name: String, _ text: String, encoding: String.Encoding = .utf8) throws -> String {
        try folder.write(name, text, encoding: encoding)
    }

    func emptyDatabase() throws -> TerritoryDatabase { try TerritoryDatabase.create(at: folder.path("t-\(UUID()).db")) }

    @Test func readsQuotedFieldsProjectedCoordinatesAndCapacities() throws {
        let file = try write(
            "a.csv",
            "id;kind;name;x;y;capacity.fte;capacity.beds;capacity.beds.estimated;services\n"
                + "h1;hospital;\"CHU; Purpan\";574000;6280000;;2800;1;emergency|smur\n"
                + "g1;gp;\"Dr \"\"A\"\"\nsecond line\";570937.8;6279882.9;0,8;;;\n")
        let database = try emptyDatabase()
        let report = try ActorsImporter(crs: "EPSG:2154").run(file: file, into: database)
        #expect(report.rowsRead == 2 && report.inserted == 2)
        let actors = try database.loadTerritory().actors
        let hospital = try #require(actors.first { $0.id == "h1" })
        #expect(hospital.name == "CHU; Purpan")
        #expect(abs(hospital.point.longitude - 1.4396829934835345) < 1e-7)  // pyproj, as in the Geo tests
        #expect(hospital.capacity(.beds) == (try Capacity(.beds, 2800, isEstimated: true)))
        #expect(hospital.services == ["emergency", "smur"])
        #expect(hospital.sourcePosition == (try SourcePosition(x: 574_000, y: 6_280_000, crs: "EPSG:2154")))
        let gp = try #require(actors.first { $0.id == "g1" })
        #expect(gp.name == "Dr \"A\"\nsecond line")
        #expect(gp.capacity(.fte)?.value == 0.8)
    }

    @Test func reimportingUpdatesInPlace() throws {
        let file = try write("b.csv", "id,kind,name,lat,lon\ng1,gp,A,43.1,1.2\n")
        let database = try emptyDatabase()
        _ = try ActorsImporter().run(file: file, into: database)
        let again = try ActorsImporter().run(file: file, into: database)
        #expect(again.inserted == 0 && again.updated == 1)
        #expect(try database.summary().actors == 1)
    }

    @Test func latin1IsDetected() throws {
        let file = try write("c.csv", "id;kind;name;lat;lon\ng1;gp;Médecin Hélène;43.1;1.2\n", encoding: .isoLatin1)
        let database = try emptyDatabase()
        _ = try ActorsImporter().run(file: file, into: database)
        #expect(try database.loadTerritory().actors[0].name == "Médecin Hélène")
    }

    /// Each bad file must fail with an ImportError naming the line and field, and leave the
    /// database exactly as it was.
    @Test(
        arguments: [
            ("lambert-as-wgs84", "id,kind,name,lat,lon\ng1,gp,A,43.1,1.2\ng2,gp,B,6280000,574000\n", 3, "lat"),
            ("not-a-number", "id,kind,name,lat,lon\ng1,gp,A,43.1,abc\n", 2, "lon"),
            ("duplicate", "id,kind,name,lat,lon\ng1,gp,A,43.1,1.2\ng1,gp,B,43.2,1.3\n", 3, "id"),
            ("unknown-kind", "id,kind,name,lat,lon\ng1,doctor,A,43.1,1.2\n", 2, "kind"),
            ("missing-column", "id,kind,name,lat\ng1,gp,A,43.1\n", 1, "lat, lon"),
            ("truncated", "id,kind,name,lat,lon\ng1,gp,A,43.1,1.2\ng2,gp,B,43", 3, nil),
            ("wrong-delimiter", "id;kind;name;lat;lon\ng1,gp,A,43.1,1.2\n", 1, nil),
            ("unknown-zone", "id,kind,name,lat,lon,zone_id\ng1,gp,A,43.1,1.2,31555\n", 2, "zone_id"),
        ] as [(String, String, Int, String?)])
    func badInputIsRefusedAndChangesNothing(name: String, text: String, line: Int, field: String?) throws {
        let database = try emptyDatabase()
        try database.save(
            Territory(
                name: "before",
                actors: [Actor(id: "keep", kind: .pharmacy, name: "P", point: GeoPoint(longitude: 1, latitude: 43))]))
        let before = try database.loadTerritory()
        let file = try write("\(name).csv", text)
        let delimiter: Unicode.Scalar? = name == "wrong-delimiter" ? "," : nil
        #expect {
            _ = try ActorsImporter(csv: CSVOptions(delimiter: delimiter)).run(file: file, into: database)
        } throws: { error in
            guard let error = error as? ImportError else { return false }
            return error.file == file && error.line == line && (field == nil || error.field == field)
        }
        #expect(try database.loadTerritory() == before)
    }

    @Test func anEmptyFileAndXYWithoutCRSAreClearErrors() throws {
        let database = try emptyDatabase()
        #expect(throws: ImportError.self) { try ActorsImporter().run(file: try write("e.csv", ""), into: database) }
        let xy = try write("xy.csv", "id,kind,name,x,y\ng1,gp,A,574000,6280000\n")
        #expect { try ActorsImporter().run(file: xy, into: database) } throws: { error in
            // The setting that mends it travels as a hint (the command line names its flag, --crs).
            (error as? ImportError)?.hint?.setting == "crs"
        }
        let badCRS = try write("crs.csv", "id,kind,name,x,y\ng1,gp,A,574000,6280000\n")
        #expect(throws: (any Error).self) { try ActorsImporter(crs: "EPSG:999999").run(file: badCRS, into: database) }
    }

    @Test func farPointsAreFlagged() throws {
        let text =
            "id,kind,name,lat,lon\n" + (1...5).map { "g\($0),gp,A,43.\($0),1.\($0)\n" }.joined()
            + "far,gp,F,48.85,2.35\n"
        let report = try ActorsImporter().run(file: try write("far.csv", text), into: try emptyDatabase())
        #expect(report.warnings.count == 1)
        #expect(report.warnings.first?.contains("far") == true)
    }
}

@Suite struct LinksImporterTests {
    let folder = try! TemporaryFolder()

    func database() throws -> TerritoryDatabase {
        let database = try TerritoryDatabase.create(at: folder.path("l-\(UUID()).db"))
        let point = try GeoPoint(longitude: 1.4, latitude: 43.6)
        try database.save(
            Territory(
                name: "t", zones: [Zone(id: "Z1", name: "Z", point: point)],
                actors: [
                    Actor(id: "g1", kind: .gp, name: "G", point: point),
                    Actor(id: "h1", kind: .hospital, name: "H", point: point),
                    Actor(id: "c1", kind: .cpts, name: "C", point: point),
                    Actor(id: "s1", kind: .ssiad, name: "S", point: point),
                ]
            ))
        return database
    }

    func file(_ text: String) throws -> String {
        let path = folder.path("links-\(UUID()).csv")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func importsEveryKindAndUpdatesStrengthOnReimport() throws {
        let db = try database()
        let text =
            "from,to,kind,strength\ng1,c1,member_of,\ng1,h1,refers_to,0.5\nh1,s1,discharges_to,0.8\ns1,Z1,covers,1\n"
        let first = try LinksImporter().run(file: try file(text), into: db)
        #expect(first.inserted == 4)
        let second = try LinksImporter().run(
            file: try file(text.replacingOccurrences(of: "0.5", with: "0.25")), into: db)
        #expect(second.updated == 4 && second.inserted == 0)
        let links = try db.loadTerritory().links
        #expect(links.count == 4)
        #expect(links.first { $0.kind == .refersTo }?.strength == 0.25)
    }

    @Test(arguments: [
        "from,to,kind\ng1,nobody,refers_to\n",
        "from,to,kind\ng1,h1,member_of\n",
        "from,to,kind\ns1,Z9,covers\n",
        "from,to,kind,strength\ng1,h1,refers_to,1.5\n",
        "from,to,kind\ng1,h1,knows\n",
    ])
    func badLinksAreRefusedAndChangeNothing(text: String) throws {
        let db = try database()
        let before = try db.loadTerritory()
        #expect { try LinksImporter().run(file: try file(text), into: db) } throws: { error in
            (error as? ImportError)?.line == 2
        }
        #expect(try db.loadTerritory() == before)
    }
}
