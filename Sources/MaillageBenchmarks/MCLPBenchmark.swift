import ArgumentParser
import Foundation
import MaillageAccess
import MaillageCore

/// MCLP on real communes: every commune is demand, every k-th commune a candidate site.
struct MCLPBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mclp",
        abstract:
            "MCLP on communes_occitanie5_pop_coords.csv (1,995 communes), 300 candidates, p = 10, 30-minute cover."
    )

    @Option var communes = "../shared/data/communes/communes_occitanie5_pop_coords.csv"
    @Option var candidates = 300
    @Option(name: .customShort("p")) var p = 10
    @Option var limit = 30.0
    @Option(help: "Write the pairs (zone, site, minutes) and populations here, for the exact peer.") var pairsOut:
        String?

    func run() throws {
        let (points, population) = try readCommunes()
        let step = max(1, points.count / candidates)
        let sites = stride(from: 0, to: points.count, by: step).prefix(candidates).map {
            StraightLinePairs.Place(point: points[$0])
        }
        let zones = points.map { StraightLinePairs.Place(point: $0) }
        let clock = ContinuousClock()
        let start = clock.now
        let graph = try StraightLinePairs.graph(zones: zones, sites: sites, model: .calibrated, limitMinutes: limit)
        let problem = try LocationProblem(graph: graph, population: population)
        let solution = try LocationSolver().solve(.mclp(p: p, limit: limit), problem: problem)
        print("zones \(zones.count), candidates \(sites.count), pairs \(graph.pairCount), p \(p)")
        print(
            "objective \(solution.objective), exact \(solution.isExact), bound \(solution.bound ?? .nan), time \(clock.now - start)"
        )
        if let pairsOut {
            var text = "zone,site,minutes,population\n"
            for zone in 0..<graph.zoneCount {
                graph.forEachSite(of: zone) { site, minutes in
                    text += "\(zone),\(site),\(minutes),\(population[zone])\n"
                }
            }
            try text.write(toFile: pairsOut, atomically: true, encoding: .utf8)
            try population.map { "\($0)" }.joined(separator: "\n").write(
                toFile: pairsOut + ".population", atomically: true, encoding: .utf8)
        }
    }

    private func readCommunes() throws -> ([GeoPoint], [Double]) {
        let lines = try String(contentsOfFile: communes, encoding: .utf8).split(whereSeparator: \.isNewline)
        let header = lines[0].split(separator: ",").map(String.init)
        // La Poste point and municipal population (pmun_2023) of the Occitanie file.
        let lat = header.firstIndex { $0.hasPrefix("lat") }!
        let lon = header.firstIndex { $0.hasPrefix("lon") }!
        let pop = header.firstIndex { $0.hasPrefix("pmun") || $0.hasPrefix("population") }!
        var points: [GeoPoint] = []
        var population: [Double] = []
        for line in lines.dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard let y = Double(f[lat]), let x = Double(f[lon]), let people = Double(f[pop]) else { continue }
            points.append(try GeoPoint(longitude: x, latitude: y))
            population.append(people)
        }
        return (points, population)
    }
}
