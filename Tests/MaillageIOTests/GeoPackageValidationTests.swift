import Foundation
import GRDB
import MaillageCore
import MaillageFormats
import MaillageIO
import MaillageStore
import MaillageTestSupport
import Testing

/// A written GeoPackage read back with plain SQLite and checked against the rules of OGC 12-128r18
/// (GeoPackage 1.3) that can be checked offline: the header, the core tables, every geometry
/// blob's header and envelope, the R-tree index, and nothing half-written on failure.
@Suite struct GeoPackageValidationTests {
    let folder = try! TemporaryFolder()

    /// Four square zones (one with a hole, wound clockwise as shapefiles do), a point-only zone,
    /// two actors, a link between them and a `covers` link.
    static func territory() throws -> Territory {
        func p(_ x: Double, _ y: Double) throws -> GeoPoint { try GeoPoint(longitude: x, latitude: y) }
        func square(_ x: Double, _ y: Double) throws -> [GeoPoint] {
            [try p(x, y), try p(x + 1, y), try p(x + 1, y + 1), try p(x, y + 1), try p(x, y)]
        }
        var zones = try (0..<4).map { index -> Zone in
            let x = Double(index % 2)
            let y = 43 + Double(index / 2)
            var polygon = [try square(x, y)]
            if index == 3 {
                polygon[0].reverse()
                polygon.append([
                    try p(x + 0.25, y + 0.25), try p(x + 0.25, y + 0.5), try p(x + 0.5, y + 0.5),
                    try p(x + 0.5, y + 0.25), try p(x + 0.25, y + 0.25),
                ])
            }
            return try Zone(
                id: "0900\(index)", name: "Zone \(index)", point: try p(x + 0.5, y + 0.5),
                boundary: try Boundary(polygons: [polygon]),
                population: try Population(total: Double(100 * (index + 1))), densityClass: .sparse)
        }
        zones.append(
            try Zone(id: "09100", name: "Point only", point: try p(2.5, 43.5), population: try Population(total: 50)))
        let actors = [
            try Actor(
                id: "h1", kind: .hospital, name: "Hôpital", point: try p(0.4, 43.4), zoneID: "09000",
                capacities: [try Capacity(.beds, 120)], services: ["emergency"]),
            try Actor(
                id: "g1", kind: .gp, name: "Dr A", point: try p(1.6, 44.2), zoneID: "09003",
                capacities: [try Capacity(.fte, 1)]),
        ]
        let links = [
            try Link(from: "g1", kind: .refersTo, to: "h1"),
            try Link(from: "h1", kind: .covers, to: "09001", strength: 0.5),
        ]
        return try Territory(name: "test", zones: zones, actors: actors, links: links)
    }

    static func package() throws -> TerritoryGeoPackage {
        var package = TerritoryGeoPackage(territory: try territory())
        let run = IndicatorRun(
            method: "nearest", parameters: "{\"kind\":\"hospital\"}", inputsFingerprint: "f",
            values: [
                .init(zoneID: "09000", numbers: ["minutes": 5]), .init(zoneID: "09001", numbers: ["minutes": 12.5]),
                .init(zoneID: "09002", numbers: ["minutes": nil]), .init(zoneID: "09003", numbers: ["minutes": 30]),
            ])
        package.runs = [
            .init(
                header: IndicatorRunHeader(
                    id: 7, method: "nearest", parameters: run.parameters, inputsFingerprint: "f",
                    createdAt: "2026-12-04T00:00:00Z", maillageVersion: "test"), run: run)
        ]
        return package
    }

    func written() throws -> (path: String, queue: DatabaseQueue) {
        let (layers, _) = try Self.package().layers()
        let path = folder.path("t.gpkg")
        let style = GeoPackageStyle(
            table: "zones", name: "nearest_minutes_r7", qml: "<qgis/>", sld: "<sld/>", isDefault: true, description: "d"
        )
        try GeoPackageWriter.write(layers: layers, styles: [style], crs: .wgs84, to: path)
        return (path, try DatabaseQueue(path: path))
    }

