import Foundation

/// The training trips' residuals, averaged over trips whose two ends are both near a
/// queried trip's (a Gaussian on the origin and destination distances), in both directions.
struct ResidualKernel: Sendable {
    /// One training trip: its two ends (km) and what the fit left.
    struct Trip: Sendable {
        let start: SIMD2<Double>
        let end: SIMD2<Double>
        let residual: Double
    }

    /// The trips, both directions, sorted by the start's east coordinate for a range search.
    let trips: [Trip]
    let bandwidthKm: Double
    let shrink: Double

    init(trips: [Trip], bandwidthKm: Double, shrink: Double) {
        let both = trips.flatMap { [$0, Trip(start: $0.end, end: $0.start, residual: $0.residual)] }
        // Stable order for equal keys: the sum below must not depend on the sort's ties.
        self.trips = both.enumerated().sorted { ($0.element.start.x, $0.offset) < ($1.element.start.x, $1.offset) }
            .map(\.element)
        self.bandwidthKm = bandwidthKm
        self.shrink = shrink
    }

    /// Trips farther than this many bandwidths weigh under e⁻¹⁸ and are skipped.
    static let reach = 6.0

    /// The smoothed residual for a trip from `origin` to `destination` (km).
    func correction(from origin: SIMD2<Double>, to destination: SIMD2<Double>) -> Double {
        let reach = Self.reach * bandwidthKm
        let h2 = 2 * bandwidthKm * bandwidthKm
        var index = firstIndex(eastOfOrAt: origin.x - reach)
        var (weights, sum) = (0.0, 0.0)
        while index < trips.count, trips[index].start.x <= origin.x + reach {
            let trip = trips[index]
            let a = trip.start - origin
            let b = trip.end - destination
            let d2 = (a * a).sum() + (b * b).sum()
            if d2 <= reach * reach {
                let w = exp(-d2 / h2)
                weights += w
                sum += w * trip.residual
            }
            index += 1
        }
        return sum / (weights + shrink)
    }

    private func firstIndex(eastOfOrAt x: Double) -> Int {
        var (low, high) = (0, trips.count)
        while low < high {
            let mid = (low + high) / 2
            if trips[mid].start.x < x { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
