import Foundation
import MaillageCore
import MaillageGenerator
import MaillageStore
import MaillageTestSupport
import Testing

@testable import MaillageIO

/// A whole territory exported then imported into an empty database comes back the same:
/// zones (names, populations by band, density, points to 1e-6°), actors, links.
@Suite struct WholeTerritoryRoundTripTests {
    let folder = try! TemporaryFolder()

    @Test(arguments: ["csv", "geojson"])
    func zonesActorsAndLinksComeBack(zoneFormat: String) throws {
        let original = try TerritoryGenerator.generate(
            GeneratorOptions(zones: 40, population: 60_000, seed: 5, name: "whole"))
        let source = try TerritoryDatabase.create(at: folder.path("source-\(zoneFormat).db"))
        try source.save(original)
        let files = (
            zones: folder.path("zones-\(zoneFormat).\(zoneFormat)"), actors: folder.path("a-\(zoneFormat).csv"),
            links: folder.path("l-\(zoneFormat).csv")
        )
        _ = try TerritoryExporter().export(.zones, from: source, to: files.zones)
        _ = try TerritoryExporter().export(.actors, from: source, to: files.actors)
        _ = try TerritoryExporter().export(.links, from: source, to: files.links)

        let target = try TerritoryDatabase.create(at: folder.path("target-\(zoneFormat).db"))
        _ = try ZonesImporter().run(file: files.zones, into: target)
        _ = try ActorsImporter().run(file: files.actors, into: target)
        _ = try LinksImporter().run(file: files.links, into: target)
        let back = try target.loadTerritory()

        #expect(back.zones.map(\.id) == original.zones.map(\.id).sorted())
        for zone in back.zones {
            let before = try #require(original.zones.first { $0.id == zone.id })
            #expect(zone.name == before.name)
            #expect(zone.population.total == before.population.total)
            #expect(zone.population.byBand == before.population.byBand, "bands of \(zone.id)")
            #expect(zone.densityClass == before.densityClass)
            #expect(
                abs(zone.point.longitude - before.point.longitude) <= 1e-6
                    && abs(zone.point.latitude - before.point.latitude) <= 1e-6)
        }
        #expect(back.actors.map(\.id) == original.actors.map(\.id).sorted())
        #expect(Set(back.links) == Set(original.links))
    }
}