    @Test func headerAndCoreTables() throws {
        let (_, queue) = try written()
        try queue.read { db in
            #expect(try Int32.fetchOne(db, sql: "PRAGMA application_id") == 0x4750_4B47)  // "GPKG"
            #expect(try Int32.fetchOne(db, sql: "PRAGMA user_version") == 10300)
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            // Requirement 11: the three mandatory SRS rows.
            #expect(
                try Int.fetchAll(db, sql: "SELECT srs_id FROM gpkg_spatial_ref_sys ORDER BY srs_id") == [-1, 0, 4326])
            let contents = try Row.fetchAll(
                db, sql: "SELECT table_name, data_type, srs_id FROM gpkg_contents ORDER BY table_name")
            #expect(
                contents.map { $0["table_name"] as String } == [
                    "actors", "layer_metadata", "layer_styles", "links", "zones",
                ])
            for row in contents {
                let features = (row["data_type"] as String) == "features"
                #expect(features == ["actors", "links", "zones"].contains(row["table_name"] as String))
                #expect((row["srs_id"] as Int?) == (features ? 4326 : nil))
            }
            let columns = try Row.fetchAll(
                db,
                sql:
                    "SELECT table_name, column_name, geometry_type_name, srs_id, z, m FROM gpkg_geometry_columns ORDER BY table_name"
            )
            #expect(
                columns.map { "\($0["table_name"] as String):\($0["geometry_type_name"] as String)" }
                    == ["actors:POINT", "links:LINESTRING", "zones:GEOMETRY"])
            #expect(
                columns.allSatisfy {
                    ($0["column_name"] as String) == "geom" && ($0["z"] as Int) == 0 && ($0["m"] as Int) == 0
                })
            // Every feature table's declared column type is its geometry type (requirement 25).
            let declared = try Row.fetchAll(db, sql: "PRAGMA table_info(zones)").first {
                ($0["name"] as String) == "geom"
            }
            #expect((declared?["type"] as String?) == "GEOMETRY")
            // The run's column and its description.
            #expect(
                try Double.fetchAll(
                    db, sql: "SELECT nearest_minutes_r7 FROM zones WHERE nearest_minutes_r7 IS NOT NULL ORDER BY fid")
                    == [5, 12.5, 30])
            #expect(
                try String.fetchOne(
                    db,
                    sql: "SELECT parameters FROM layer_metadata WHERE column_name = 'nearest_minutes_r7' AND run_id = 7"
                )
                    == "{\"kind\":\"hospital\"}")
        }
    }

    /// Parses a StandardGeoPackageBinary blob independently of the writer: header fields and the
    /// WKB points, to check the envelope against the coordinates.
    struct Blob {
        var srsID: Int32
        var flags: UInt8
        var envelope: [Double]
        var type: UInt32
        var points: [(Double, Double)]
        var rings: [Int]

        init(_ data: [UInt8]) throws {
            func u32(_ at: Int) -> UInt32 { (0..<4).reduce(UInt32(0)) { $0 | UInt32(data[at + $1]) << (8 * $1) } }
            func f64(_ at: Int) -> Double {
                Double(bitPattern: (0..<8).reduce(UInt64(0)) { $0 | UInt64(data[at + $1]) << (8 * $1) })
            }
            guard data.count > 8, data[0] == 0x47, data[1] == 0x50, data[2] == 0 else {
                throw CocoaError(.fileReadCorruptFile)
            }
            flags = data[3]
            srsID = Int32(bitPattern: u32(4))
            let envelopeCount = [0, 4, 6, 6, 8][Int((flags >> 1) & 7)]
            envelope = (0..<envelopeCount).map { f64(8 + 8 * $0) }
            var at = 8 + 8 * envelopeCount
            guard data[at] == 1 else { throw CocoaError(.fileReadCorruptFile) }  // little-endian WKB
            type = u32(at + 1)
            at += 5
            points = []
            rings = []
            func readPoints(_ count: Int) {
                for _ in 0..<count {
                    points.append((f64(at), f64(at + 8)))
                    at += 16
                }
            }
            switch type {
            case 1: readPoints(1)
            case 2:
                let count = Int(u32(at))
                at += 4
                readPoints(count)
            case 6:
                let polygons = Int(u32(at))
                at += 4
                for _ in 0..<polygons {
                    at += 5
                    let ringCount = Int(u32(at))
                    at += 4
                    for _ in 0..<ringCount {
                        let count = Int(u32(at))
                        at += 4
                        rings.append(count)
                        readPoints(count)
                    }
                }
            default: throw CocoaError(.fileReadCorruptFile)
            }
            guard at == data.count else { throw CocoaError(.fileReadCorruptFile) }
        }
    }

    @Test func geometryBlobsHaveHeadersWithEnvelopesAndTheRTreeAgrees() throws {
        let (_, queue) = try written()
        try queue.read { db in
            for table in ["zones", "actors", "links"] {
                let rows = try Row.fetchAll(db, sql: "SELECT fid, geom FROM \(table) ORDER BY fid")
                #expect(!rows.isEmpty)
                let index = try Row.fetchAll(
                    db, sql: "SELECT id, minx, maxx, miny, maxy FROM rtree_\(table)_geom ORDER BY id")
                #expect(index.count == rows.count, "\(table): one R-tree entry per feature")
                var extent = [Double.infinity, -Double.infinity, Double.infinity, -Double.infinity]
                for (row, entry) in zip(rows, index) {
                    let blob = try Blob([UInt8](row["geom"] as Data))
                    #expect(blob.srsID == 4326)
                    #expect(
                        blob.flags & 1 == 1 && (blob.flags >> 1) & 7 == 1 && blob.flags & 0x10 == 0,
                        "little-endian, xy envelope, not empty")
                    let xs = blob.points.map(\.0)
                    let ys = blob.points.map(\.1)
                    #expect(
                        blob.envelope == [xs.min()!, xs.max()!, ys.min()!, ys.max()!],
                        "\(table) \(row["fid"] as Int64): envelope")
                    // The R-tree stores 32-bit floats rounded outwards.
                    #expect((entry["id"] as Int64) == (row["fid"] as Int64))
                    #expect((entry["minx"] as Double) <= xs.min()! && (entry["maxx"] as Double) >= xs.max()!)
                    #expect((entry["miny"] as Double) <= ys.min()! && (entry["maxy"] as Double) >= ys.max()!)
                    extent = [
                        min(extent[0], xs.min()!), max(extent[1], xs.max()!), min(extent[2], ys.min()!),
                        max(extent[3], ys.max()!),
                    ]
                }
                let box = try #require(
                    try Row.fetchOne(
                        db, sql: "SELECT min_x, max_x, min_y, max_y FROM gpkg_contents WHERE table_name = ?",
                        arguments: [table]))
                #expect(
                    [box["min_x"], box["max_x"], box["min_y"], box["max_y"]] as [Double] == extent,
                    "\(table): gpkg_contents extent")
            }
            // Zone 3's outline: exterior turned counter-clockwise, its hole kept (two rings).
            let zone3 = try Blob(
                [UInt8](try #require(try Data.fetchOne(db, sql: "SELECT geom FROM zones WHERE zone_id = '09003'"))))
            #expect(zone3.type == 6 && zone3.rings == [5, 5])
            let exterior = Array(zone3.points.prefix(5))
            let area = zip(exterior, exterior.dropFirst()).reduce(0.0) { $0 + $1.0.0 * $1.1.1 - $1.1.0 * $1.0.1 }
            #expect(area > 0)
            // The point-only zone is a point; the covers link ends at its zone's point.
            #expect(
                try Blob(
                    [UInt8](try #require(try Data.fetchOne(db, sql: "SELECT geom FROM zones WHERE zone_id = '09100'")))
                ).type == 1)
            let covers = try Blob(
                [UInt8](try #require(try Data.fetchOne(db, sql: "SELECT geom FROM links WHERE kind = 'covers'"))))
            #expect(covers.points.map(\.0) == [0.4, 1.5] && covers.points.map(\.1) == [43.4, 43.5])
            // The index triggers are there for editors (GDAL, QGIS) that provide the ST_ functions.
            #expect(
                try Int.fetchOne(
                    db,
                    sql: "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rtree_zones_geom_%'")
                    == 6)
            #expect(
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM gpkg_extensions WHERE extension_name = 'gpkg_rtree_index'") == 3)
        }
    }

    @Test func aFailedWriteLeavesThePreviousFileAndNoTemporaryFile() throws {
        let path = folder.path("keep.gpkg")
        try "previous".write(toFile: path, atomically: true, encoding: .utf8)
        var (layers, _) = try Self.package().layers()
        // Two layers with one name: the second CREATE TABLE fails half-way through the file.
        layers.append(layers[0])
        #expect(throws: FileAccessError.self) {
            try GeoPackageWriter.write(layers: layers, styles: [], crs: .wgs84, to: path)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["keep.gpkg"])
    }
}
