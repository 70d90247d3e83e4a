/// Demand zones, candidate sites and the travel times between them, for location models.
///
/// A directed matrix gives two different sets of times, and a model reads one of them
/// (`indicators.md`, "Which direction each method uses"): coverage of a site's catchment
/// (LSCP, MCLP, the service going out to the zone) reads site → zone; a patient's trip
/// (p-median, p-center, the capacitated models, step 2 of the access equity objective)
/// reads zone → site. The equity objective also reads site → zone for its step 1.
public struct LocationProblem: Sendable {
    /// The number of demand zones.
    public let zoneCount: Int
    /// The number of candidate sites.
    public let candidateCount: Int
    /// The people of each zone: the weight of its demand.
    public let population: [Double]
    /// The direction the model's own times are read in.
    public let direction: LocationDirection
    /// How many people each candidate can serve, when the model is capacitated.
    public var capacity: [Double]?
    /// For each candidate, the zones it reaches and the time, in the model's direction.
    let reaches: [[(zone: Int, minutes: Double)]]
    /// For each zone, the candidates reaching it and the time, in the model's direction.
    let reachedBy: [[(site: Int, minutes: Double)]]
    /// For each candidate, zone → site times (the patients' trips to it).
    let trips: [[(zone: Int, minutes: Double)]]
    /// For each candidate, site → zone times (its catchment).
    let catchment: [[(zone: Int, minutes: Double)]]

    /// Builds the problem from a travel graph and zone populations.
    ///
    /// - Parameters:
    ///   - graph: the times between the zones and the candidate sites.
    ///   - population: the people of each zone, in the graph's zone order.
    ///   - direction: which of the graph's times the model reads (zone → site by default,
    ///     the patient's trip); on a symmetric graph both are the same.
    ///   - capacity: people each candidate can serve (finite, ≥ 0), for the capacitated models.
    public init(
        graph: CatchmentGraph, population: [Double], direction: LocationDirection = .zoneToSite,
        capacity: [Double]? = nil
    ) throws {
        guard population.count == graph.zoneCount else {
            throw AccessError.invalidInput("\(graph.zoneCount) zones but \(population.count) populations")
        }
        if let bad = population.firstIndex(where: { !($0.isFinite && $0 >= 0) }) {
            throw AccessError.invalidInput("zone \(bad) has population \(population[bad]); it must be finite and ≥ 0")
        }
        if let capacity {
            guard capacity.count == graph.siteCount else {
                throw AccessError.invalidInput("\(graph.siteCount) candidates but \(capacity.count) capacities")
            }
            if let bad = capacity.firstIndex(where: { !($0.isFinite && $0 >= 0) }) {
                throw AccessError.invalidInput(
                    "candidate \(bad) has capacity \(capacity[bad]); it must be finite and ≥ 0")
            }
        }
        zoneCount = graph.zoneCount
        candidateCount = graph.siteCount
        self.population = population
        self.direction = direction
        self.capacity = capacity
        var trips = [[(zone: Int, minutes: Double)]](repeating: [], count: graph.siteCount)
        for zone in 0..<graph.zoneCount {
            graph.forEachSite(of: zone) { site, minutes in trips[site].append((zone, minutes)) }
        }
        var catchment = trips
        if let reverse = graph.reverse {
            catchment = (0..<graph.siteCount).map { site in
                (reverse.offsets[site]..<reverse.offsets[site + 1]).map {
                    (Int(reverse.columns[$0]), reverse.minutes[$0])
                }
            }
        }
        let reaches = direction == .zoneToSite ? trips : catchment
        var reachedBy = [[(site: Int, minutes: Double)]](repeating: [], count: graph.zoneCount)
        for (site, row) in reaches.enumerated() {
            for (zone, minutes) in row { reachedBy[zone].append((site, minutes)) }
        }
        self.trips = trips
        self.catchment = catchment
        self.reaches = reaches
        self.reachedBy = reachedBy
    }

    /// Total population.
    public var totalPopulation: Double { population.reduce(0, +) }
}

/// Which way a location model reads a directed matrix.
public enum LocationDirection: String, Sendable, Codable, CaseIterable {
    /// The patient's trip, `t(zone → site)`.
    case zoneToSite = "zone-to-site"
    /// The site's catchment (a service going out), `t(site → zone)`.
    case siteToZone = "site-to-zone"
}
