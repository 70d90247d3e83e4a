import Foundation
import MaillageCore
import MaillageFormats
import MaillageTestSupport
import Testing

@testable import MaillageIO

/// The GeoJSON zones reader parses the file itself, feature by feature (``JSONByteReader``);
/// these tests hold it to Foundation's `JSONSerialization`, an independent parser, on a real
/// file and on the corners of JSON (escapes, exponents, long numbers), and check that hostile
/// nesting is an error, not a crash.
@Suite struct GeoJSONStreamingTests {
    let folder = try! TemporaryFolder()

    func read(_ path: String, columns: ZoneColumns = ZoneColumns()) throws -> [ZoneDraft] {
        try ZoneGeoJSONReader(path: path, columns: columns, centroid: PolygonCentroid()).read()
    }

    /// What Foundation reads: each feature's properties and boundary.
    func foundationFeatures(_ path: String) throws -> [(properties: [String: Any], boundary: Boundary)] {
        let top = try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let features = try #require(top["features"] as? [[String: Any]])
        return try features.map { feature in
            (
                feature["properties"] as? [String: Any] ?? [:],
                try Boundary(geoJSONGeometry: try #require(feature["geometry"] as? [String: Any]))
            )
        }
    }

    @Test(.enabled(if: SharedData.shouldRun, SharedData.skipMessage))
    func ariegeBoundariesMatchFoundationPointForPoint() throws {
        let file = try SharedData.path("communes/boundaries/communes-09-ariege.geojson")
        let drafts = try read(file, columns: ZoneColumns(id: "code", name: "nom"))
        let expected = try foundationFeatures(file)
        #expect(drafts.count == expected.count && drafts.count == 331)
        for (draft, feature) in zip(drafts, expected) {
            #expect(draft.id == feature.properties["code"] as? String)
            #expect(draft.name == feature.properties["nom"] as? String)
            #expect(draft.boundary == feature.boundary, "zone \(draft.id)")
        }
    }

    @Test func escapesAndNumbersReadAsFoundationReadsThem() throws {
        // Names with escaped accents, a surrogate pair, quotes and a slash; coordinates with
        // exponents, a minus sign, more than 15 significant digits and integers.
        let ring = "[[-0.5,43],[1.5e-1,4.3E1],[0.15000000000000002220446,43.123456789012345678],[-5e-1,43.5],[-0.5,43]]"
        let text = #"""
            {"features":[{"type":"Feature","id":31555,"properties":{"name":"Saint-\u00c9tienne \ud83d\ude00 \"Q\" a\/b\tc","population":1e3},
             "geometry":{"coordinates":[\#(ring)],"type":"Polygon"}}],"type":"FeatureCollection"}
            """#
        let file = try folder.write("corners.geojson", text)
        let draft = try #require(try read(file).first)
        let expected = try #require(try foundationFeatures(file).first)
        #expect(draft.id == "31555")  // the feature's own id, a number, written without a fraction
        #expect(draft.name == expected.properties["name"] as? String)
        #expect(draft.name == "Saint-Étienne 😀 \"Q\" a/b\tc")
        #expect(draft.population == 1000)
        // Python's float() (correctly rounded, like strtod) gives the expected values:
        // python3 -c "print(repr(float('0.15000000000000002220446')), repr(float('43.123456789012345678')))"
        //   → 0.15000000000000002 43.123456789012344
        // Foundation's JSONSerialization on Linux reads the first as 0.15000000000000005 (one unit
        // in the last place off), so the boundary is checked against Python, not against it.
        let points = try [
            (-0.5, 43.0), (0.15, 43.0), (0.15000000000000002, 43.123456789012344), (-0.5, 43.5), (-0.5, 43.0),
        ]
        .map { try GeoPoint(longitude: $0.0, latitude: $0.1) }
        #expect(draft.boundary == (try Boundary(polygons: [[points]])))
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let depth = 100_000
        let text =
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"Z"},"geometry":{"type":"Polygon","coordinates":"#
            + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}}]}"
        let file = try folder.write("deep.geojson", text)
        #expect {
            _ = try read(file)
        } throws: { error in
            (error as? ImportError)?.expected.contains("nesting deeper than") == true
        }
    }

    @Test(
        arguments: [
            (#"{"type":"FeatureCollection","features":[{"type":"Feature","prop"#, 1),  // cut short
            (
                "{\"type\":\"FeatureCollection\",\n\"features\":[\n{\"type\":\"Feature\",\"properties\":{\"id\":\"A\"} x}\n]}",
                3
            ),
            (#"{"type":"FeatureCollection","features":[]} trailing"#, 1),
        ] as [(String, Int)])
    func syntaxErrorsNameTheirLine(text: String, line: Int) throws {
        let file = try folder.write("bad-\(UUID()).geojson", text)
        // JSONSerialization refuses these too.
        #expect(throws: (any Error).self) { try JSONSerialization.jsonObject(with: Data(text.utf8)) }
        #expect {
            _ = try read(file)
        } throws: { error in
            guard let error = error as? ImportError else { return false }
            return error.line == line && error.expected.hasPrefix("valid JSON")
        }
    }
}
