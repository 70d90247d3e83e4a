import ArgumentParser
import Foundation
import MaillageAccess
import MaillageCore
import MaillageFormats
import MaillageIO

/// E2SFCA end to end from the reference tool's CSV layout (zones, sites, times), as PySAL reads it.
struct CSVE2SFCABenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv-e2sfca",
        abstract: "Read zones.csv, sites.csv, times.csv (PySAL fixture layout), run E2SFCA, write results.csv."
    )

    @Option var folder: String
    @Option var out: String
    @Option(help: "Threads reading the matrix (default: every core).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        // Maillage's byte-level reader; column positions are resolved once per file, ids are
        // looked up by their bytes, the matrix is read in segments on every core.
        var zoneIndex = ByteKeyIndex()
        var zoneIDs: [String] = []
        var population: [Double] = []
        let zonesFile = try ByteCSVReader(path: folder + "/zones.csv")
        let (zoneColumn, populationColumn) = (zonesFile.position(of: "zone_id")!, zonesFile.position(of: "population")!)
        try zonesFile.forEachRecord { record in
            let id = record.string(zoneColumn) ?? ""
            zoneIndex.set(id, to: zoneIDs.count)
            zoneIDs.append(id)
            population.append(record.double(populationColumn) ?? 0)
        }
        var siteIndex = ByteKeyIndex()
        var capacity: [Double] = []
        let sitesFile = try ByteCSVReader(path: folder + "/sites.csv")
        let (siteColumn, capacityColumn) = (sitesFile.position(of: "site_id")!, sitesFile.position(of: "capacity")!)
        try sitesFile.forEachRecord { record in
            siteIndex.set(record.string(siteColumn) ?? "", to: capacity.count)
            capacity.append(record.double(capacityColumn) ?? 0)
        }
        let timesFile = try ByteCSVReader(path: folder + "/times.csv")
        let positions = MatrixFieldPositions(
            origin: timesFile.position(of: "origin_id")!, destination: timesFile.position(of: "destination_id")!,
            value: timesFile.position(of: "minutes")!
        )
        let (zones, sites) = (zoneIndex, siteIndex)
        // Plain rows are decoded by the reader's fast lane; any other row is read here, the
        // same way (rows with an unknown id are left out, as PySAL's join leaves them).
        let parts = try timesFile.collectMatrix(positions, origins: zones, destinations: sites, threads: threads) {
            record in
            guard let zone = record.value(positions.origin, in: zones),
                let site = record.value(positions.destination, in: sites),
                let minutes = record.double(positions.value)
            else { return nil }
            return (zone, site, minutes)
        }
        let pairCount = parts.reduce(0) { $0 + $1.count }
        let read = clock.now
        let graph = CatchmentGraph(zoneCount: zoneIDs.count, siteCount: capacity.count, symmetric: parts)
        let values = try FloatingCatchment(decay: .pysalDefaultSteps).accessibility(
            graph, supply: capacity, demand: population)
        let computed = clock.now
        try ZoneTableWriter.writeCSV(
            ZoneTable(zoneIDs: zoneIDs, columns: [.init(name: "e2sfca", values: .numbers(values))]), to: out)
        print("zones \(zoneIDs.count), sites \(capacity.count), pairs \(pairCount), threads \(threads)")
        print(
            "read \(read - start), compute \(computed - read), write \(clock.now - computed), total \(clock.now - start), peak \(Int(Measure.peakMegabytes)) MB"
        )
    }
}
