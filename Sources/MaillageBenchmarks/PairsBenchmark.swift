import ArgumentParser
import Foundation
import MaillageAccess
import MaillageGenerator

/// Sparse pairs within a time limit for a national-size generated territory.
struct PairsBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pairs", abstract: "Zone × actor pairs within --limit minutes, national size.")

    @Option var zones = 35_000
    @Option var population = 68_000_000
    @Option var limit = 60.0
    @Option var seed: UInt64 = 1

    func run() throws {
        let territory = try Measure.time("generate territory") {
            try TerritoryGenerator.generate(GeneratorOptions(zones: zones, population: population, seed: seed))
        }
        let density = Dictionary(uniqueKeysWithValues: territory.zones.map { ($0.id, $0.densityClass) })
        let zonePlaces = territory.zones.map { StraightLinePairs.Place(point: $0.point, density: $0.densityClass) }
        let sites = territory.actors.map {
            StraightLinePairs.Place(point: $0.point, density: $0.zoneID.flatMap { density[$0] } ?? nil)
        }
        print("zones \(zonePlaces.count), actors \(sites.count)")
        let graph = try Measure.time("pairs within \(limit) min") {
            try StraightLinePairs.graph(zones: zonePlaces, sites: sites, model: .calibrated, limitMinutes: limit)
        }
        print("pairs \(graph.pairCount), peak memory \(Int(Measure.peakMegabytes)) MB")
    }
}
