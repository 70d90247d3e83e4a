import Foundation
import MaillageCore
import MaillageFormats
import MaillageFuzzFormats
import MaillageStore
import MaillageTestSupport
import Testing

@testable import MaillageIO

/// Replays the fuzzing corpus of the territory formats (`Tests/FuzzCorpus/<format>`:
/// hand-written seeds and the inputs that once crashed a fuzz target) through
/// ``FuzzFormat/feed(_:file:database:)``, the very call the fuzz targets make, so the importers
/// and their options are the fuzz targets' by construction, into the same small territory.
///
/// Each input must import or be refused with an ``ImportError`` naming the file, and a refused
/// import must leave the territory exactly as it was (one transaction). A crash stops the test
/// process: that is the regression these tests exist to catch. The hand-written seeds
/// (`seed-*`) are valid files and must import, which shows that the options and the territory
/// let the fuzzer start from inputs that reach the writes.
@Suite struct FuzzCorpusReplayTests {
    let folder = try! TemporaryFolder()

    /// The fuzz targets' territory: `Tests/FuzzCorpus/territory`.
    func territory() throws -> TerritoryDatabase {
        let database = try TerritoryDatabase.create(at: folder.path("t-\(UUID()).db"))
        try FuzzFormat.buildTerritory(database, from: FuzzCorpus.territory)
        return database
    }

    /// Every input of the formats that import into a territory, as `format/name`.
    /// (The GeoPackage target reads the territory without importing: `GeoPackageFuzzCorpusTests`.)
    static let inputs = FuzzCorpus.entries(FuzzFormat.allCases.filter(\.writesTerritory).map(\.rawValue))

    @Test func theTerritoryImports() throws {
        let territory = try territory().loadTerritory()
        // wc -l Tests/FuzzCorpus/territory/*.csv: 11 and 10 lines, headers included.
        #expect(territory.zones.count == 10 && territory.actors.count == 9)
    }

    @Test func everyTerritoryFormatHasInputs() {
        // ls Tests/FuzzCorpus/{finess,actors,zones-csv,zones-geojson,links,population,supply-counts} \
        //    Tests/FuzzCorpus/{matrix,emergency,travel-matrix} | grep -c .
        // = 23 files (3 + 2 + 7 + 3 + 1 + 2 + 1 + 1 + 2 + 1).
        #expect(Self.inputs.count == 23)
    }

    @Test(arguments: inputs)
    func importsOrRefusesCleanly(_ entry: String) throws {
        let (folderName, name) = FuzzCorpus.split(entry)
        let format = try #require(FuzzFormat(rawValue: folderName))
        let input = URL(fileURLWithPath: folder.path("\(UUID()).\(format.fileExtension)"))
        let database = try territory()
        let before = try database.loadTerritory()
        do {
            let outcome = try format.feed(
                try Data(contentsOf: URL(fileURLWithPath: FuzzCorpus.path(entry))), file: input, database: database)
            guard case .imported = outcome else {
                Issue.record("\(entry): \(outcome) is not an import")
                return
            }
        } catch let error as ImportError {
            #expect(!name.hasPrefix("seed-"), "the seed \(entry) must import: \(error)")
            #expect(error.file == input.path, "\(entry): \(error)")
            #expect(try database.loadTerritory() == before, "\(entry) was refused but changed the territory")
        }
    }
}
