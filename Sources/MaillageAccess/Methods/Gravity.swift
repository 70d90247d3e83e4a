import Foundation

/// Hansen's gravity potential, PySAL `access`'s weighted catchment with a gravity weight.
///
/// `A_i = Σ_j S_j · (max(t(i→j), t_min) / scale)^α` over every reachable pair; one step, no
/// demand. A zone with no reachable site is NaN.
public struct GravityModel: Sendable, Equatable {
    /// The time unit the exponent applies to, in minutes: times are divided by it before the power.
    public var scale: Double
    /// The exponent, negative for a decay (-1 is the classic inverse time).
    public var alpha: Double
    /// Times below this count as this, so that a site in the zone itself does not weigh infinitely.
    public var minimumMinutes: Double
    /// Pairs slower than this are ignored; nil keeps every pair.
    public var limit: Double?

    /// A gravity model with these parameters; they are checked when it computes.
    public init(scale: Double, alpha: Double, minimumMinutes: Double = 0, limit: Double? = nil) {
        self.scale = scale
        self.alpha = alpha
        self.minimumMinutes = minimumMinutes
        self.limit = limit
    }

    /// The potential of each zone, given each site's supply (NaN where no site is reachable).
    ///
    /// - Throws: ``AccessError/invalidParameter(_:)`` for a scale, exponent or minimum time out of range,
    ///   ``AccessError/invalidInput(_:)`` when `supply` does not match the sites.
    public func accessibility(_ graph: CatchmentGraph, supply: [Double]) throws -> [Double] {
        guard scale.isFinite, scale > 0 else {
            throw AccessError.invalidParameter("gravity scale must be > 0, not \(scale)")
        }
        guard alpha.isFinite else { throw AccessError.invalidParameter("gravity exponent must be finite") }
        guard minimumMinutes.isFinite, minimumMinutes >= 0 else {
            throw AccessError.invalidParameter("gravity minimum time must be ≥ 0, not \(minimumMinutes)")
        }
        try AccessInputs.check(graph, supply: supply, demand: Array(repeating: 0, count: graph.zoneCount), limit: limit)
        return (0..<graph.zoneCount).map { zone in
            var reachable = false
            var sum = 0.0
            graph.forEachSite(of: zone) { site, minutes in
                if let limit, minutes > limit { return }
                reachable = true
                sum += supply[site] * pow(max(minutes, minimumMinutes) / scale, alpha)
            }
            return reachable ? sum : .nan
        }
    }
}

/// Rescaling so that the population-weighted mean accessibility is 1 (PySAL's normalisation).
public enum AccessNormalization {
    /// `A_i / (Σ_k P_k·A_k / Σ_k P_k)`, undefined values counting as 0 in the numerator while
    /// their population stays in the denominator, as PySAL `access` does.
    public static func normalize(_ values: [Double], population: [Double]) -> [Double] {
        var weighted = 0.0
        var total = 0.0
        for (value, people) in zip(values, population) {
            total += people
            if !value.isNaN { weighted += people * value }
        }
        let mean = weighted / total
        return values.map { $0 / mean }
    }
}
