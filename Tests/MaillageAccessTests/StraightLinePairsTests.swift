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

    @Test func graphHoldsExactlyThePairsWithinTheLimit() throws {
        let zones = Self.places(300, seed: 1), sites = Self.places(120, seed: 2)
        let model = StraightLineModel.calibrated
        let graph = try StraightLinePairs.graph(zones: zones, sites: sites, model: model, limitMinutes: 25)
        var expected: [CatchmentGraph.Pair] = []
        for (z, zone) in zones.enumerated() {
            for (s, site) in sites.enumerated() {
                let minutes = model.minutes(metres: Geodesic.wgs84.distance(from: zone.point, to: site.point),
                                            from: zone.density, to: site.density)
                if minutes <= 25 { expected.append(.init(zone: z, site: s, minutes: minutes)) }
            }
        }
        var got: [CatchmentGraph.Pair] = []
        for zone in 0..<graph.zoneCount { graph.forEachSite(of: zone) { got.append(.init(zone: zone, site: $0, minutes: $1)) } }
        #expect(got.count == expected.count)
        #expect(got == expected)
    }

    @Test func sameGraphWithOneThreadOrMany() throws {
        let zones = Self.places(2000, seed: 3), sites = Self.places(500, seed: 4)
        let one = try StraightLinePairs.graph(zones: zones, sites: sites, model: .calibrated, limitMinutes: 20, threads: 1)
        let many = try StraightLinePairs.graph(zones: zones, sites: sites, model: .calibrated, limitMinutes: 20)
        #expect(one.zoneSites == many.zoneSites && one.zoneMinutes == many.zoneMinutes && one.siteZones == many.siteZones)
        #expect(throws: AccessError.self) { try StraightLinePairs.graph(zones: zones, sites: sites, model: .calibrated, limitMinutes: 0) }
    }
}
