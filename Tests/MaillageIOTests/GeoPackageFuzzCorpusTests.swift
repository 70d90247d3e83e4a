import Foundation
import MaillageFuzzFormats
import MaillageStore
import MaillageTestSupport
import Testing

/// Replays the GeoPackage fuzzing corpus (`Tests/FuzzCorpus/geopackage`: `comparison.csv`
/// files) through ``FuzzFormat/feed(_:file:database:)``, as the fuzz target
/// `MaillageFuzzGeopackage` does: the comparison is read and written with the fuzz territory's
/// layers into a GeoPackage, or refused with an error; never a crash, and the territory is
/// only read.
@Suite struct GeoPackageFuzzCorpusTests {
    let folder = try! TemporaryFolder()

    @Test(arguments: FuzzCorpus.inputs(FuzzFormat.geopackage.rawValue))
    func writesOrRefuses(_ name: String) throws {
        let database = try TerritoryDatabase.create(at: folder.path("t-\(UUID()).db"))
        try FuzzFormat.buildTerritory(database, from: FuzzCorpus.territory)
        let before = try database.loadTerritory()
        let run = URL(fileURLWithPath: folder.path(UUID().uuidString))
        try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
        let data = try Data(contentsOf: URL(fileURLWithPath: FuzzCorpus.path(FuzzFormat.geopackage.rawValue, name)))
        do {
            let outcome = try FuzzFormat.geopackage.feed(
                data, file: run.appendingPathComponent("input.csv"), database: database)
            guard case .geopackage(let layers) = outcome else {
                Issue.record("\(name): \(outcome)")
                return
            }
            #expect(!name.hasPrefix("crash-"), "\(name) must be refused")
            if name == "seed-comparison.csv" {
                // The seed: 10 zones, 9 actors, 0 links; two alternatives (close-h1 with two
                // indicators × 8 columns, more-gps with one), the territory row `*` left out;
                // layer_metadata describes the 3 difference columns.
                #expect(
                    layers == [
                        "zones (4 fields, 10 rows)", "actors (6 fields, 9 rows)", "links (5 fields, 0 rows)",
                        "comparison_close_h1 (20 fields, 10 rows)", "comparison_more_gps (12 fields, 10 rows)",
                        "layer_metadata (8 fields, 3 rows)",
                    ])
            }
        } catch {
            #expect(!name.hasPrefix("seed-"), "the seed \(name) must be written: \(error)")
        }
        #expect(try database.loadTerritory() == before)
    }
}
