import ArgumentParser
import Foundation
import MaillageAccess
import MaillageIO

/// E2SFCA end to end from the reference tool's CSV layout (zones, sites, times), as PySAL reads it.
struct CSVE2SFCABenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv-e2sfca",
        abstract: "Read zones.csv, sites.csv, times.csv (PySAL fixture layout), run E2SFCA, write results.csv."
    )

    @Option var folder: String
    @Option var out: String

    func run() throws {
        let clock = ContinuousClock(), start = clock.now
        var zoneIndex: [String: Int] = [:], zoneIDs: [String] = [], population: [Double] = []
        try DelimitedFile(path: folder + "/zones.csv").forEachRecord { record in
            zoneIndex[try record.required("zone_id")] = zoneIDs.count
            zoneIDs.append(try record.required("zone_id"))
            population.append(try record.requiredDouble("population"))
        }
        var siteIndex: [String: Int] = [:], capacity: [Double] = []
        try DelimitedFile(path: folder + "/sites.csv").forEachRecord { record in
            siteIndex[try record.required("site_id")] = capacity.count
            capacity.append(try record.requiredDouble("capacity"))
        }
        var pairs: [CatchmentGraph.Pair] = []
        try DelimitedFile(path: folder + "/times.csv").forEachRecord { record in
            guard let zone = zoneIndex[try record.required("origin_id")], let site = siteIndex[try record.required("destination_id")] else { return }
            pairs.append(.init(zone: zone, site: site, minutes: try record.requiredDouble("minutes")))
        }
        let read = clock.now
        let graph = CatchmentGraph(zoneCount: zoneIDs.count, siteCount: capacity.count, symmetric: pairs)
        let values = try FloatingCatchment(decay: .pysalDefaultSteps).accessibility(graph, supply: capacity, demand: population)
        let computed = clock.now
        try ZoneTableWriter.writeCSV(ZoneTable(zoneIDs: zoneIDs, columns: [.init(name: "e2sfca", values: .numbers(values))]), to: out)
        print("zones \(zoneIDs.count), sites \(capacity.count), pairs \(pairs.count)")
        print("read \(read - start), compute \(computed - read), total \(clock.now - start), peak \(Int(Measure.peakMegabytes)) MB")
    }
}
