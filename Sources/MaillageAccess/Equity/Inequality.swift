import Foundation

/// Inequality measures of a weighted sample: Gini, Theil, the Lorenz curve and the Palma ratio,
/// the concentration index and shares below thresholds.
///
/// Every measure is the population version (divided by N, not N − 1), as in PySAL `inequality`
/// and ipea's `accessibility`, so that weighting by integer populations equals repeating values.
public enum Inequality {
    /// The Gini coefficient: the mean absolute difference between two people over twice the mean.
    ///
    /// Sorted ascending, Σᵢⱼ wᵢwⱼ|xᵢ − xⱼ| = 2 Σᵢ wᵢxᵢ(Cᵢ₋₁ − (W − Cᵢ)) with C the cumulative
    /// weight, so G = Σᵢ wᵢxᵢ(2Cᵢ₋₁ + wᵢ − W) / (W · Σ w·x). NaN when everyone's value is 0.
    public static func gini(_ sample: WeightedSample) -> Double {
        let total = sample.totalWeight
        let mass = sample.weightedTotal
        guard mass > 0 else { return .nan }
        var before = 0.0
        var sum = 0.0
        for i in sample.order(by: sample.values) {
            let w = sample.weights[i]
            sum += w * sample.values[i] * (2 * before + w - total)
            before += w
        }
        return sum / (total * mass)
    }

    /// The Theil T index Σ (wᵢ/W)(xᵢ/μ) ln(xᵢ/μ), with 0·ln 0 = 0. NaN when the mean is 0.
    public static func theil(_ sample: WeightedSample) -> Double {
        let mean = sample.mean
        guard mean > 0 else { return .nan }
        let total = sample.totalWeight
        var sum = 0.0
        for (x, w) in zip(sample.values, sample.weights) where x > 0 && w > 0 {
            let ratio = x / mean
            sum += w / total * ratio * log(ratio)
        }
        return sum
    }

    /// The Theil index split into inequality between the groups' means and within the groups.
    public struct TheilDecomposition: Sendable, Equatable, Codable {
        /// The Theil index of the whole territory.
        public var total: Double
        /// The part due to differences between the groups' means.
        public var between: Double
        /// The part due to differences inside the groups (total − between).
        public var within: Double
        /// Each group's figures, in the order of their names.
        public var groups: [Group]

        /// One group's size, means and own Theil index.
        public struct Group: Sendable, Equatable, Codable {
            /// The group's name (a département code, a density class, `Q1`…).
            public var group: String
            /// How many zones it holds.
            public var zones: Int
            /// How many people live in them.
            public var population: Double
            /// The group's share of the people.
            public var populationShare: Double
            /// The group's share of Σ w·x (of the accessibility enjoyed).
            public var valueShare: Double
            /// The group's (weighted) mean value.
            public var mean: Double
            /// The Theil index inside the group.
            public var theil: Double
        }
    }

    /// Between = Σ_g s_g ln(s_g / p_g) with s_g the group's share of Σ w·x and p_g its share of
    /// the weight; within = Σ_g s_g T_g. The two add up to the total (Shorrocks 1980).
    public static func theilDecomposition(_ sample: WeightedSample, groups: [String]) throws -> TheilDecomposition {
        guard groups.count == sample.count else {
            throw AccessError.invalidInput("\(groups.count) group labels for \(sample.count) values")
        }
        let total = sample.totalWeight
        let mass = sample.weightedTotal
        var members: [String: [Int]] = [:]
        for (i, group) in groups.enumerated() { members[group, default: []].append(i) }
        var between = 0.0
        var within = 0.0
        var rows: [TheilDecomposition.Group] = []
        for name in members.keys.sorted() {
            let part = try? sample.subset(members[name]!)
            let weight = members[name]!.reduce(0) { $0 + sample.weights[$1] }
            let valueMass = members[name]!.reduce(0) { $0 + sample.weights[$1] * sample.values[$1] }
            let valueShare = mass > 0 ? valueMass / mass : .nan
            let populationShare = weight / total
            let inside = part.map(theil) ?? .nan
            if valueShare > 0 {
                between += valueShare * log(valueShare / populationShare)
                within += valueShare * inside
            }
            rows.append(
                .init(
                    group: name, zones: members[name]!.count, population: weight, populationShare: populationShare,
                    valueShare: valueShare, mean: weight > 0 ? valueMass / weight : .nan, theil: inside))
        }
        let overall = theil(sample)
        return TheilDecomposition(
            total: overall, between: mass > 0 ? between : .nan, within: mass > 0 ? within : .nan, groups: rows)
    }

