import Testing

@testable import MaillageCore

@Suite struct SplitMix64Tests {
    /// The first outputs for seed 0 of Vigna's reference splitmix64.c.
    @Test func matchesReferenceImplementation() {
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(rng.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func unitDrawsStayInRange() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<10_000 {
            let u = rng.nextUnit()
            #expect(u >= 0 && u < 1)
        }
    }

    @Test func streamsDiffer() {
        var a = SplitMix64(seed: 1, stream: 1)
        var b = SplitMix64(seed: 1, stream: 2)
        #expect(a.next() != b.next())
    }
}

@Suite struct BoundaryGeoJSONTests {
    @Test func roundTripsThroughGeoJSON() throws {
        let ring = try [(0.0, 0.0), (1, 0), (1, 1), (0, 0)].map { try GeoPoint(longitude: $0.0, latitude: $0.1) }
        let boundary = try Boundary(polygons: [[ring]])
        #expect(try Boundary(geoJSON: boundary.geoJSONGeometry) == boundary)
        #expect(
            boundary.geoJSONGeometry
                == #"{"type":"MultiPolygon","coordinates":[[[[0.0,0.0],[1.0,0.0],[1.0,1.0],[0.0,0.0]]]]}"#)
    }

    @Test func readsPolygonsAndRefusesOpenRings() throws {
        let polygon = #"{"type":"Polygon","coordinates":[[[2,45],[3,45],[3,46],[2,45]]]}"#
        #expect(try Boundary(geoJSON: polygon).polygons.count == 1)
        let open = #"{"type":"Polygon","coordinates":[[[2,45],[3,45],[3,46],[2,46]]]}"#
        #expect(throws: ValidationError.self) { try Boundary(geoJSON: open) }
        #expect(throws: ValidationError.self) { try Boundary(geoJSON: #"{"type":"Point","coordinates":[2,45]}"#) }
    }
}
