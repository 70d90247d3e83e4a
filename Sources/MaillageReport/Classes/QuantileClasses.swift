/// Quantile classes of a set of values: each class holds about the same number of zones.
///
/// Breaks are the `i/k` quantiles by linear interpolation between order statistics (Hyndman
/// and Fan's type 7, the default of R, NumPy and Python's `statistics.quantiles(method=
/// "inclusive")`). Equal breaks are merged, so a variable where half the zones are 0 gets
/// fewer, honest classes rather than empty ones. A class holds its upper bound.
package struct QuantileClasses: Sendable, Equatable {
    /// The smallest value, the lower bound of the first class.
    package let minimum: Double
    /// The upper bound of each class, ascending; the last is the largest value.
    package let upperBounds: [Double]

    /// Classes of the finite values, or nil when there are none.
    package init?(values: [Double], classes: Int) {
        let sorted = values.filter(\.isFinite).sorted()
        guard let first = sorted.first, let last = sorted.last, classes >= 1 else { return nil }
        var bounds: [Double] = []
        for i in 1..<classes {
            let bound = Self.quantile(sorted, Double(i) / Double(classes))
            if bound < last, bound != bounds.last { bounds.append(bound) }
        }
        bounds.append(last)
        minimum = first
        upperBounds = bounds
    }

    /// The number of classes, fewer than asked when breaks were equal.
    package var count: Int { upperBounds.count }

    /// The class of a value (0 for the lowest), or nil for an undefined one.
    package func classIndex(of value: Double) -> Int? {
        guard value.isFinite else { return nil }
        return upperBounds.firstIndex { value <= $0 } ?? upperBounds.count - 1
    }

    /// The lower bound of a class: the minimum for the first, the previous upper bound after.
    package func lowerBound(ofClass index: Int) -> Double {
        index == 0 ? minimum : upperBounds[index - 1]
    }

    /// The type-7 quantile of sorted values.
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let position = p * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        return sorted[below] + (position - Double(below)) * (sorted[above] - sorted[below])
    }
}
