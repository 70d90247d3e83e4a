import ArgumentParser
import Foundation
import MaillageAccess
import MaillageCore

/// E2SFCA for every French commune against 100,000 generated GP sites, straight-line travel.
struct FranceE2SFCABenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "france-e2sfca",
        abstract:
            "E2SFCA for the 34,885 communes of communes_france_population_points.csv × 100,000 GP sites, 30-minute limit."
    )

    @Option(help: "communes_france_population_points.csv") var communes =
        "../shared/data/communes/communes_france_population_points.csv"
    @Option var sites = 100_000
    @Option var limit = 30.0
    @Option var seed: UInt64 = 1

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let (points, population) = try Measure.time("read communes") { try readCommunes() }
        let sitePlaces = generateSites(near: points, population: population)
        var rng = SplitMix64(seed: seed, stream: 2)
        let capacity = sitePlaces.map { _ in 0.5 + 0.7 * rng.nextUnit() }
        let zones = points.map { StraightLinePairs.Place(point: $0) }
        let graph = try Measure.time("pairs within \(limit) min") {
            try StraightLinePairs.graph(zones: zones, sites: sitePlaces, model: .calibrated, limitMinutes: limit)
        }
        let values = try Measure.time("e2sfca") {
            try FloatingCatchment(decay: .pysalDefaultSteps, limit: limit).accessibility(
                graph, supply: capacity, demand: population)
        }
        let elapsed = clock.now - start
        print(
            "communes \(points.count), sites \(sitePlaces.count), pairs \(graph.pairCount), undefined \(values.filter(\.isNaN).count)"
        )
        print("total \(elapsed), peak memory \(Int(Measure.peakMegabytes)) MB")
    }

    private func readCommunes() throws -> ([GeoPoint], [Double]) {
        let text = try String(contentsOfFile: communes, encoding: .utf8)
        var points: [GeoPoint] = []
        var population: [Double] = []
        var header: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if header.isEmpty {
                header = fields
                continue
            }
            guard let lat = Double(fields[header.firstIndex(of: "lat")!]),
                let lon = Double(fields[header.firstIndex(of: "lon")!]),
                let people = Double(fields[header.firstIndex(of: "population")!])
            else { continue }
            points.append(try GeoPoint(longitude: lon, latitude: lat))
            population.append(people)
        }
        return (points, population)
    }

    /// GP sites drawn in communes with probability proportional to population, jittered ~1 km.
    private func generateSites(near points: [GeoPoint], population: [Double]) -> [StraightLinePairs.Place] {
        var rng = SplitMix64(seed: seed, stream: 1)
        var cumulative: [Double] = []
        var total = 0.0
        for people in population {
            total += people
            cumulative.append(total)
        }
        return (0..<sites).map { _ in
            let target = rng.nextUnit() * total
            var low = 0
            var high = cumulative.count - 1
            while low < high {
                let mid = (low + high) / 2
                if cumulative[mid] < target { low = mid + 1 } else { high = mid }
            }
            let p = points[low]
            let point =
                (try? GeoPoint(
                    longitude: p.longitude + 0.01 * rng.nextGaussian(), latitude: p.latitude + 0.01 * rng.nextGaussian()
                )) ?? p
            return StraightLinePairs.Place(point: point)
        }
    }
}
