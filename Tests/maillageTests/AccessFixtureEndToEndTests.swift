import Foundation
import MaillageTestSupport
import Testing

/// The PySAL reference fixture through the real command line: import the zones, the sites
/// (as GP actors with an FTE capacity) and the time list as a matrix, run `maillage access`
/// with `--travel matrix`, and compare the CSV it writes with what PySAL `access` 1.1.10 computed.
@Suite(.enabled(if: SharedData.shouldRun, SharedData.skipMessage))
struct AccessFixtureEndToEndTests {
    static let fixture = SharedData.shared.appendingPathComponent("reference/fixtures/accessibility-random")

    let folder: URL
    let db: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("maillage-fixture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        db = folder.appendingPathComponent("fixture.db").path
        let sites = try String(contentsOf: Self.fixture.appendingPathComponent("sites.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst().map { line -> String in
                let f = line.split(separator: ",").map(String.init)
                return "\(f[0]),gp,\(f[0]),\(f[2]),\(f[3]),\(f[1])"
            }
        let actors = folder.appendingPathComponent("actors.csv")
        try (["id,kind,name,lat,lon,capacity.fte"] + sites).joined(separator: "\n").write(to: actors, atomically: true, encoding: .utf8)
        for arguments in [
            ["init", db],
            ["import", "zones", Self.fixture.appendingPathComponent("zones.csv").path, "--db", db, "--id-column", "zone_id"],
            ["import", "actors", actors.path, "--db", db],
            ["import", "matrix", Self.fixture.appendingPathComponent("times.csv").path, "--db", db, "--name", "fixture",
             "--origin-column", "origin_id", "--destination-column", "destination_id", "--time-column", "minutes"],
        ] {
            let result = try CommandLineTests.run(arguments)
            precondition(result.status == 0, "\(arguments): \(result.stderr)")
        }
    }

    /// method → zone → value (nil = NaN), read from expected.csv.
    static func expected(_ method: String) throws -> [String: Double?] {
        var values: [String: Double?] = [:]
        for line in try String(contentsOf: fixture.appendingPathComponent("expected.csv"), encoding: .utf8).split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let name = parts[0..<(parts.count - 2)].joined(separator: ",").trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            guard name == method else { continue }
            values[parts[parts.count - 2]] = parts.last!.isEmpty ? Optional<Double>.none : Double(parts.last!)!
        }
        return values
    }

    func run(_ arguments: [String], column: String) throws -> [String: Double?] {
        let out = folder.appendingPathComponent("\(UUID()).csv").path
        let result = try CommandLineTests.run(arguments + ["--db", db, "--kind", "gp", "--travel", "matrix", "--out", out, "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(whereSeparator: \.isNewline)
        let header = lines[0].split(separator: ",").map(String.init)
        let position = try #require(header.firstIndex(of: column))
        var values: [String: Double?] = [:]
        for line in lines.dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            values[f[0]] = f[position].isEmpty ? Optional<Double>.none : Double(f[position])!
        }
        return values
    }

    func expectSame(_ got: [String: Double?], _ want: [String: Double?], _ label: String) {
        #expect(got.count == want.count, "\(label): \(got.count) zones vs \(want.count)")
        let bad = want.filter { zone, value in
            guard let mine = got[zone] else { return true }
            switch (mine, value) {
            case (nil, nil): return false
            case let (a?, b?): return abs(a - b) > 1e-9 * max(abs(b), 1e-300)
            default: return true
            }
        }
        #expect(bad.isEmpty, "\(label): \(bad.count) zones differ, e.g. \(bad.first.map { "\($0.key)" } ?? "")")
    }

    @Test func catchmentMethodsMatchPySAL() throws {
        expectSame(try run(["access", "2sfca", "--limit", "30"], column: "2sfca"), try Self.expected("2sfca;limit=30"), "2sfca")
        expectSame(try run(["access", "2sfca", "--limit", "30", "--normalize"], column: "2sfca"),
                   try Self.expected("2sfca;limit=30;normalize"), "2sfca normalised")
        expectSame(try run(["access", "e2sfca"], column: "e2sfca"), try Self.expected("e2sfca;steps=10:1,20:0.68,30:0.22"), "e2sfca")
        expectSame(try run(["access", "e2sfca", "--decay", "gaussian:20", "--limit", "60"], column: "e2sfca"),
                   try Self.expected("e2sfca;gaussian=20;limit=60"), "gaussian")
        expectSame(try run(["access", "3sfca", "--decay", "step:10:0.962,20:0.704,30:0.377,60:0.042"], column: "3sfca"),
                   try Self.expected("3sfca;steps=10:0.962,20:0.704,30:0.377,60:0.042"), "3sfca")
        expectSame(try run(["access", "gravity", "--decay", "gravity:60:-1", "--minimum-minutes", "0"], column: "gravity"),
                   try Self.expected("gravity;scale=60;alpha=-1"), "gravity")
        expectSame(try run(["access", "nearest"], column: "minutes"), try Self.expected("nearest"), "nearest")
    }
}
