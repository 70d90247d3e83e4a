import Foundation

extension OccupancyChart.Line {
    /// How much a role's daily share moves a month after the warm-up, with the noise of that estimate.
    public struct Drift: Sendable, Equatable {
        /// What the drift is measured against.
        public enum Scale: Sendable, Equatable {
            /// Relative to the role's mean share (0.01: the share grows by 1 % of itself a month).
            case relative
            /// In points of the capacity offered (0.01: by 1 % of the beds a month), for patients
            /// counted against the beds: a handful of them make a relative slope pure noise.
            case capacity
        }

        /// The least-squares slope over 30 days on the role's scale, signed.
        public var value: Double
        /// Half the 95 % interval of `value`, widened for the series' day-to-day correlation.
        public var halfWidth: Double
        /// What `value` is measured against.
        public var scale: Scale

        /// Whether the series drifts beyond `limit` by more than its noise: the whole 95 % interval lies beyond.
        public func drifts(limit: Double) -> Bool { abs(value) - halfWidth > limit }

        /// Whether the estimate passes `limit` while its interval still reaches within it (more
        /// replications decide).
        public func isNoisy(limit: Double) -> Bool { abs(value) > limit && !drifts(limit: limit) }
    }

    /// Roles that count patients against the beds offered rather than use a capacity of their own.
    static let countedAgainstBeds: Set = ["emergency_boarding", "blocked_beds"]

    /// The share's monthly drift and its 95 % interval; nil with fewer than 30 days offered or a zero mean.
    ///
    /// The slope's standard error is the ordinary least-squares one widened by (1 + r) / (1 − r),
    /// r the lag-1 autocorrelation of the residuals (an AR(1) effective sample size, as for
    /// climate trends): occupancy of stays of weeks or months is correlated from day to day, and
    /// without the correction a series of 20 HAD places would look significant at every wiggle.
    public var drift: Drift? {
        var days: [Double] = []
        var shares: [Double] = []
        for day in used.indices where offered[day].isFinite && offered[day] > 0 && used[day].isFinite {
            days.append(Double(day))
            shares.append(used[day] / offered[day])
        }
        guard days.count >= 30 else { return nil }
        let n = Double(days.count)
        let meanDay = days.reduce(0, +) / n
        let meanShare = shares.reduce(0, +) / n
        var covariance = 0.0
        var variance = 0.0
        for (day, share) in zip(days, shares) {
            covariance += (day - meanDay) * (share - meanShare)
            variance += (day - meanDay) * (day - meanDay)
        }
        guard variance > 0, meanShare > 0 else { return nil }
        let slope = covariance / variance
        let residuals = zip(days, shares).map { $1 - meanShare - slope * ($0 - meanDay) }
        let squares = residuals.reduce(0) { $0 + $1 * $1 }
        var lagged = 0.0
        for index in residuals.indices.dropFirst() { lagged += residuals[index] * residuals[index - 1] }
        let r = squares > 0 ? min(0.99, max(0, lagged / squares)) : 0
        let standardError = (squares / (n - 2) / variance * (1 + r) / (1 - r)).squareRoot()
        let scale: Drift.Scale = Self.countedAgainstBeds.contains(role) ? .capacity : .relative
        let unit = scale == .relative ? 30 / meanShare : 30
        return Drift(value: slope * unit, halfWidth: 1.96 * standardError * unit, scale: scale)
    }
}
