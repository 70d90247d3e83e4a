import Foundation
import MaillageCore

/// Where towns lie and how many people live in each.
///
/// Towns cluster around a few centres; populations follow a rank-size (Zipf) law, the
/// largest going to the most central places, as in real settlement systems.
struct SettlementPattern {
    struct Town {
        var point: PlanarPoint
        var population: Int
        var density: DensityClass
    }

    let towns: [Town]
    /// The centres towns cluster around, by decreasing weight.
    let centres: [PlanarPoint]

    /// The Zipf exponent of the rank-size law (close to 1 for French communes).
    static let rankSizeExponent = 0.95
    /// The share of towns drawn around centres rather than anywhere.
    static let clusteredShare = 0.65

    init(options: GeneratorOptions) {
        let half = options.side / 2
        var rng = SplitMix64(seed: options.seed, stream: 1)
        let centreCount = max(1, Int((Double(options.zones).squareRoot() / 3).rounded()))
        let centres = (0..<centreCount).map { _ in
            PlanarPoint(
                x: Sampling.uniform(-0.8 * half...0.8 * half, using: &rng),
                y: Sampling.uniform(-0.8 * half...0.8 * half, using: &rng))
        }
        let centreWeights = (1...centreCount).map { 1 / Double($0) }
        let spread = options.side / (2.5 * Double(centreCount).squareRoot())

        let points = (0..<options.zones).map { _ in
            Self.drawPoint(half: half, centres: centres, weights: centreWeights, spread: spread, using: &rng)
        }
        let scores = points.map { point in
            zip(centres, centreWeights).reduce(0.0) { sum, pair in
                let d = point.distance(to: pair.0)
                return sum + pair.1 * exp(-d * d / (2 * spread * spread))
            } + 1e-3 * rng.nextUnit()
        }
        let byCentrality = points.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        var rankWeights = Array(repeating: 0.0, count: points.count)
        for (rank, index) in byCentrality.enumerated() {
            rankWeights[index] = pow(Double(rank + 1), -Self.rankSizeExponent)
        }
        let populations = Sampling.apportion(options.population, weights: rankWeights)
        self.centres = centres
        towns = zip(points, populations).map { point, population in
            Town(
                point: point, population: population,
                density: Self.densityClass(population: population, area: options.zoneArea))
        }
    }

    private static func drawPoint(
        half: Double, centres: [PlanarPoint], weights: [Double], spread: Double, using rng: inout SplitMix64
    ) -> PlanarPoint {
        guard rng.nextUnit() < clusteredShare else {
            return PlanarPoint(
                x: Sampling.uniform(-half...half, using: &rng), y: Sampling.uniform(-half...half, using: &rng))
        }
        var pick = rng.nextUnit() * weights.reduce(0, +)
        var centre = centres[0]
        for (candidate, weight) in zip(centres, weights) {
            centre = candidate
            pick -= weight
            if pick < 0 { break }
        }
        return PlanarPoint(x: centre.x + spread * rng.nextGaussian(), y: centre.y + spread * rng.nextGaussian())
            .clamped(half: half)
    }

    /// INSEE-like density level from inhabitants per km².
    static func densityClass(population: Int, area: Double) -> DensityClass {
        let density = Double(population) / area
        switch density {
        case 1500...: return .dense
        case 300..<1500: return .intermediate
        case 25..<300: return .sparse
        default: return .verySparse
        }
    }
}
