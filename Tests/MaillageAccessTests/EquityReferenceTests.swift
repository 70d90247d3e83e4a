import Foundation
import MaillageAccess
import MaillageCore
import MaillageTestSupport
import Testing

/// The equity measures against PySAL (`inequality`, `esda`, `libpysal` from PyPI) on the same inputs.
///
/// PySAL's Gini and Theil take no weights: with integer populations, the population-weighted
/// measure must equal PySAL's measure of the values repeated once per inhabitant.
@Suite struct EquityReferenceTests {
    static let modules = ["inequality", "esda", "libpysal"]
    static let rows = 6, columns = 7

    /// Values with a north–south gradient and noise, populations 1…60, three column groups.
    static func lattice() throws -> (zones: [Zone], values: [Double], weights: [Int], groups: [String]) {
        var generator = SplitMix64(seed: 18)
        var zones: [Zone] = []
        var values: [Double] = []
        var weights: [Int] = []
        var groups: [String] = []
        func corner(_ row: Int, _ column: Int) throws -> GeoPoint {
            try GeoPoint(longitude: 1 + Double(column) * 0.1, latitude: 43 + Double(row) * 0.1)
        }
        for row in 0..<rows {
            for column in 0..<columns {
                let ring = [
                    try corner(row, column), try corner(row, column + 1), try corner(row + 1, column + 1),
                    try corner(row + 1, column), try corner(row, column),
                ]
                let population = 1 + Int(generator.next() % 60)
                zones.append(
                    try Zone(
                        id: String(format: "31%03d", row * columns + column), name: "z", point: try corner(row, column),
                        boundary: try Boundary(polygons: [[ring]]),
                        population: try Population(total: Double(population))))
                values.append(row < 2 && column < 3 ? 0 : 2 + Double(row) * 1.5 + generator.nextUnit() * 4)
                weights.append(population)
                groups.append(["west", "centre", "east"][column * 3 / columns])
            }
        }
        return (zones, values, weights, groups)
    }

    static func close(_ a: Double, _ b: Any?, _ what: String, tolerance: Double = 1e-9) {
        let expected = (b as? Double) ?? (b as? NSNumber)?.doubleValue ?? .nan
        #expect(abs(a - expected) <= tolerance * max(1, abs(expected)), "\(what): maillage \(a), PySAL \(expected)")
    }

    @Test(
        .enabled(
            if: PythonPeer.requiredOrAvailable(modules),
            "needs PySAL: make test installs it (scripts/install-test-python.sh)"))
    func latticeMatchesPySAL() throws {
        let folder = try TemporaryFolder()
        let (zones, values, weights, groups) = try Self.lattice()
        let reference = try PythonPeer.script(
            "check-equity.py",
            input: [
                "values": values, "weights": weights, "groups": groups, "lattice": [Self.rows, Self.columns],
            ], folder: folder.url)

        let sample = try WeightedSample(values: values, weights: weights.map(Double.init))
        Self.close(Inequality.gini(sample), reference["gini"], "Gini")
        let theil = try Inequality.theilDecomposition(sample, groups: groups)
        Self.close(theil.total, reference["theil"], "Theil")
        Self.close(theil.between, reference["theil_between"], "Theil between")
        Self.close(theil.within, reference["theil_within"], "Theil within")

        let contiguity = SpatialWeights.queen(zones.map(\.boundary))
        #expect(
            contiguity.neighbours == (reference["neighbours"] as? [[Int]]),
            "queen neighbours differ from libpysal lat2W")
        let moran = try MoranGlobal(values: values, weights: contiguity, permutations: 99, seed: 1)
        Self.close(moran.i, reference["moran_i"], "Moran's I")
        Self.close(moran.expected, reference["moran_expected"], "E[I]")
        Self.close(moran.varianceNormal, reference["moran_variance_normal"], "Var[I] normal")
        Self.close(moran.zNormal, reference["moran_z_normal"], "z normal")
        Self.close(moran.pNormal, reference["moran_p_normal"], "p normal")

