import Foundation
import MaillageCore

/// How the inequality of an indicator changes between two runs on the same zones (a baseline
/// and a scenario), with paired bootstrap intervals.
///
/// Accessibility is deterministic, so the uncertainty worth reporting is that of a territory
/// drawn as a sample of zones: zones are resampled with replacement, each keeping its pair of
/// values, and the 2.5 % and 97.5 % percentiles of the change form the interval (Efron's
/// percentile bootstrap). Moran's I is left out: resampling zones breaks their neighbourhoods.
public struct EquityChange: Sendable, Codable {
    /// The measure's name (`gini`, `palma`, `theil`, `mean`…).
    public var measure: String
    /// The measure on the baseline run.
    public var baseline: Double
    /// The measure on the alternative run.
    public var alternative: Double
    /// `alternative − baseline`.
    public var difference: Double
    /// The 2.5 % percentile of the bootstrapped difference; nil when it cannot be resampled.
    public var lower: Double?
    /// The 97.5 % percentile of the bootstrapped difference; nil when it cannot be resampled.
    public var upper: Double?

    /// The changes of Gini, Theil, Palma, the concentration index and the shares below the
    /// thresholds. Zones undefined in either run are left out.
    public static func compute(
        zones: [Zone], baseline: [Double], alternative: [Double], options: EquityAnalysis.Options,
        resamples: Int = 999
    ) throws -> [EquityChange] {
        guard zones.count == baseline.count, zones.count == alternative.count else {
            throw AccessError.invalidInput("the two runs must give a value for the same zones")
        }
        let kept = zones.indices.filter { baseline[$0].isFinite && alternative[$0].isFinite }
        guard kept.count >= 2 else { throw AccessError.invalidInput("fewer than 2 zones have a value in both runs") }
        let weights = kept.map { options.weighting == .population ? zones[$0].population.total : 1 }
        let a = kept.map { baseline[$0] }
        let b = kept.map { alternative[$0] }
        let base = try WeightedSample(values: a, weights: weights)
        let thresholds = options.thresholds.isEmpty ? [base.mean / 2, base.mean] : options.thresholds
        let oldest = try AgeBand(id: "75+")
        let rankBy =
            options.rankBy ?? (kept.contains { !zones[$0].population.bands.isEmpty } ? .bandShare(oldest) : nil)
        let rank = rankBy.map { attribute in
            zip(kept, weights).map { index, weight in weight > 0 ? attribute.value(of: zones[index]) : 0 }
        }
        let usableRank = rank.flatMap { $0.allSatisfy(\.isFinite) ? $0 : nil }

        /// Every measure of one sample, in a fixed order.
        func measures(_ sample: WeightedSample, key: [Double]?) -> [Double] {
            var values = [Inequality.gini(sample), Inequality.theil(sample), Inequality.palma(sample)]
            if let key { values.append((try? Inequality.concentrationIndex(sample, rankedBy: key)) ?? .nan) }
            values += thresholds.map { Inequality.shareBelow(sample, threshold: $0) }
            return values
        }
        var names = ["gini", "theil", "palma"]
        if let rankBy, usableRank != nil { names.append("concentration_index.\(rankBy)") }
        names += thresholds.map { "share_below.\(NumberFormat.plain($0))" }

        let before = measures(base, key: usableRank)
        let after = measures(try WeightedSample(values: b, weights: weights), key: usableRank)
        var draws = [[Double]](repeating: [], count: names.count)
        var generator = SplitMix64(seed: options.seed, stream: 0xB007)
        for _ in 0..<resamples {
            let picks = (0..<kept.count).map { _ in Int.random(in: 0..<kept.count, using: &generator) }
            guard let first = try? WeightedSample(values: picks.map { a[$0] }, weights: picks.map { weights[$0] }),
                let second = try? WeightedSample(values: picks.map { b[$0] }, weights: picks.map { weights[$0] })
            else { continue }
            let key = usableRank.map { key in picks.map { key[$0] } }
            for (index, (x, y)) in zip(measures(first, key: key), measures(second, key: key)).enumerated()
            where (y - x).isFinite {
                draws[index].append(y - x)
            }
        }
        return names.indices.map { index in
            let sorted = draws[index].sorted()
            return EquityChange(
                measure: names[index], baseline: before[index], alternative: after[index],
                difference: after[index] - before[index],
                lower: percentile(sorted, 0.025), upper: percentile(sorted, 0.975))
        }
    }

    /// The type-7 percentile of sorted values; nil without any.
    static func percentile(_ sorted: [Double], _ p: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let position = p * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        return sorted[below] + (position - Double(below)) * (sorted[above] - sorted[below])
    }
}
