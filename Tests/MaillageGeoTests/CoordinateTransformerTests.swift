import MaillageCore
import Testing

@testable import MaillageGeo

/// Expected values are pyproj 3 / PROJ 9 outputs given in the foundation issue,
/// not values computed by this code.
@Suite struct CoordinateTransformerTests {
    static let cases: [(crs: String, x: Double, y: Double, lon: Double, lat: Double)] = [
        ("EPSG:2154", 574_000, 6_280_000, 1.4396829934835345, 43.60784827134992),
        ("EPSG:2154", 570_937.8, 6_279_882.9, 1.401801915733064, 43.60624383334087),
        ("EPSG:3035", 3_620_000, 2_300_000, 1.3413958940045414, 43.44403535845896),
        ("EPSG:4559", 700_000, 1_800_000, -61.128417817575816, 16.272556694059112),
    ]

    @Test(arguments: 0..<4)
    func matchesPyproj(index: Int) throws {
        let c = Self.cases[index]
        let transformer = try CoordinateTransformer(from: c.crs)
        let point = try transformer.geoPoint(x: c.x, y: c.y)
        #expect(abs(point.longitude - c.lon) < 1e-7, "\(c.crs) longitude \(point.longitude)")
        #expect(abs(point.latitude - c.lat) < 1e-7, "\(c.crs) latitude \(point.latitude)")
    }

    @Test func batchEqualsOneByOne() throws {
        let transformer = try CoordinateTransformer(from: "EPSG:2154")
        var xs = [574_000.0, 570_937.8]
        var ys = [6_280_000.0, 6_279_882.9]
        try transformer.transform(xs: &xs, ys: &ys)
        #expect(abs(xs[0] - 1.4396829934835345) < 1e-7)
        #expect(abs(ys[1] - 43.60624383334087) < 1e-7)
    }

    @Test func wgs84ToLambert93RoundTrips() throws {
        let there = try CoordinateTransformer(from: "EPSG:2154")
        let back = try CoordinateTransformer(from: "EPSG:4326", to: "EPSG:2154")
        let (x, y) = try back.transform(x: 1.4396829934835345, y: 43.60784827134992)
        #expect(abs(x - 574_000) < 1e-3 && abs(y - 6_280_000) < 1e-3)
        let (lon, _) = try there.transform(x: x, y: y)
        #expect(abs(lon - 1.4396829934835345) < 1e-9)
    }

    @Test func projStringsAreAccepted() throws {
        let utm31 = try CoordinateTransformer(from: "+proj=utm +zone=31 +datum=WGS84 +units=m +no_defs +type=crs")
        let point = try utm31.geoPoint(x: 500_000, y: 0)
        #expect(abs(point.longitude - 3) < 1e-9 && abs(point.latitude) < 1e-9)
    }

    @Test func unknownCRSCarriesProjMessage() {
        #expect {
            _ = try CoordinateTransformer(from: "EPSG:999999")
        } throws: { error in
            guard let error = error as? ProjError else { return false }
            return error.operation.contains("EPSG:999999") && !error.message.isEmpty
                && error.message != "no message from PROJ"
        }
    }

    @Test func sharedBetweenTasks() async throws {
        let transformer = try CoordinateTransformer(from: "EPSG:2154")
        let results = try await withThrowingTaskGroup(of: Double.self) { group in
            for _ in 0..<16 {
                group.addTask { try transformer.geoPoint(x: 574_000, y: 6_280_000).longitude }
            }
            return try await group.reduce(into: [Double]()) { $0.append($1) }
        }
        #expect(results.allSatisfy { abs($0 - 1.4396829934835345) < 1e-7 })
    }
}

@Suite struct GeodesicTests {
    @Test func parisToulouseMatchesPublishedValue() throws {
        let paris = try GeoPoint(longitude: 2.3522, latitude: 48.8566)
        let toulouse = try GeoPoint(longitude: 1.4442, latitude: 43.6047)
        let metres = Geodesic.wgs84.distance(from: paris, to: toulouse)
        #expect(abs(metres - 587_953.62) <= 0.01, "got \(metres)")
    }

    @Test func quarterMeridianIsKnownLength() throws {
        // The WGS84 quarter meridian is 10,001,965.729 m (Karney 2013, table 1).
        let equator = try GeoPoint(longitude: 0, latitude: 0)
        let pole = try GeoPoint(longitude: 0, latitude: 90)
        #expect(abs(Geodesic.wgs84.distance(from: equator, to: pole) - 10_001_965.729) < 0.001)
    }
}
