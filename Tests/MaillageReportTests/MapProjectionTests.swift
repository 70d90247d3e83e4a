import MaillageCore
import Testing

@testable import MaillageReport

@Suite struct MapProjectionTests {
    @Test func lambert93PlacesToulouseWherePyprojDoes() throws {
        // pyproj: Transformer.from_crs("EPSG:2154", "EPSG:4326", always_xy=True).transform(574000, 6280000)
        // → (1.4396829934835345, 43.60784827134992)
        let projection = try MapProjection(crs: MapProjection.lambert93)
        let point = try projection.project(GeoPoint(longitude: 1.4396829934835345, latitude: 43.60784827134992))
        #expect(abs(point.x - 574_000) < 1e-3)
        #expect(abs(point.y - 6_280_000) < 1e-3)
    }

    @Test func webMercatorFollowsItsFormula() throws {
        // python3: R=6378137; R*radians(55.5), R*log(tan(pi/4 + radians(-21.1)/2))
        // → 6178231.739026683, -2403806.5216468265
        let projection = try MapProjection(crs: MapProjection.webMercator)
        let point = try projection.project(GeoPoint(longitude: 55.5, latitude: -21.1))
        #expect(abs(point.x - 6_178_231.739026683) < 1e-3)
        #expect(abs(point.y - -2_403_806.5216468265) < 1e-3)
    }

    @Test func metropolitanFranceIsDrawnInLambert93AndLaReunionInWebMercator() throws {
        let occitanie = BoundingBox(minLongitude: 0.0, minLatitude: 42.6, maxLongitude: 2.9, maxLatitude: 45.1)
        #expect(try MapProjection.suited(to: occitanie).crs == "EPSG:2154")
        let reunion = BoundingBox(minLongitude: 55.2, minLatitude: -21.4, maxLongitude: 55.9, maxLatitude: -20.8)
        #expect(try MapProjection.suited(to: reunion).crs == "EPSG:3857")
    }

    @Test func theFrameKeepsProportionsWithNorthUp() {
        let points = [MapProjection.Point(x: 0, y: 0), MapProjection.Point(x: 2000, y: 1000)]
        let frame = MapFrame(fitting: points, width: 220, maxHeight: 500, margin: 10)
        // 200 units for 2,000 m: 0.1 unit per metre; the height shrinks to 1,000 m + margins.
        #expect(abs(frame.scale - 0.1) < 1e-12)
        #expect(abs(frame.height - 120) < 1e-9)
        let northEast = frame.place(points[1])
        let southWest = frame.place(points[0])
        #expect(abs(northEast.x - 210) < 1e-9 && abs(northEast.y - 10) < 1e-9)
        #expect(abs(southWest.x - 10) < 1e-9 && abs(southWest.y - 110) < 1e-9)
    }
}
