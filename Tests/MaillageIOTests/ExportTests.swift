import Foundation
import MaillageCore
import MaillageFormats
import MaillageGenerator
import MaillageStore
import MaillageTestSupport
import Testing

@testable import MaillageIO

@Suite struct ExportRoundTripTests {
    let folder = try! TemporaryFolder()

    func database(_ territory: Territory) throws -> TerritoryDatabase {
        let database = try TerritoryDatabase.create(at: folder.path("t-\(UUID()).db"))
        try database.save(territory)
        return database
    }

    static func generated() throws -> Territory {
        try TerritoryGenerator.generate(GeneratorOptions(zones: 60, population: 90_000, seed: 11, name: "round trip"))
    }

    /// Actors and links exported to CSV and imported into a database holding only the zones
    /// come back identical: ids, kinds, names, zones, capacities (with the estimated flag),
    /// services, links, and positions (exact, since CSV numbers round-trip).
    @Test(arguments: [",", ";"] as [Unicode.Scalar])
    func actorsAndLinksRoundTripThroughCSV(delimiter: Unicode.Scalar) throws {
        let original = try Self.generated()
        #expect(
            original.actors.contains { !$0.services.isEmpty } && original.actors.contains { !$0.capacities.isEmpty })
        let source = try database(original)
        var exporter = TerritoryExporter()
        exporter.delimiter = delimiter
        let actorsFile = folder.path("actors-\(UUID()).csv")
        let linksFile = folder.path("links-\(UUID()).csv")
        #expect(try exporter.export(.actors, from: source, to: actorsFile).rows == original.actors.count)
        #expect(try exporter.export(.links, from: source, to: linksFile).rows == original.links.count)

