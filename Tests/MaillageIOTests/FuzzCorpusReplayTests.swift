import Foundation
import MaillageCore
import MaillageStore
import MaillageTestSupport
import Testing

@testable import MaillageIO

/// Replays the fuzzing corpus (`Tests/FuzzCorpus/<format>`: hand-written seeds and the inputs
/// that once crashed a fuzz target) through each importer, with the options the fuzz targets
/// use (`fuzz/Sources/MaillageFuzzSupport/FuzzFormat.swift`; change both together), into the
/// same small territory.
///
/// Each input must import or be refused with an ``ImportError``, and a refused import must
/// leave the territory exactly as it was (one transaction). A crash stops the test process:
/// that is the regression these tests exist to catch. The hand-written seeds (`seed-*`) are
/// valid files and must import, which shows that the options and the territory let the
/// fuzzer start from inputs that reach the writes.
@Suite struct FuzzCorpusReplayTests {
    let folder = try! TemporaryFolder()

    /// The fuzz targets' territory: `Tests/FuzzCorpus/territory`.
    func territory() throws -> TerritoryDatabase {
        let database = try TerritoryDatabase.create(at: folder.path("t-\(UUID()).db"))
        _ = try ZonesImporter().run(file: FuzzCorpus.territoryFile("zones.csv"), into: database)
        _ = try ActorsImporter().run(file: FuzzCorpus.territoryFile("actors.csv"), into: database)
        return database
    }

    /// Imports one corpus file; the importer sees it under the extension the fuzz target writes.
    func replay(_ format: String, _ name: String, extension: String = "csv",
                _ run: (String, TerritoryDatabase) throws -> ImportReport) throws {
        let input = folder.path("\(UUID()).\(`extension`)")
        try FileManager.default.copyItem(atPath: FuzzCorpus.path(format, name), toPath: input)
        let database = try territory()
        let before = try database.loadTerritory()
        do {
            _ = try run(input, database)
        } catch let error as ImportError {
            #expect(!name.hasPrefix("seed-"), "the seed \(format)/\(name) must import: \(error)")
            #expect(error.file == input, "\(format)/\(name): \(error)")
            #expect(try database.loadTerritory() == before, "\(format)/\(name) was refused but changed the territory")
        }
    }

    @Test func theTerritoryImports() throws {
        let territory = try territory().loadTerritory()
        // wc -l Tests/FuzzCorpus/territory/*.csv: 11 and 10 lines, headers included.
        #expect(territory.zones.count == 10 && territory.actors.count == 9)
    }

    @Test(arguments: FuzzCorpus.inputs("finess"))
    func finess(_ name: String) throws {
        try replay("finess", name) { try FinessImporter(fallback: .commune).run(file: $0, into: $1) }
    }

    @Test(arguments: FuzzCorpus.inputs("actors"))
    func actors(_ name: String) throws {
        try replay("actors", name) { try ActorsImporter(kind: .hospital, crs: "EPSG:2154").run(file: $0, into: $1) }
    }

    @Test(arguments: FuzzCorpus.inputs("zones-csv"))
    func zonesCSV(_ name: String) throws {
        try replay("zones-csv", name) { try ZonesImporter(crs: "EPSG:2154").run(file: $0, into: $1) }
    }

    @Test(arguments: FuzzCorpus.inputs("zones-geojson"))
    func zonesGeoJSON(_ name: String) throws {
        try replay("zones-geojson", name, extension: "geojson") { try ZonesImporter().run(file: $0, into: $1) }
    }

    @Test(arguments: FuzzCorpus.inputs("links"))
    func links(_ name: String) throws {
        try replay("links", name) { try LinksImporter().run(file: $0, into: $1) }
    }

    @Test(arguments: FuzzCorpus.inputs("population"))
    func population(_ name: String) throws {
        try replay("population", name) { try PopulationImporter().run(file: $0, into: $1) }
    }

    @Test(arguments: FuzzCorpus.inputs("supply-counts"))
    func supplyCounts(_ name: String) throws {
        try replay("supply-counts", name) { try SupplyCountsImporter(kind: .gp, column: "generaliste").run(file: $0, into: $1) }
    }

    @Test(arguments: FuzzCorpus.inputs("matrix"))
    func matrix(_ name: String) throws {
        var importer = MatrixImporter()
        importer.timeColumn = "duration"
        importer.timeUnit = .seconds
        importer.distanceColumn = "distance"
        importer.distanceUnit = .metres
        try replay("matrix", name) { try importer.run(file: $0, into: $1) }
    }

    @Test(arguments: FuzzCorpus.inputs("emergency"))
    func emergency(_ name: String) throws {
        try replay("emergency", name) { try EmergencyImporter().run(file: $0, into: $1) }
    }
}
