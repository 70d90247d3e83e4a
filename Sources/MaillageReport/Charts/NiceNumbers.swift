import Foundation

/// Round numbers for axes and scale bars: 1, 2 or 5 times a power of ten.
enum NiceNumbers {
    /// The largest round number not above `value` (positive).
    static func floor(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 1 }
        let power = pow(10, Foundation.floor(log10(value)))
        let fraction = value / power
        let nice: Double = fraction >= 5 ? 5 : fraction >= 2 ? 2 : 1
        return nice * power
    }

    /// Tick values covering [low, high] with about `count` steps of a round size.
    static func ticks(low: Double, high: Double, count: Int) -> [Double] {
        guard high > low, count > 0 else { return [low] }
        let step = roundStep((high - low) / Double(count))
        let first = (low / step).rounded(.up) * step
        var ticks: [Double] = []
        var value = first
        while value <= high + step * 1e-9 {
            ticks.append(abs(value) < step * 1e-9 ? 0 : value)
            value += step
        }
        return ticks
    }

    /// The round number nearest above `value`.
    static func roundStep(_ value: Double) -> Double {
        let power = pow(10, Foundation.floor(log10(value)))
        let fraction = value / power
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        return nice * power
    }
}