        let local = try MoranLocal(values: values, weights: contiguity, permutations: 99, seed: 1)
        let expectedI = try #require(reference["local_i"] as? [Double])
        let expectedQ = try #require(reference["quadrant"] as? [Int])
        for zone in zones.indices {
            Self.close(local.values[zone], expectedI[zone], "local I of zone \(zone)")
            #expect(local.quadrants[zone].esdaCode == expectedQ[zone], "quadrant of zone \(zone)")
        }
    }

    @Test(
        .enabled(
            if: PythonPeer.requiredOrAvailable(modules),
            "needs PySAL: make test installs it (scripts/install-test-python.sh)"))
    func distanceBandMatchesPySAL() throws {
        let folder = try TemporaryFolder()
        var generator = SplitMix64(seed: 7)
        let points = try (0..<60).map { _ in
            try GeoPoint(longitude: 1 + generator.nextUnit() * 0.8, latitude: 43 + generator.nextUnit() * 0.6)
        }
        let values = points.map { 5 + $0.latitude * 3 - 129 + generator.nextUnit() * 2 }
        let weights = points.map { _ in 1 + Int(generator.next() % 9) }
        let band = SpatialWeights.minimumBandKm(points) * 1.3
        let reference = try PythonPeer.script(
            "check-equity.py",
            input: [
                "values": values, "weights": weights, "groups": weights.map { $0 % 2 == 0 ? "even" : "odd" },
                "points": points.map { [$0.longitude, $0.latitude] }, "band_km": band,
            ], folder: folder.url)
        let spatial = SpatialWeights.distanceBand(points, kilometres: band)
        #expect(
            spatial.neighbours == (reference["neighbours"] as? [[Int]]), "distance-band neighbours differ from libpysal"
        )
        let moran = try MoranGlobal(values: values, weights: spatial, permutations: 0)
        Self.close(moran.i, reference["moran_i"], "Moran's I")
        Self.close(moran.zNormal, reference["moran_z_normal"], "z normal")
        let local = try MoranLocal(values: values, weights: spatial, permutations: 0)
        for (zone, expected) in try #require(reference["local_i"] as? [Double]).enumerated() {
            Self.close(local.values[zone], expected, "local I of zone \(zone)")
        }
        let sample = try WeightedSample(values: values, weights: weights.map(Double.init))
        Self.close(Inequality.gini(sample), reference["gini"], "Gini")
        Self.close(Inequality.theil(sample), reference["theil"], "Theil")
    }
}

/// Measures checked by hand computation on small inputs.
@Suite struct EquityHandComputedTests {
    @Test func palmaOfTenEqualGroups() throws {
        // Ten people with values 1…10: the top 10 % hold 10/55, the bottom 40 % hold (1+2+3+4)/55.
        let sample = try WeightedSample(unweighted: (1...10).map(Double.init))
        #expect(abs(Inequality.palma(sample) - 1.0) < 1e-12)
        // Two zones: 60 people at 1 and 40 at 4 (total 220). The bottom 40 % hold 40/220; the
        // top 10 % are 10 people at 4, holding 40/220: Palma 1. The bottom 50 %: 50/220.
        let weighted = try WeightedSample(values: [4, 1], weights: [40, 60])
        #expect(abs(Inequality.palma(weighted) - 1.0) < 1e-12)
        let curve = Inequality.lorenz(weighted)
        #expect(abs(Inequality.lorenzShare(curve, at: 0.5) - 50.0 / 220) < 1e-12)
    }

    @Test func giniOfTwoZones() throws {
        // Half the people with 0, half with 1: mean difference 0.5, mean 0.5 → G = 0.5/(2·0.5) = 0.5.
        #expect(abs(Inequality.gini(try WeightedSample(values: [0, 1], weights: [3, 3])) - 0.5) < 1e-12)
        // Equal values: no inequality, and no Theil either.
        let flat = try WeightedSample(values: [2, 2, 2], weights: [1, 5, 9])
        #expect(Inequality.gini(flat) == 0)
        #expect(abs(Inequality.theil(flat)) < 1e-15)
    }

