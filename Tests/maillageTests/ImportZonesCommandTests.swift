import Foundation
import MaillageTestSupport
import Testing

/// The zone, population and supply-count importers through the real binary.
@Suite struct ImportZonesCommandTests {
    let folder: URL
    /// Holds `folder`, removed with the suite instance after each test.
    let scratch: TemporaryFolder

    init() throws {
        scratch = try TemporaryFolder(prefix: "maillage-cli-zones")
        folder = scratch.url
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) throws -> String {
        try text.write(toFile: path(name), atomically: true, encoding: .utf8)
        return path(name)
    }

    @Test func zonesPopulationAndCountsChain() throws {
        let db = path("t.db")
        #expect(try CommandLineTests.run("init", db).status == 0)
        let zones = try write("z.csv", "code,nom,lat,lon\n09001,Aigues-Juntes,43.0472,1.4755\n")
        let imported = try CommandLineTests.run(
            "import", "zones", zones, "--db", db, "--id-column", "code", "--name-column", "nom", "--json")
        #expect(imported.status == 0)
        #expect(imported.stdout.contains("\"inserted\" : 1"))
        let population = try write("p.csv", "COM;Commune;PMUN\n09001;Aigues-Juntes;58\n75056;Paris;2100000\n")
        let joined = try CommandLineTests.run("import", "population", population, "--db", db)
        #expect(joined.status == 0)
        #expect(joined.stderr.contains("75056 Paris"))
        let counts = try write("c.csv", "code_insee,gp\n09001,2\n")
        let gps = try CommandLineTests.run(
            "import", "supply-counts", counts, "--db", db, "--kind", "gp", "--column", "gp")
        #expect(gps.status == 0)
        let info = try CommandLineTests.run("info", db, "--json")
        #expect(info.stdout.contains("\"gp\" : 1"))
    }

    @Test func badGeoJSONIsADataError() throws {
        let db = path("t.db")
        #expect(try CommandLineTests.run("init", db).status == 0)
        let file = try write(
            "bad.geojson",
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[1,43],[1.1,43],[1.1,43.1],[1,43]]]}}]}"#
        )
        let result = try CommandLineTests.run("import", "zones", file, "--db", db)
        #expect(result.status == 65)
        #expect(result.stderr.contains("features[0].properties.id"))
    }
}
