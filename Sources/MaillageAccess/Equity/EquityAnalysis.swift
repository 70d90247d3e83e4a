import Foundation
import MaillageCore

/// Equity of access for one indicator: inequality between people (Gini, Theil and its
/// decomposition, Palma, concentration index, shares below thresholds) and where the low and
/// high values cluster (global Moran's I and local Moran clusters).
public enum EquityAnalysis {
    /// How the people are counted.
    public enum Weighting: String, Sendable, Codable, CaseIterable {
        /// Each zone counts for its inhabitants.
        case population
        /// Each zone counts once.
        case none
    }

    /// The spatial weights for Moran's I.
    public enum Neighbourhood: Sendable, Equatable {
        /// Queen contiguity of the outlines when every zone has one, else the smallest distance
        /// band giving every zone a neighbour.
        case automatic
        case queen
        /// A distance band in km; nil = the smallest band giving every zone a neighbour.
        case distance(Double?)

        /// Reads `auto`, `queen`, `distance` or `distance:KM`.
        ///
        /// - Throws: ``AccessError/invalidParameter(_:)`` for anything else, listing the valid forms.
        public static func parse(_ text: String) throws -> Neighbourhood {
            let lower = text.lowercased()
            if lower == "auto" || lower == "automatic" { return .automatic }
            if lower == "queen" || lower == "contiguity" { return .queen }
            if lower == "distance" { return .distance(nil) }
            if lower.hasPrefix("distance:"), let km = Double(lower.dropFirst("distance:".count)), km.isFinite, km > 0 {
                return .distance(km)
            }
            throw AccessError.invalidParameter(
                "spatial weights must be auto, queen, distance or distance:KM (got '\(text)')")
        }
    }

    /// The choices an equity analysis makes; the defaults are those of `access equity`.
    public struct Options: Sendable {
        /// Whether each zone counts for its inhabitants or once.
        public var weighting: Weighting = .population
        /// How zones are grouped for the Theil decomposition.
        public var grouping: ZoneGrouping = .departement
        /// The concentration index's ranking attribute; nil = `share.75+` when bands are known.
        public var rankBy: ZoneAttribute?
        /// Thresholds for the shares below; empty = half the mean and the mean.
        public var thresholds: [Double] = []
        /// The spatial weights Moran's I and the local clusters use.
        public var neighbourhood: Neighbourhood = .automatic
        /// Random relabellings for the permutation p-values (999 as in PySAL `esda`).
        public var permutations = 999
        /// The seed of those relabellings: the same seed gives the same p-values on every machine.
        public var seed: UInt64 = 12_345
        /// The pseudo p-value below which a local cluster is reported.
        public var significance = 0.05

        /// The defaults: population weighting, groups by département, automatic neighbours, 999 permutations.
        public init() {}
    }

    /// Analyses the values of some zones (NaN = undefined: the zone is left out and counted).
    public static func run(zones: [Zone], values: [Double], options: Options) throws -> EquityReport {
        guard zones.count == values.count else {
            throw AccessError.invalidInput("\(values.count) values for \(zones.count) zones")
        }
        let kept = values.indices.filter { values[$0].isFinite }
        let used = kept.map { zones[$0] }
        let x = kept.map { values[$0] }
        let weights =
            options.weighting == .population ? used.map(\.population.total) : Array(repeating: 1, count: used.count)
        let sample = try WeightedSample(values: x, weights: weights)
        var report = EquityReport(
            zones: used.count, undefinedZones: zones.count - used.count,
            population: used.reduce(0) { $0 + $1.population.total }, weighting: options.weighting,
            mean: sample.mean, gini: Inequality.gini(sample), palma: Inequality.palma(sample))
        report.lorenz = Inequality.lorenz(sample).map { [$0.population, $0.value] }
        report.grouping = options.grouping.description
        report.theil = try Inequality.theilDecomposition(sample, groups: options.grouping.labels(used))
        let thresholds = options.thresholds.isEmpty ? [sample.mean / 2, sample.mean] : options.thresholds
        report.shareBelow = thresholds.map { .init(threshold: $0, share: Inequality.shareBelow(sample, threshold: $0)) }
        let oldest = try AgeBand(id: "75+")
        let rankBy = options.rankBy ?? (used.contains { !$0.population.bands.isEmpty } ? .bandShare(oldest) : nil)
        if let rankBy {
            report.concentrationAttribute = rankBy.description
            // Nobody lives in a zone of weight 0: its rank does not matter, and its attribute
            // (a share of nobody) is often undefined.
            let key = zip(used, weights).map { zone, weight in weight > 0 ? rankBy.value(of: zone) : 0 }
            if key.allSatisfy(\.isFinite) {
                report.concentrationIndex = try Inequality.concentrationIndex(sample, rankedBy: key)
            } else {
                report.notes.append(
                    "concentration index left out: \(key.filter { !$0.isFinite }.count) zones have no \(rankBy)")
            }
        }
        let spatial = try spatialWeights(used, options.neighbourhood)
        report.spatialWeights = spatial.description
        report.islands = spatial.islands
        if spatial.islands > 0 {
            report.notes.append("\(spatial.islands) zones have no neighbour under \(spatial.description)")
        }
        do {
            report.moran = try MoranGlobal(
                values: x, weights: spatial, permutations: options.permutations, seed: options.seed)
            let local = try MoranLocal(
                values: x, weights: spatial, permutations: options.permutations, seed: options.seed,
                significance: options.significance)
            report.lisa = used.indices.map { row in
                EquityReport.LocalZone(
                    zoneID: used[row].id, value: x[row], localI: local.values[row], quadrant: local.quadrants[row],
                    pPermutation: local.pPermutation?[row], cluster: local.clusters[row])
            }
        } catch let error as AccessError {
            report.notes.append("Moran's I left out: \(error.description)")
        }
        return report
    }

    static func spatialWeights(_ zones: [Zone], _ neighbourhood: Neighbourhood) throws -> SpatialWeights {
        switch neighbourhood {
        case .queen:
            guard zones.contains(where: { $0.boundary != nil }) else {
                throw AccessError.invalidInput(
                    "queen contiguity needs zone outlines; the zones have none (use distance)")
            }
            return .queen(zones.map(\.boundary))
        case .automatic where zones.allSatisfy({ $0.boundary != nil }):
            return .queen(zones.map(\.boundary))
        case .automatic:
            return .distanceBand(zones.map(\.point), kilometres: SpatialWeights.minimumBandKm(zones.map(\.point)))
        case .distance(let km):
            let points = zones.map(\.point)
            return .distanceBand(points, kilometres: km ?? SpatialWeights.minimumBandKm(points))
        }
    }
}
