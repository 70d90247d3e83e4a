import Foundation
import MaillageCore

/// Road travel time estimated from the straight-line (geodesic) distance.
///
/// `minutes = access + detour × km / speed(km) × 60`, with a speed that grows with distance
/// (short trips use slow local roads, long ones reach main roads):
/// `speed(km) = far − (far − near)·exp(−km / scale)`, times a factor for the density level of
/// the zones at both ends. The defaults were fitted (`maillage travel calibrate`'s fit,
/// least absolute error) on every public OSRM road sample in `../shared/data/travel-times`:
/// 23,715 Corrèze commune pairs and 34,837 communes → Paris routes, half of them, judged on
/// the other half (`RefitDefaultsTests`; README "Travel times"). The density factors are
/// what that data says: dense communes are slightly *faster* per straight-line km (better
/// roads), not slower as the earlier assumed 0.6 / 0.85 had it.
public struct StraightLineModel: Sendable, Equatable {
    /// Fixed time to start and end a trip, in minutes.
    public var accessMinutes: Double
    /// Road distance over geodesic distance.
    public var detour: Double
    /// Speed of the shortest trips, km/h.
    public var nearSpeed: Double
    /// Speed approached by long trips, km/h.
    public var farSpeed: Double
    /// The distance over which speed moves from near to far, km.
    public var speedScaleKm: Double
    /// Speed multipliers for INSEE density levels 1 (dense) to 4 (very sparse).
    public var densityFactors: [Double]

    /// A model with these parameters; the defaults are the fit on road times described above.
    public init(
        accessMinutes: Double = 0, detour: Double = 1.46, nearSpeed: Double = 39, farSpeed: Double = 105,
        speedScaleKm: Double = 92, densityFactors: [Double] = [1.13, 1.06, 1, 0.92]
    ) throws {
        for (name, value) in [
            ("access minutes", accessMinutes), ("detour", detour), ("near speed", nearSpeed),
            ("far speed", farSpeed), ("speed scale", speedScaleKm),
        ] where !(value.isFinite && value >= 0) {
            throw ValidationError(field: "travel model \(name)", reason: "\(value) must be a finite number ≥ 0")
        }
        guard detour >= 1, nearSpeed > 0, farSpeed >= nearSpeed, speedScaleKm > 0 else {
            throw ValidationError(
                field: "travel model", reason: "needs detour ≥ 1 and 0 < near speed ≤ far speed, scale > 0")
        }
        guard densityFactors.count == 4, densityFactors.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw ValidationError(
                field: "travel model density factors", reason: "needs four factors > 0, for density levels 1 to 4")
        }
        self.accessMinutes = accessMinutes
        self.detour = detour
        self.nearSpeed = nearSpeed
        self.farSpeed = farSpeed
        self.speedScaleKm = speedScaleKm
        self.densityFactors = densityFactors
    }

    /// The calibrated defaults.
    public static let calibrated = try! StraightLineModel()

    /// Minutes for a geodesic distance between places of the given density levels.
    @inline(__always)
    public func minutes(metres: Double, from origin: DensityClass? = nil, to destination: DensityClass? = nil) -> Double
    {
        let km = metres / 1000
        let speed = farSpeed - (farSpeed - nearSpeed) * exp(-km / speedScaleKm)
        let factor = (factor(origin) + factor(destination)) / 2
        return accessMinutes + detour * km / (speed * factor) * 60
    }

    @inline(__always)
    private func factor(_ density: DensityClass?) -> Double {
        density.map { densityFactors[$0.rawValue - 1] } ?? 1
    }

    /// The longest geodesic distance, in metres, that can be travelled within `minutes`
    /// between any two places (at the fastest density factor): the search radius.
    public func reach(minutes: Double) -> Double {
        guard minutes > accessMinutes else { return 0 }
        let fastest = densityFactors.max() ?? 1
        var low = 0.0
        var high = 1.0
        while time(metres: high, factor: fastest) < minutes && high < 4e7 { high *= 2 }
        for _ in 0..<60 {
            let middle = (low + high) / 2
            if time(metres: middle, factor: fastest) <= minutes { low = middle } else { high = middle }
        }
        return high
    }

    private func time(metres: Double, factor: Double) -> Double {
        let km = metres / 1000
        let speed = farSpeed - (farSpeed - nearSpeed) * exp(-km / speedScaleKm)
        return accessMinutes + detour * km / (speed * factor) * 60
    }
}
