import MaillageCore

/// Consultation weights by age, to turn a population into age-standardised demand (APL).
///
/// The DREES weights are given on their own bands (0–17, 18–24, …); a territory counts people
/// in other bands (INSEE 0–14, 15–29, …). A territory band's weight is the average of the
/// weight bands it overlaps, in proportion to the years they share (ages assumed uniform
/// within a band, the open last band counted to age 99).
public struct AgeWeights: Sendable, Equatable {
    /// The weight of one age band's consultations relative to the average person's.
    public struct Entry: Sendable, Equatable {
        /// The band, in the weights' own banding.
        public var band: AgeBand
        /// Consultations per person of the band relative to the mean (1 = average).
        public var weight: Double

        /// A band's weight.
        public init(band: AgeBand, weight: Double) {
            self.band = band
            self.weight = weight
        }
    }

    /// The weights, one per band, the bands tiling the ages from 0.
    public let entries: [Entry]

    /// Weights on bands that tile the ages.
    ///
    /// - Throws: `ValidationError` when the bands do not tile the ages, ``AccessError/invalidParameter(_:)`` for a
    ///   negative or non-finite weight.
    public init(entries: [Entry]) throws {
        try AgeBand.validateTiling(entries.map(\.band))
        for entry in entries where !(entry.weight.isFinite && entry.weight >= 0) {
            throw AccessError.invalidParameter("age weight for \(entry.band) must be ≥ 0, not \(entry.weight)")
        }
        self.entries = entries
    }

    /// DREES APL consultation weights: 0–17 0.7592, 18–24 0.785, 25–39 0.915, 40–59 1.05,
    /// 60–74 1.4, 75+ 1.3 (`indicators.md`).
    public static let drees = try! AgeWeights(
        entries: [
            (0, 17, 0.7592), (18, 24, 0.785), (25, 39, 0.915), (40, 59, 1.05), (60, 74, 1.4), (75, nil, 1.3),
        ].map { Entry(band: try! AgeBand(lowerAge: $0.0, upperAge: $0.1), weight: $0.2) })

    /// The weight of a territory band: the year-weighted average of the weight bands it overlaps.
    public func weight(for band: AgeBand) -> Double {
        let lower = band.lowerAge
        let upper = band.upperAge ?? 99
        var years = 0.0
        var sum = 0.0
        for entry in entries {
            let overlap = min(upper, entry.band.upperAge ?? 99) - max(lower, entry.band.lowerAge) + 1
            guard overlap > 0 else { continue }
            years += Double(overlap)
            sum += Double(overlap) * entry.weight
        }
        return years > 0 ? sum / years : entries.last?.weight ?? 1
    }

    /// Whether the territory's bands line up with the weights' bands (otherwise weights are averaged).
    public func alignsWith(_ bands: [AgeBand]) -> Bool { entries.map(\.band) == bands }

    /// Age-standardised demand of a zone: Σ bands weight × people. A zone without bands uses
    /// its total, weighted by 1.
    public func demand(of population: Population) -> Double {
        guard !population.bands.isEmpty else { return population.total }
        return population.bandsInAgeOrder.reduce(0) { $0 + weight(for: $1.band) * $1.count }
    }
}
