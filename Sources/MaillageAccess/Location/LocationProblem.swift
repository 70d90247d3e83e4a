/// Demand zones, candidate sites and the travel times between them, for location models.
public struct LocationProblem: Sendable {
    public let zoneCount: Int
    public let candidateCount: Int
    public let population: [Double]
    /// For each candidate, the zones it reaches and the time (candidate → zone lists).
    let reaches: [[(zone: Int, minutes: Double)]]
    /// For each zone, the candidates reaching it and the time.
    let reachedBy: [[(site: Int, minutes: Double)]]

    /// Builds the problem from a zone → site graph (the patient's trip) and zone populations.
    public init(graph: CatchmentGraph, population: [Double]) throws {
        guard population.count == graph.zoneCount else {
            throw AccessError.invalidInput("\(graph.zoneCount) zones but \(population.count) populations")
        }
        if let bad = population.firstIndex(where: { !($0.isFinite && $0 >= 0) }) {
            throw AccessError.invalidInput("zone \(bad) has population \(population[bad]); it must be finite and ≥ 0")
        }
        zoneCount = graph.zoneCount
        candidateCount = graph.siteCount
        self.population = population
        var reaches = [[(zone: Int, minutes: Double)]](repeating: [], count: graph.siteCount)
        var reachedBy = [[(site: Int, minutes: Double)]](repeating: [], count: graph.zoneCount)
        for zone in 0..<graph.zoneCount {
            graph.forEachSite(of: zone) { site, minutes in
                reaches[site].append((zone, minutes))
                reachedBy[zone].append((site, minutes))
            }
        }
        self.reaches = reaches
        self.reachedBy = reachedBy
    }
}