        let target = try database(Territory(name: "round trip", zones: original.zones))
        let actorsReport = try ActorsImporter().run(file: actorsFile, into: target)
        #expect(actorsReport.inserted == original.actors.count && actorsReport.skippedCount == 0)
        _ = try LinksImporter().run(file: linksFile, into: target)
        let back = try target.loadTerritory()
        // Without --with-source the source reference stays behind; everything else comes back.
        let expected = try original.actors.map {
            try Actor(
                id: $0.id, kind: $0.kind, name: $0.name, point: $0.point, zoneID: $0.zoneID,
                capacities: $0.capacities, services: $0.services)
        }
        #expect(back.actors == expected.sorted { $0.id < $1.id })
        #expect(
            back.links
                == original.links.sorted { ($0.from, $0.kind.rawValue, $0.to) < ($1.from, $1.kind.rawValue, $1.to) })
        #expect(Set(back.links) == Set(original.links))
    }

    /// The zones CSV, read back with DelimitedFile, has the agreed columns and the database's values.
    @Test func zonesCSVHasTheAgreedColumnsAndValues() throws {
        let original = try Self.generated()
        let file = folder.path("zones.csv")
        _ = try TerritoryExporter().export(.zones, from: try database(original), to: file)
        let reader = try DelimitedFile(path: file)
        #expect(
            reader.header == [
                "id", "name", "lat", "lon", "population", "density_class",
                "population.0-14", "population.15-29", "population.30-44", "population.45-59",
                "population.60-74", "population.75+",
            ])
        let zones = Dictionary(uniqueKeysWithValues: original.zones.map { ($0.id, $0) })
        var seen = 0
        try reader.forEachRecord { record in
            let zone = try #require(zones[try record.required("id")])
            #expect(try record.required("name") == zone.name)
            #expect(try record.requiredDouble("lat") == zone.point.latitude)
            #expect(try record.requiredDouble("lon") == zone.point.longitude)
            #expect(try record.requiredDouble("population") == zone.population.total)
            #expect(try record.double("density_class").map(Int.init) == zone.densityClass?.rawValue)
            for band in AgeBand.insee {
                #expect(try record.double("population.\(band.id)") == zone.population[band])
            }
            seen += 1
        }
        #expect(seen == original.zones.count)
    }

    /// GeoJSON parses, is a FeatureCollection of Points in lon/lat, and carries the agreed properties.
    @Test func zonesAndActorsGeoJSONParseWithTheAgreedProperties() throws {
        let original = try Self.generated()
        let source = try database(original)
        let zonesFile = folder.path("zones.geojson")
        let actorsFile = folder.path("actors.geojson")
        _ = try TerritoryExporter().export(.zones, from: source, to: zonesFile)
        _ = try TerritoryExporter().export(.actors, from: source, to: actorsFile)

        let zones = try Self.features(zonesFile)
        #expect(zones.count == original.zones.count)
        for (feature, zone) in zip(zones, original.zones.sorted { $0.id < $1.id }) {
            let geometry = try #require(feature["geometry"] as? [String: Any])
            #expect(geometry["type"] as? String == "Point")
            try Self.expectPosition(geometry["coordinates"], zone.point)
            let properties = try #require(feature["properties"] as? [String: Any])
            #expect(properties["id"] as? String == zone.id && properties["name"] as? String == zone.name)
            #expect((properties["population"] as? NSNumber)?.doubleValue == zone.population.total)
            #expect((properties["density_class"] as? NSNumber)?.intValue == zone.densityClass?.rawValue)
            #expect((properties["population.75+"] as? NSNumber)?.doubleValue == zone.population[try AgeBand(id: "75+")])
        }

        let actors = try Self.features(actorsFile)
        #expect(actors.count == original.actors.count)
        for (feature, actor) in zip(actors, original.actors.sorted { $0.id < $1.id }) {
            let geometry = try #require(feature["geometry"] as? [String: Any])
            #expect(geometry["type"] as? String == "Point")
            try Self.expectPosition(geometry["coordinates"], actor.point)
            let properties = try #require(feature["properties"] as? [String: Any])
            #expect(properties["id"] as? String == actor.id && properties["kind"] as? String == actor.kind.rawValue)
            #expect(properties["name"] as? String == actor.name)
            #expect(properties["zone_id"] as? String == actor.zoneID)
            #expect(properties["services"] as? String == actor.services.joined(separator: ";"))
            for capacity in actor.capacities {
                // Foundation's JSON parser on Linux is not correctly rounded (it reads 0.6000000000000001
                // as 0.6000000000000002); the text itself round-trips exactly (NumberTextTests).
                let value = try #require((properties["capacity.\(capacity.measure)"] as? NSNumber)?.doubleValue)
                #expect(abs(value - capacity.value) <= 1e-12 * max(1, capacity.value))
                #expect(
                    (properties["capacity.\(capacity.measure).estimated"] as? Bool)
                        == (capacity.isEstimated ? true : nil))
            }
        }
        // An independent JSON parser agrees, when there is one.
        for file in [zonesFile, actorsFile] where Self.hasPython {
            #expect(try Self.run("/usr/bin/env", ["python3", "-m", "json.tool", file]) == 0)
        }
    }

    /// A hand-made clockwise square with a counter-clockwise hole is written with the
    /// right-hand rule: exterior counter-clockwise, hole clockwise.
    @Test func ringsAreWrittenWithTheRightHandRule() throws {
        func ring(_ points: [(Double, Double)]) throws -> [GeoPoint] {
            try points.map { try GeoPoint(longitude: $0.0, latitude: $0.1) }
        }
        // North, east, south, west: clockwise (shoelace sum = -2, by hand).
        let clockwiseSquare = try ring([(1, 45), (1, 46), (2, 46), (2, 45), (1, 45)])
        #expect(RingOrientation.signedDoubleArea(clockwiseSquare) == -2)
        let counterClockwiseHole = try ring([(1.25, 45.25), (1.75, 45.25), (1.75, 45.75), (1.25, 45.75), (1.25, 45.25)])
        let zone = try Zone(
            id: "Z1", name: "Square", point: GeoPoint(longitude: 1.5, latitude: 45.5),
            boundary: Boundary(polygons: [[clockwiseSquare, counterClockwiseHole]]))
        let file = folder.path("square.geojson")
        _ = try TerritoryExporter().export(.zones, from: try database(Territory(name: "s", zones: [zone])), to: file)
        let geometry = try #require(try Self.features(file).first?["geometry"] as? [String: Any])
        #expect(geometry["type"] as? String == "Polygon")
        let rings = try #require(geometry["coordinates"] as? [[[Double]]])
        #expect(
            rings == [
                [[1, 45], [2, 45], [2, 46], [1, 46], [1, 45]],  // east first: counter-clockwise
                [[1.25, 45.25], [1.25, 45.75], [1.75, 45.75], [1.75, 45.25], [1.25, 45.25]],  // north first: clockwise
            ])
    }

    /// A zone without a boundary is a Point; with two polygons, a MultiPolygon.
    @Test func zonesAreTheirBoundaryWhenKnownElseAPoint() throws {
        let square = try [(3.0, 45.0), (4.0, 45.0), (4.0, 46.0), (3.0, 46.0), (3.0, 45.0)].map {
            try GeoPoint(longitude: $0.0, latitude: $0.1)
        }
        let other = try [(5.0, 45.0), (6.0, 45.0), (6.0, 46.0), (5.0, 45.0)].map {
            try GeoPoint(longitude: $0.0, latitude: $0.1)
        }
        let zones = try [
            Zone(
                id: "A", name: "A", point: GeoPoint(longitude: 3.5, latitude: 45.5),
                boundary: Boundary(polygons: [[square], [other]])),
            Zone(id: "B", name: "B", point: GeoPoint(longitude: 1.123456789, latitude: 44.9876543)),
        ]
        let file = folder.path("zones2.geojson")
        _ = try TerritoryExporter().export(.zones, from: try database(Territory(name: "z", zones: zones)), to: file)
        let features = try Self.features(file)
        #expect((features[0]["geometry"] as? [String: Any])?["type"] as? String == "MultiPolygon")
        let point = try #require(features[1]["geometry"] as? [String: Any])
        #expect(point["type"] as? String == "Point")
        #expect(point["coordinates"] as? [Double] == [1.123457, 44.987654])  // 6 decimals, rounded by hand
    }

    @Test func withSourceAddsTheSourceColumns() throws {
        let actor = try Actor(
            id: "h1", kind: .hospital, name: "CHU; \"Purpan\"\nsite", point: GeoPoint(longitude: 1.4, latitude: 43.6),
            capacities: [Capacity(.beds, 2800.5), Capacity(.places, 60, isEstimated: true)],
            sourceReference: "FINESS:310781406",
            sourcePosition: SourcePosition(x: 574_000, y: 6_280_000.25, crs: "EPSG:2154"))
        let source = try database(Territory(name: "s", actors: [actor]))
        var exporter = TerritoryExporter()
        exporter.includeSource = true
        exporter.delimiter = ";"
        let file = folder.path("source.csv")
        _ = try exporter.export(.actors, from: source, to: file)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        // Written out by hand: quoting per RFC 4180, CRLF line ends, numbers without ".0".
        #expect(
            text
                == "id;kind;name;lat;lon;zone_id;services;capacity.beds;capacity.places;capacity.places.estimated;source_ref;source_x;source_y;source_crs\r\n"
                + "h1;hospital;\"CHU; \"\"Purpan\"\"\nsite\";43.6;1.4;;;2800.5;60;1;FINESS:310781406;574000;6280000.25;EPSG:2154\r\n"
        )
        let target = try database(Territory(name: "t"))
        _ = try ActorsImporter().run(file: file, into: target)
        let back = try #require(try target.loadTerritory().actors.first)
        #expect(
            back.name == actor.name && back.sourceReference == "FINESS:310781406" && back.capacities == actor.capacities
        )
    }

    static var hasPython: Bool { (try? run("/usr/bin/env", ["python3", "-c", "import json"])) == 0 }

    static func run(_ executable: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    static func features(_ path: String) throws -> [[String: Any]] {
        let object =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        #expect(object?["type"] as? String == "FeatureCollection")
        let features = try #require(object?["features"] as? [[String: Any]])
        for feature in features { #expect(feature["type"] as? String == "Feature") }
        return features
    }

    /// Coordinates are [lon, lat], within rounding to 6 decimals.
    static func expectPosition(_ value: Any?, _ point: GeoPoint) throws {
        let pair = try #require(value as? [Double])
        #expect(pair.count == 2)
        #expect(abs(pair[0] - point.longitude) <= 5e-7 && abs(pair[1] - point.latitude) <= 5e-7)
    }
}
