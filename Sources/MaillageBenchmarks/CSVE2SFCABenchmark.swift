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
        // Maillage's byte-level reader; column positions are resolved once per file.
        var zoneIndex: [String: Int] = [:], zoneIDs: [String] = [], population: [Double] = []
        let zonesFile = try ByteCSVReader(path: folder + "/zones.csv")
        let (zoneColumn, populationColumn) = (zonesFile.position(of: "zone_id")!, zonesFile.position(of: "population")!)
        try zonesFile.forEachRecord { record in
            let id = record.string(zoneColumn) ?? ""
            zoneIndex[id] = zoneIDs.count
            zoneIDs.append(id)
            population.append(record.double(populationColumn) ?? 0)
        }
        var siteIndex: [String: Int] = [:], capacity: [Double] = []
        let sitesFile = try ByteCSVReader(path: folder + "/sites.csv")
        let (siteColumn, capacityColumn) = (sitesFile.position(of: "site_id")!, sitesFile.position(of: "capacity")!)
        try sitesFile.forEachRecord { record in
            siteIndex[record.string(siteColumn) ?? ""] = capacity.count
            capacity.append(record.double(capacityColumn) ?? 0)
        }
        var pairs: [CatchmentGraph.Pair] = []
        let timesFile = try ByteCSVReader(path: folder + "/times.csv")
        let columns = (timesFile.position(of: "origin_id")!, timesFile.position(of: "destination_id")!, timesFile.position(of: "minutes")!)
        try timesFile.forEachRecord { record in
            guard let zone = zoneIndex[record.string(columns.0) ?? ""], let site = siteIndex[record.string(columns.1) ?? ""],
                  let minutes = record.double(columns.2) else { return }
            pairs.append(.init(zone: zone, site: site, minutes: minutes))
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