    @Test func concentrationIndexByDirectSum() throws {
        // Unweighted, ranks 1…n: C = 2/(n μ) Σ xᵢ Rᵢ/n − 1 − 1/n (O'Donnell et al. 2008, eq. 8.3
        // with fractional rank Rᵢ/n − 1/(2n)); the ranking variable sorts the zones as 2, 0, 3, 1.
        let x = [3.0, 8, 1, 4]
        let rankKey = [0.2, 0.9, 0.1, 0.5]
        let rankOf = [2, 4, 1, 3]  // rank of each zone by rankKey
        let n = 4.0
        let mean = x.reduce(0, +) / n
        let expected = 2 / (n * mean) * zip(x, rankOf).reduce(0) { $0 + $1.0 * Double($1.1) } / n - 1 - 1 / n
        let computed = try Inequality.concentrationIndex(try WeightedSample(unweighted: x), rankedBy: rankKey)
        #expect(abs(computed - expected) < 1e-12)
    }

    @Test func permutationPValuesAreReproducible() throws {
        let values = (0..<30).map { Double(($0 * 7) % 11) }
        let points = try (0..<30).map {
            try GeoPoint(longitude: Double($0 % 6) * 0.05, latitude: 45 + Double($0 / 6) * 0.05)
        }
        let weights = SpatialWeights.distanceBand(points, kilometres: 6)
        let a = try MoranLocal(values: values, weights: weights, permutations: 199, seed: 3)
        let b = try MoranLocal(values: values, weights: weights, permutations: 199, seed: 3)
        #expect(a == b)
        let global = try MoranGlobal(values: values, weights: weights, permutations: 199, seed: 3)
        #expect((global.pPermutation ?? 0) > 0 && (global.pPermutation ?? 2) <= 0.5 + 1.0 / 200)
    }
}

/// The change of the measures between two runs, on transformations whose effect is known.
@Suite struct EquityChangeTests {
    static func zones(_ count: Int) throws -> [Zone] {
        try (0..<count).map { index in
            try Zone(
                id: "Z\(index)", name: "z", point: try GeoPoint(longitude: Double(index) * 0.01, latitude: 45),
                population: try Population(total: Double(10 + (index * 37) % 90)))
        }
    }

    @Test func doublingEveryValueChangesNoRatioAndShiftingLowersTheGini() throws {
        let zones = try Self.zones(40)
        let base = zones.indices.map { Double(($0 * 53) % 29) + 1 }
        var options = EquityAnalysis.Options()
        options.thresholds = [10]
        // Gini, Theil and Palma do not depend on the unit: every resample's change is 0 too.
        let doubled = try EquityChange.compute(
            zones: zones, baseline: base, alternative: base.map { $0 * 2 }, options: options, resamples: 200)
        for change in doubled where ["gini", "theil", "palma"].contains(change.measure) {
            #expect(
                abs(change.difference) < 1e-12 && abs(change.lower ?? 1) < 1e-12 && abs(change.upper ?? 1) < 1e-12,
                "\(change.measure)")
        }
        // Adding c keeps the mean difference and raises the mean: G' = G·μ/(μ + c).
        let shifted = try EquityChange.compute(
            zones: zones, baseline: base, alternative: base.map { $0 + 5 }, options: options, resamples: 200)
        let sample = try WeightedSample(values: base, weights: zones.map(\.population.total))
        let gini = try #require(shifted.first { $0.measure == "gini" })
        let expected = Inequality.gini(sample) * sample.mean / (sample.mean + 5)
        #expect(abs(gini.alternative - expected) < 1e-12)
        #expect(gini.difference < 0 && (gini.upper ?? 0) < 0, "a shift narrows inequality in every resample")
        // Shares below 10: the people whose value rises past 10.
        let share = try #require(shifted.first { $0.measure == "share_below.10" })
        let people = zones.map(\.population.total).reduce(0, +)
        let crossing = zip(base, zones).filter { $0.0 < 10 && $0.0 + 5 >= 10 }.reduce(0) { $0 + $1.1.population.total }
        #expect(abs(share.difference + crossing / people) < 1e-12)
    }
}
