import MaillageCore
import MaillageGeo
import Testing

@testable import MaillageAccess

@Suite struct StraightLinePairsTests {
    static func places(_ count: Int, seed: UInt64) -> [StraightLinePairs.Place] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { index in
            StraightLinePairs.Place(
                point: try! GeoPoint(longitude: 1 + 1.5 * rng.nextUnit(), latitude: 43 + rng.nextUnit()),
                density: DensityClass(rawValue: 1 + index % 4)
            )
        }
    }

    @Test func graphHoldsThePairsWithinTheLimit() throws {
        let zones = Self.places(300, seed: 1)
        let sites = Self.places(120, seed: 2)
        let model = StraightLineModel.calibrated
        let graph = try StraightLinePairs.graph(zones: zones, sites: sites, model: model, limitMinutes: 25)
        var got: [Int: Double] = [:]
        for zone in 0..<graph.zoneCount { graph.forEachSite(of: zone) { got[zone * 1000 + $0] = $1 } }
        // Against PROJ's exact geodesic: every pair clearly inside the limit is there with
        // the same time to 0.05 %, no pair clearly beyond it is (distances differ by < 0.05 %).
        var checked = 0
        for (z, zone) in zones.enumerated() {
            for (s, site) in sites.enumerated() {
                let exact = model.minutes(
                    metres: Geodesic.wgs84.distance(from: zone.point, to: site.point),
                    from: zone.density, to: site.density)
                if exact <= 25 * 0.999 {
                    let minutes = try #require(got[z * 1000 + s], "pair \(z)-\(s) at \(exact) min is missing")
                    #expect(abs(minutes - exact) <= 5e-4 * exact)
                    checked += 1
                } else if exact > 25 * 1.001 {
                    #expect(got[z * 1000 + s] == nil)
                }
            }
        }
        #expect(checked > 1000)
        #expect(got.values.allSatisfy { $0 <= 25 })
    }

    @Test func sameGraphWithOneThreadOrMany() throws {
        let zones = Self.places(2000, seed: 3)
        let sites = Self.places(500, seed: 4)
        let one = try StraightLinePairs.graph(
            zones: zones, sites: sites, model: .calibrated, limitMinutes: 20, threads: 1)
        let many = try StraightLinePairs.graph(zones: zones, sites: sites, model: .calibrated, limitMinutes: 20)
        #expect(
            one.zoneOffsets == many.zoneOffsets && one.zoneSites == many.zoneSites
                && one.zoneMinutes == many.zoneMinutes)
        #expect(throws: AccessError.self) {
            try StraightLinePairs.graph(zones: zones, sites: sites, model: .calibrated, limitMinutes: 0)
        }
    }
}
