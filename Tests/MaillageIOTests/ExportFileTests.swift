import Foundation
import MaillageCore
import MaillageFormats
import MaillageStore
import MaillageTestSupport
import Testing

@testable import MaillageIO

@Suite struct NumberTextTests {
    /// Expected texts written by hand.
    @Test(
        arguments: [
            (0.1, "0.1"), (1e-5, "0.00001"), (-2.5e-7, "-0.00000025"), (1.5e16, "15000000000000000"),
            (1e21, "1000000000000000000000"),
            (1200.0, "1200"), (-0.0, "0"), (0, "0"), (123.456, "123.456"), (72.61, "72.61"),
            (0.30000000000000004, "0.30000000000000004"),
            (Double.nan, ""), (Double.infinity, ""), (-45.0, "-45"), (1.25e-3, "0.00125"),
            // Swift prints whole numbers from 1e15 to 2^53 with every digit and a ".0".
            (1e15, "1000000000000000"), (-9_007_199_254_740_992, "-9007199254740992"),
            (9_007_199_254_740_994, "9007199254740994"),
        ] as [(Double, String)])
    func formatsWithoutExponentOrLocale(value: Double, text: String) {
        #expect(NumberText.format(value) == text)
    }

    /// The bytes appended for a table cell are the text above, whole numbers included.
    @Test(
        arguments: [
            (0.1, "0.1"), (1e-5, "0.00001"), (1.5e16, "15000000000000000"), (1200.0, "1200"), (-0.0, "0"),
            (Double.nan, ""), (-Double.infinity, ""), (-45.0, "-45"), (7, "7"),
            (999_999_999_999_999, "999999999999999"),
            (-999_999_999_999_999, "-999999999999999"), (1e15, "1000000000000000"),
            (0.30000000000000004, "0.30000000000000004"),
        ] as [(Double, String)])
    func appendsTheTextOfFormat(value: Double, text: String) {
        var bytes = Array("x,".utf8)
        NumberText.append(value, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "x," + text)
    }

    @Test func coordinatesHaveSixDecimals() {
        #expect(NumberText.coordinate(1.23456789) == "1.234568")
        #expect(NumberText.coordinate(-0.0000004) == "0")
        #expect(NumberText.coordinate(45.5) == "45.5")
        #expect(NumberText.coordinate(-1.0000005) == "-1.000001")  // -1000000.5 rounds away from zero
    }

    /// Whatever the value, the text reads back as the same Double and has no exponent.
    @Test func everyValueReadsBackExactly() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let value = Double(
                bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF | (generator.next() & 0x8000_0000_0000_0000))
            let scaled = Bool.random() ? value : Double.random(in: -1e6...1e6)
            let text = NumberText.format(scaled)
            #expect(!text.contains("e") && Double(text) == scaled, "\(scaled) → \(text)")
        }
    }
}

@Suite struct ExportFileTests {
    let folder = try! TemporaryFolder()

    /// A zone table's cells, written as bytes, read as a planner expects (texts written by hand):
    /// a number that holds the delimiter is quoted, undefined values are empty or null, a text
    /// cell that a spreadsheet would run is escaped.
    @Test func zoneTablesWriteNumbersTextsAndUndefinedValues() throws {
        let table = ZoneTable(
            zoneIDs: ["A", "B"],
            columns: [
                .init(name: "n", values: .numbers([1.5, .nan])), .init(name: "w", values: .numbers([-3, .infinity])),
                .init(name: "t", values: .texts(["=1", nil])),
            ])
        let comma = folder.path("comma-\(UUID()).csv")
        try ZoneTableWriter.writeCSV(table, to: comma)
        #expect(try String(contentsOfFile: comma, encoding: .utf8) == "zone_id,n,w,t\r\nA,1.5,-3,'=1\r\nB,,,\r\n")
        let dot = folder.path("dot-\(UUID()).csv")
        try ZoneTableWriter.writeCSV(table, to: dot, delimiter: ".")
        #expect(try String(contentsOfFile: dot, encoding: .utf8) == "zone_id.n.w.t\r\nA.\"1.5\".-3.'=1\r\nB...\r\n")
        let zones = try ["A", "B"].map {
            try Zone(id: $0, name: "Zone \($0)", point: GeoPoint(longitude: 1, latitude: 45))
        }
        let geojson = folder.path("zones-\(UUID()).geojson")
        try ZoneTableWriter.writeGeoJSON(table, to: geojson, zones: zones)
        let feature = #"{"type":"Feature","id":"ID","geometry":{"type":"Point","coordinates":[1,45]},"properties":"#
        #expect(
            try String(contentsOfFile: geojson, encoding: .utf8)
                == #"{"type":"FeatureCollection","features":["# + "\n"
                + feature.replacingOccurrences(of: "ID", with: "A")
                + #"{"zone_id":"A","name":"Zone A","n":1.5,"w":-3,"t":"=1"}},"# + "\n"
                + feature.replacingOccurrences(of: "ID", with: "B")
                + #"{"zone_id":"B","name":"Zone B","n":null,"w":null,"t":null}}"# + "\n]}\n")
    }

