import Foundation
import MaillageCore
import MaillageGeo

/// Fits the straight-line model's parameters to road times by least absolute error.
///
/// `minutes = access + detour · km / (speed(km) · f) · 60` has one more parameter than the
/// data can tell apart (detour and the two speeds only act through their ratios), so the
/// detour is taken as the median of road km over geodesic km when the matrix has road
/// distances (else kept), and access, near speed, far speed and the speed scale are fitted
/// by Nelder–Mead on the mean absolute error, from the current defaults and from a few
/// spread starting points, keeping the best. A density level's factor is fitted only when
/// at least ``minimumPerDensity`` trips start or end at that level, relative to the most
/// common level (factor 1); levels without enough trips get 1 (no assumption).
public enum LineModelFit {
    /// The trips a density level needs, at either end, before its factor is fitted.
    public static let minimumPerDensity = 100
    /// No trip averages more than France's motorway limit: keeps a fit on short trips only
    /// from inventing a far speed it has no data for.
    public static let maximumSpeed = 130.0

    /// The model fitted on `samples`, searching from `start` and a few spread points.
    ///
    /// - Throws: `ValidationError` for fewer than 20 samples, or when no start gives a valid model.
    public static func fit(_ samples: [RoadSample], start: StraightLineModel = .calibrated) throws -> StraightLineModel
    {
        guard samples.count >= 20 else {
            throw ValidationError(
                field: "calibration",
                reason: "needs at least 20 road trips between distinct places with coordinates (got \(samples.count))")
        }
        let ratios = samples.compactMap { sample -> Double? in
            guard let road = sample.roadKm, sample.metres > 500 else { return nil }
            return road / (sample.metres / 1000)
        }
        let detour = ratios.count >= 20 ? max(1, median(ratios)) : start.detour
        var counts = [Int](repeating: 0, count: 5)
        for sample in samples {
            counts[sample.originDensity?.rawValue ?? 0] += 1
            counts[sample.destinationDensity?.rawValue ?? 0] += 1
        }
        let fitted = (1...4).filter { counts[$0] >= minimumPerDensity }
        let reference = fitted.max { counts[$0] < counts[$1] }
        let free = fitted.filter { $0 != reference }

        // Parameters: access, near, far − near, log scale, then one log factor per free level.
        func model(_ p: [Double]) -> StraightLineModel? {
            var factors = [1.0, 1, 1, 1]
            for (index, level) in free.enumerated() { factors[level - 1] = exp(p[4 + index]) }
            guard p[0] >= 0, p[1] > 1, p[2] >= 0, p[1] + p[2] <= maximumSpeed, p[3].isFinite else { return nil }
            return try? StraightLineModel(
                accessMinutes: p[0], detour: detour, nearSpeed: p[1], farSpeed: p[1] + p[2],
                speedScaleKm: min(exp(p[3]), 1e4), densityFactors: factors)
        }
        // The trips as flat arrays: the loss runs thousands of times over every trip.
        let kms = samples.map { $0.metres / 1000 }
        let observed = samples.map(\.minutes)
        let originLevels = samples.map { $0.originDensity?.rawValue ?? 0 }
        let destinationLevels = samples.map { $0.destinationDensity?.rawValue ?? 0 }
        func loss(_ p: [Double]) -> Double {
            guard let m = model(p) else { return .infinity }
            let factors = [1.0] + m.densityFactors
            let spread = m.farSpeed - m.nearSpeed
            let minutesPerKm = m.detour * 60
            var total = 0.0
            for index in kms.indices {
                let km = kms[index]
                let speed = m.farSpeed - spread * exp(-km / m.speedScaleKm)
                let factor = (factors[originLevels[index]] + factors[destinationLevels[index]]) / 2
                total += abs(m.accessMinutes + minutesPerKm * km / (speed * factor) - observed[index])
            }
            return total / Double(kms.count)
        }
        let extra = [Double](repeating: 0, count: free.count)
        let starts: [[Double]] = [
            [start.accessMinutes, start.nearSpeed, start.farSpeed - start.nearSpeed, log(start.speedScaleKm)] + extra,
            [2, 30, 60, log(20)] + extra,
            [0.5, 50, 40, log(100)] + extra,
            [3, 25, 80, log(40)] + extra,
        ]
        var best = starts[0]
        var bestLoss = loss(best)
        for point in starts {
            var found = NelderMead.minimize(loss, from: point, iterations: 1500)
            found = NelderMead.minimize(loss, from: found, iterations: 1500)
            let value = loss(found)
            if value < bestLoss {
                best = found
                bestLoss = value
            }
        }
        guard let result = model(best) else {
            throw ValidationError(field: "calibration", reason: "the fit did not converge")
        }
        return result
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// Nelder–Mead's downhill simplex: a derivative-free minimiser, fine for a handful of
/// parameters and a piecewise-smooth objective such as a mean absolute error.
enum NelderMead {
    static func minimize(_ f: ([Double]) -> Double, from start: [Double], iterations: Int) -> [Double] {
        let n = start.count
        var simplex = [start]
        for i in 0..<n {
            var point = start
            point[i] += point[i] == 0 ? 0.25 : 0.1 * abs(point[i])
            simplex.append(point)
        }
        var values = simplex.map(f)
        for _ in 0..<iterations {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            if abs(values[n] - values[0]) < 1e-9 * (abs(values[0]) + 1e-9) { break }
            let centroid = (0..<n).map { j in simplex[0..<n].reduce(0) { $0 + $1[j] } / Double(n) }
            func along(_ t: Double) -> [Double] { (0..<n).map { centroid[$0] + t * (simplex[n][$0] - centroid[$0]) } }
            let reflected = along(-1)
            let reflectedValue = f(reflected)
            if reflectedValue < values[0] {
                let expanded = along(-2)
                let expandedValue = f(expanded)
                (simplex[n], values[n]) =
                    expandedValue < reflectedValue ? (expanded, expandedValue) : (reflected, reflectedValue)
            } else if reflectedValue < values[n - 1] {
                (simplex[n], values[n]) = (reflected, reflectedValue)
            } else {
                let contracted = along(reflectedValue < values[n] ? -0.5 : 0.5)
                let contractedValue = f(contracted)
                if contractedValue < min(values[n], reflectedValue) {
                    (simplex[n], values[n]) = (contracted, contractedValue)
                } else {
                    for i in 1...n {
                        simplex[i] = (0..<n).map { simplex[0][$0] + 0.5 * (simplex[i][$0] - simplex[0][$0]) }
                        values[i] = f(simplex[i])
                    }
                }
            }
        }
        return simplex[values.indices.min { values[$0] < values[$1] }!]
    }
}
