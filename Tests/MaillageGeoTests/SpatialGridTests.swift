import Foundation
import MaillageCore
import Testing

@testable import MaillageGeo

@Suite struct SpatialGridTests {
    /// Points scattered over southern France by a fixed linear congruential sequence.
    static let points: [GeoPoint] = {
        var state: UInt64 = 12345
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        return (0..<3000).map { _ in try! GeoPoint(longitude: -1 + 6 * next(), latitude: 42.5 + 4 * next()) }
    }()

    @Test func radiusQueryMatchesExactGeodesics() {
        let grid = SpatialGrid(points: Self.points, cellKilometres: 15)
        for centre in Self.points.prefix(50) {
            var found: [Int: Double] = [:]
            grid.forEach(within: 25_000, of: centre) { index, metres in found[index] = metres }
            for (index, point) in Self.points.enumerated() {
                let exact = Geodesic.wgs84.distance(from: centre, to: point)
                if exact <= 25_000 * 0.9995 {
                    #expect(found[index] != nil, "point at \(exact) m missing")
                    #expect(abs(found[index]! - exact) <= 5e-4 * exact + 1e-6)
                } else if exact > 25_000 * 1.0005 {
                    #expect(found[index] == nil)
                }
            }
        }
    }

    @Test func localMetricIsWithinFiveHundredthsOfAPercentUpTo100Km() throws {
        var worst = 0.0
        for (a, b) in zip(Self.points, Self.points.dropFirst()) {
            let exact = Geodesic.wgs84.distance(from: a, to: b)
            guard exact > 100, exact < 100_000 else { continue }
            worst = max(
                worst,
                abs(LocalMetric(centre: a).distance(latitude: b.latitude, longitude: b.longitude) - exact) / exact)
        }
        #expect(worst < 5e-4, "worst relative error \(worst)")
    }

    @Test func nearestEqualsBruteForce() throws {
        let grid = SpatialGrid(points: Self.points, cellKilometres: 5)
        let query = try GeoPoint(longitude: 1.44, latitude: 43.6)
        let got = grid.nearest(to: query, count: 7).map(\.index)
        let brute = Self.points.indices.sorted {
            Geodesic.wgs84.distance(from: query, to: Self.points[$0])
                < Geodesic.wgs84.distance(from: query, to: Self.points[$1])
        }
        #expect(got == Array(brute.prefix(7)))
        // Far outside the points, the grid still finds the nearest.
        let far = try GeoPoint(longitude: 20, latitude: 60)
        #expect(
            grid.nearest(to: far, count: 1).first?.index
                == Self.points.indices.min {
                    Geodesic.wgs84.distance(from: far, to: Self.points[$0])
                        < Geodesic.wgs84.distance(from: far, to: Self.points[$1])
                })
    }
}

@Suite struct StraightLineModelTests {
    @Test func minutesByHand() throws {
        let model = try StraightLineModel(
            accessMinutes: 2, detour: 1.5, nearSpeed: 30, farSpeed: 90, speedScaleKm: 20,
            densityFactors: [0.5, 1, 1, 1])
        // 20 km: speed = 90 − 60·e^−1 = 67.927…; time = 2 + 1.5·20/speed·60.
        let speed = 90 - 60 * exp(-1.0)
        #expect(abs(model.minutes(metres: 20_000) - (2 + 1.5 * 20 / speed * 60)) < 1e-12)
        // Dense at one end: factor (0.5 + 1)/2 = 0.75.
        #expect(
            abs(model.minutes(metres: 20_000, from: .dense, to: .sparse) - (2 + 1.5 * 20 / (speed * 0.75) * 60)) < 1e-12
        )
        #expect(model.minutes(metres: 0) == 2)
    }

    @Test func reachIsTheDistanceAtTheLimit() {
        let model = StraightLineModel.calibrated
        let reach = model.reach(minutes: 30)
        // The search radius is the distance at the fastest density factor (dense, 1.13).
        #expect(model.densityFactors.max() == model.densityFactors[0])
        #expect(abs(model.minutes(metres: reach, from: .dense, to: .dense) - 30) < 1e-6)
        #expect(model.minutes(metres: reach, from: .sparse, to: .sparse) > 30)
        #expect(model.reach(minutes: model.accessMinutes) == 0)
    }

    @Test func invalidParametersAreRefused() {
        #expect(throws: ValidationError.self) { try StraightLineModel(detour: 0.9) }
        #expect(throws: ValidationError.self) { try StraightLineModel(nearSpeed: 90, farSpeed: 40) }
        #expect(throws: ValidationError.self) { try StraightLineModel(densityFactors: [1, 1]) }
    }
}