    /// A column of interval bounds is written as mean − half-width and mean + half-width would
    /// be (worked out by hand here: 2.5 ± 0.25 is 2.25 to 2.75), NaN where either part is.
    @Test func boundsColumnsWriteMeanMinusAndPlusTheHalfWidth() throws {
        let (means, halves) = ([2.5, 4, .nan], [0.25, .nan, 1])
        let table = ZoneTable(
            zoneIDs: ["A", "B", "C"],
            columns: [
                .init(name: "m", values: .numbers(means)),
                .init(name: "m_ci_low", values: .bounds(means: means, halfWidths: halves, .low)),
                .init(name: "m_ci_high", values: .bounds(means: means, halfWidths: halves, .high)),
            ])
        let csv = folder.path("bounds-\(UUID()).csv")
        try ZoneTableWriter.writeCSV(table, to: csv)
        #expect(
            try String(contentsOfFile: csv, encoding: .utf8)
                == "zone_id,m,m_ci_low,m_ci_high\r\nA,2.5,2.25,2.75\r\nB,4,,\r\nC,,,\r\n")
        let semicolon = folder.path("bounds-\(UUID()).csv")
        try ZoneTableWriter.writeCSV(table, to: semicolon, delimiter: ".")
        #expect(
            try String(contentsOfFile: semicolon, encoding: .utf8)
                == "zone_id.m.m_ci_low.m_ci_high\r\nA.\"2.5\".\"2.25\".\"2.75\"\r\nB.4..\r\nC...\r\n")
        let zones = try ["A", "B", "C"].map {
            try Zone(id: $0, name: $0, point: GeoPoint(longitude: 1, latitude: 45))
        }
        let geojson = folder.path("bounds-\(UUID()).geojson")
        try ZoneTableWriter.writeGeoJSON(table, to: geojson, zones: zones)
        let text = try String(contentsOfFile: geojson, encoding: .utf8)
        #expect(text.contains(#"{"zone_id":"A","name":"A","m":2.5,"m_ci_low":2.25,"m_ci_high":2.75}"#))
        #expect(text.contains(#"{"zone_id":"B","name":"B","m":4,"m_ci_low":null,"m_ci_high":null}"#))
    }

    func database() throws -> TerritoryDatabase {
        let database = try TerritoryDatabase.create(at: folder.path("t-\(UUID()).db"))
        let point = try GeoPoint(longitude: 1.5, latitude: 45.3)
        try database.save(
            Territory(
                name: "t", zones: ["Z1", "Z2"].map { try Zone(id: $0, name: $0, point: point) },
                actors: [Actor(id: "h1", kind: .hospital, name: "H", point: point)]))
        return database
    }

    func importMatrix(_ text: String, name: String, directed: Bool = false, into database: TerritoryDatabase) throws {
        let file = folder.path("m-\(UUID()).csv")
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        var importer = MatrixImporter()
        importer.name = name
        importer.isDirected = directed
        _ = try importer.run(file: file, into: database)
    }

    @Test func matrixExportsAsStoredAndImportsBack() throws {
        let source = try database()
        try importMatrix(
            "origin_id,destination_id,minutes,km\nZ1,Z2,10.5,8\nZ1,h1,1e-5,\nZ2,Z1,12,0.25\n", name: "road",
            directed: true, into: source)
        let file = folder.path("road.csv")
        let summary = try TerritoryExporter().export(.matrix, from: source, to: file)
        // The note says it in library terms; the setting to import it back with is named apart.
        #expect(summary.rows == 3 && summary.note == "matrix 'road' is directed: import it back as directed")
        #expect(summary.importSettings == [SettingHint("directed")])
        // Ordered by origin then destination (zones, then actors), written by hand.
        #expect(
            try String(contentsOfFile: file, encoding: .utf8)
                == "origin_id,destination_id,minutes,km\r\nZ1,h1,0.00001,\r\nZ1,Z2,10.5,8\r\nZ2,Z1,12,0.25\r\n")
        let target = try database()
        try importMatrix(try String(contentsOfFile: file, encoding: .utf8), name: "road", directed: true, into: target)
        let matrix = try #require(try target.travelMatrix(named: "road"))
        #expect(matrix.time(from: .zone("Z1"), to: .zone("Z2")) == TravelTime(minutes: 10.5, km: 8))
        #expect(matrix.minutes(from: .zone("Z1"), to: .actor("h1")) == 1e-5)
        #expect(matrix.minutes(from: .actor("h1"), to: .zone("Z1")) == nil)
    }

    @Test func matrixChoiceAndFormatErrorsAreClear() throws {
        let db = try database()
        #expect(throws: ExportError.noMatrix(database: db.path)) {
            try TerritoryExporter().export(.matrix, from: db, to: folder.path("m.csv"))
        }
        try importMatrix("origin_id,destination_id,minutes\nZ1,Z2,1\n", name: "a", into: db)
        try importMatrix("origin_id,destination_id,minutes\nZ1,Z2,2\n", name: "b", into: db)
        #expect(throws: ExportError.matrixNeeded(names: ["a", "b"])) {
            try TerritoryExporter().export(.matrix, from: db, to: folder.path("m.csv"))
        }
        var exporter = TerritoryExporter()
        exporter.matrix = "c"
        #expect(throws: ExportError.unknownMatrix(name: "c", names: ["a", "b"])) {
            try exporter.export(.matrix, from: db, to: folder.path("m.csv"))
        }
        exporter.matrix = "b"
        #expect(try exporter.export(.matrix, from: db, to: folder.path("m.csv")).rows == 1)
        #expect(throws: ExportError.unsupportedFormat(.matrix, .geojson)) {
            try exporter.export(.matrix, from: db, to: folder.path("m.geojson"))
        }
        #expect(throws: ExportError.unknownExtension(path: folder.path("m.txt"))) {
            try exporter.export(.actors, from: db, to: folder.path("m.txt"))
        }
    }

    /// The file appears whole or not at all: no temporary file is left, a previous file is
    /// replaced only on success, and an unwritable place is a FileAccessError.
    @Test func filesAreWrittenAtomically() throws {
        let db = try database()
        let out = folder.url.appendingPathComponent("out", isDirectory: true)
        let file = out.appendingPathComponent("actors.csv").path
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "old\n".write(toFile: file, atomically: false, encoding: .utf8)
        _ = try TerritoryExporter().export(.actors, from: db, to: file)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["actors.csv"])
        #expect(
            try String(contentsOfFile: file, encoding: .utf8).hasPrefix("id,kind,name,lat,lon,zone_id,services\r\n"))

        // A failure (no matrix) leaves the previous file as it was and nothing beside it.
        try "old\n".write(toFile: out.appendingPathComponent("m.csv").path, atomically: false, encoding: .utf8)
        #expect(throws: ExportError.self) {
            try TerritoryExporter().export(.matrix, from: db, to: out.appendingPathComponent("m.csv").path)
        }
        #expect(try String(contentsOfFile: out.appendingPathComponent("m.csv").path, encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["actors.csv", "m.csv"])

        // A file in place of a folder, a folder in place of the file, and /proc: FileAccessError.unwritable.
        let folderAsFile = out.appendingPathComponent("folder.csv").path
        try FileManager.default.createDirectory(atPath: folderAsFile, withIntermediateDirectories: true)
        for path in [file + "/x.csv", folderAsFile, "/proc/maillage-test/actors.csv"] {
            #expect {
                _ = try TerritoryExporter().export(.actors, from: db, to: path)
            } throws: { error in
                guard case FileAccessError.unwritable(let failing, _) = error else { return false }
                return failing == path
            }
        }
    }
}
