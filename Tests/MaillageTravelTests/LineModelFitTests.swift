import Foundation
import MaillageCore
import MaillageGeo
import MaillageStore
import Testing

@testable import MaillageTravel

/// The fit and the statistics on inputs whose answers are known by construction or by hand.
struct LineModelFitTests {
    /// Trips timed by a known model: the fit must give back its times (the detour comes from
    /// the road km, which the generator sets at exactly 1.3 × the straight line).
    @Test func recoversTheModelThatMadeTheTimes() throws {
        let truth = try StraightLineModel(
            accessMinutes: 2, detour: 1.3, nearSpeed: 30, farSpeed: 90, speedScaleKm: 25,
            densityFactors: [1, 1, 1, 1])
        var generator = SplitMix64(seed: 5)
        let samples = (0..<600).map { index -> RoadSample in
            let metres = 500 + generator.nextUnit() * 120_000
            return RoadSample(
                origin: .zone("o\(index)"), destination: .zone("d\(index)"), metres: metres,
                minutes: truth.minutes(metres: metres), roadKm: 1.3 * metres / 1000, originDensity: nil,
                destinationDensity: nil)
        }
        let fitted = try LineModelFit.fit(samples)
        #expect(abs(fitted.detour - 1.3) < 1e-9)
        let worst = samples.map { abs($0.predicted(by: fitted) - $0.minutes) }.max()!
        #expect(worst < 0.05, "worst error \(worst) min")
    }

    @Test func densityFactorsAreFittedWhereTheDataHasThem() throws {
        // Dense ends are 20 % slower than sparse ones, which are the most common (factor 1).
        let truth = try StraightLineModel(
            accessMinutes: 1, detour: 1.4, nearSpeed: 35, farSpeed: 95, speedScaleKm: 40,
            densityFactors: [0.8, 1, 1, 1])
        var generator = SplitMix64(seed: 9)
        let samples = (0..<900).map { index -> RoadSample in
            let metres = 1000 + generator.nextUnit() * 60_000
            let origin: DensityClass = index % 3 == 0 ? .dense : .sparse
            return RoadSample(
                origin: .zone("o\(index)"), destination: .zone("d\(index)"), metres: metres,
                minutes: truth.minutes(metres: metres, from: origin, to: .sparse), roadKm: 1.4 * metres / 1000,
                originDensity: origin, destinationDensity: .sparse)
        }
        let fitted = try LineModelFit.fit(samples)
        #expect(abs(fitted.densityFactors[0] - 0.8) < 0.01)
        #expect(fitted.densityFactors[1] == 1 && fitted.densityFactors[3] == 1)  // no data: no assumption
    }

    @Test func tooFewTripsAreRefused() {
        #expect(throws: ValidationError.self) { try LineModelFit.fit([]) }
    }

    /// By hand: errors 1, −2, 3, −4, 10 → |e| sorted 1, 2, 3, 4, 10; MAE 4, median 3, bias 1.6,
    /// p90 = 4 + 0.6 × (10 − 4) = 7.6 (numpy's linear interpolation at 0.9 × 4 = 3.6).
    @Test func errorSummaryByHand() {
        let summary = ErrorSummary(errors: [1, -2, 3, -4, 10])
        #expect(summary.pairs == 5)
        #expect(abs(summary.mae - 4) < 1e-12)
        #expect(abs(summary.median - 3) < 1e-12)
        #expect(abs(summary.bias - 1.6) < 1e-12)
        #expect(abs(summary.p90 - 7.6) < 1e-12)
    }

    @Test func splitIsSeededAndComplete() {
        let samples = (0..<100).map {
            RoadSample(
                origin: .zone("\($0)"), destination: .zone("x"), metres: 1, minutes: 1, roadKm: nil,
                originDensity: nil, destinationDensity: nil)
        }
        let a = CalibrationJob.split(samples, holdout: 0.2, seed: 4)
        let b = CalibrationJob.split(samples, holdout: 0.2, seed: 4)
        #expect(a.heldOut == b.heldOut && a.training == b.training)
        #expect(a.heldOut.count == 20 && a.training.count == 80)
        #expect(Set(a.heldOut + a.training) == Set(samples))
        #expect(CalibrationJob.split(samples, holdout: 0.2, seed: 5).heldOut != a.heldOut)
    }

    @Test func tableBlocksCoverEveryPairOnce() {
        for (origins, destinations, size) in [(7, 5, 2), (1, 1, 250), (300, 2, 100), (10, 10, 3)] {
            var seen = Set<[Int]>()
            for block in TableBlock.plan(origins: origins, destinations: destinations, size: size) {
                #expect(block.origins.count <= size && block.destinations.count <= size)
                for o in block.origins { for d in block.destinations { #expect(seen.insert([o, d]).inserted) } }
                for part in block.split() where block.pairCount > 1 { #expect(part.pairCount < block.pairCount) }
            }
            #expect(seen.count == origins * destinations)
        }
    }
}
