import Foundation
import MaillageTestSupport
import Testing

/// `maillage import finess` and `maillage import emergency` as a planner's script calls them.
@Suite struct ImportFinessCommandTests {
    let folder: URL
    /// Holds `folder`, removed with the suite instance after each test.
    let scratch: TemporaryFolder

    init() throws {
        scratch = try TemporaryFolder(prefix: "maillage-finess-cli")
        folder = scratch.url
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) throws -> String {
        let file = path(name)
        try text.data(using: .isoLatin1)!.write(to: URL(fileURLWithPath: file))
        return file
    }

    static let stock =
        "finess;etalab;96;2021-01-08\r\n"
        + "structureet;310783048;310781406;HOPITAL PURPAN CHU TLSE;HOPITAL PURPAN CHU TLSE;;;;;PL DU DR BAYLAC;;;555;31;HAUTE GARONNE;31059 TOULOUSE CEDEX 9;0561772233;;101;Centre Hospitalier Région;1101;CHR;26310012500040;8610Z;;;1;Etablissement public de santé;1904-04-04;1904-04-04;2019-06-05;\r\n"
        + "geolocalisation;310783048;574358.5;6279635.9;1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,LAMBERT_93;2019-06-05\r\n"

    @Test func importsFinessThenEmergency() throws {
        let db = path("t.db")
        #expect(try CommandLineTests.run("init", db).status == 0)
        let finess = try CommandLineTests.run(
            "import", "finess", try write("stock.csv", Self.stock), "--db", db, "--departements", "31")
        #expect(finess.status == 0)
        #expect(finess.stderr.contains("1 rows read, 1 added"))
        let urgences = try write(
            "u.csv",
            "BOR;AN;nofinesset;nofinessej;AUTSU;AUTGEN;AUTSAIS;AUTPED;EMG\nURGENCES;2020;310783048;310781406;1;1;0;0;1\n"
        )
        let emergency = try CommandLineTests.run("import", "emergency", urgences, "--db", db, "--json")
        #expect(emergency.status == 0)
        #expect(emergency.stdout.contains("\"updated\" : 1"))
        let info = try CommandLineTests.run("info", db)
        #expect(info.stdout.contains("hospital") && info.stdout.contains("1"))
    }

    @Test func badCoordinateIsADataErrorNamingTheLine() throws {
        let db = path("t.db")
        #expect(try CommandLineTests.run("init", db).status == 0)
        let file = try write("bad.csv", Self.stock.replacingOccurrences(of: "574358.5", with: "x574358.5"))
        let result = try CommandLineTests.run("import", "finess", file, "--db", db)
        #expect(result.status == 65)
        #expect(result.stderr.contains("bad.csv:3: field 'coordxet'"))
    }

    @Test func unknownFallbackIsAUsageError() throws {
        let db = path("t.db")
        #expect(try CommandLineTests.run("init", db).status == 0)
        let result = try CommandLineTests.run(
            "import", "finess", try write("s.csv", Self.stock), "--db", db, "--fallback", "town")
        #expect(result.status == 64)
    }
}