    /// The Lorenz curve: (cumulative share of people, cumulative share of Σ w·x) from (0, 0) to
    /// (1, 1), people ordered from the lowest value up; zones of equal value are merged.
    public static func lorenz(_ sample: WeightedSample) -> [(population: Double, value: Double)] {
        let total = sample.totalWeight
        let mass = sample.weightedTotal
        var points: [(population: Double, value: Double)] = [(0, 0)]
        var people = 0.0
        var value = 0.0
        let order = sample.order(by: sample.values)
        for (position, i) in order.enumerated() {
            people += sample.weights[i]
            value += sample.weights[i] * sample.values[i]
            let next = position + 1 < order.count ? sample.values[order[position + 1]] : .nan
            if next != sample.values[i] {
                points.append((people / total, mass > 0 ? value / mass : .nan))
            }
        }
        points[points.count - 1] = (1, mass > 0 ? 1 : .nan)
        return points
    }

    /// The Lorenz curve's height at a population share, linear between its points (a zone's
    /// people share its value evenly, so a quantile may cut through a zone).
    public static func lorenzShare(_ curve: [(population: Double, value: Double)], at share: Double) -> Double {
        guard let after = curve.firstIndex(where: { $0.population >= share }) else { return curve.last?.value ?? .nan }
        guard after > 0 else { return curve[0].value }
        let a = curve[after - 1]
        let b = curve[after]
        let t = b.population > a.population ? (share - a.population) / (b.population - a.population) : 1
        return a.value + t * (b.value - a.value)
    }

    /// The Palma ratio: the share of Σ w·x held by the best-off 10 % of people over the share
    /// held by the worst-off 40 %. NaN when the bottom 40 % hold nothing.
    public static func palma(_ sample: WeightedSample) -> Double {
        let curve = lorenz(sample)
        let bottom = lorenzShare(curve, at: 0.4)
        let top = 1 - lorenzShare(curve, at: 0.9)
        return bottom > 0 ? top / bottom : .nan
    }

    /// The concentration index of the values against a ranking variable (Kakwani, Wagstaff and
    /// van Doorslaer 1997): 2·cov_w(x, r)/μ with r the weighted fractional rank by the ranking
    /// variable; zones tied on it share the mid-point rank. Positive when the values concentrate
    /// where the ranking variable is high. NaN when the mean is 0.
    public static func concentrationIndex(_ sample: WeightedSample, rankedBy key: [Double]) throws -> Double {
        guard key.count == sample.count else {
            throw AccessError.invalidInput("\(key.count) ranking values for \(sample.count) values")
        }
        guard key.allSatisfy(\.isFinite) else {
            throw AccessError.invalidInput("the ranking attribute is undefined for some zones")
        }
        let total = sample.totalWeight
        let mean = sample.mean
        guard mean > 0 else { return .nan }
        let order = sample.order(by: key)
        var rank = [Double](repeating: 0, count: sample.count)
        var start = 0
        var before = 0.0
        while start < order.count {
            var end = start
            var tied = 0.0
            while end < order.count, key[order[end]] == key[order[start]] {
                tied += sample.weights[order[end]]
                end += 1
            }
            for position in start..<end { rank[order[position]] = (before + tied / 2) / total }
            before += tied
            start = end
        }
        var covariance = 0.0
        for i in 0..<sample.count {
            covariance += sample.weights[i] / total * (sample.values[i] - mean) * (rank[i] - 0.5)
        }
        return 2 * covariance / mean
    }

    /// The share of people whose value is strictly below a threshold.
    public static func shareBelow(_ sample: WeightedSample, threshold: Double) -> Double {
        zip(sample.values, sample.weights).reduce(0) { $0 + ($1.0 < threshold ? $1.1 : 0) } / sample.totalWeight
    }
}
