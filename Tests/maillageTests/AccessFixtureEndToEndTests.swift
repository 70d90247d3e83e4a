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
    /// Holds `folder`, removed with the suite instance after each test.
    let scratch: TemporaryFolder
    let db: String

    init() throws {
        scratch = try TemporaryFolder(prefix: "maillage-fixture")
        folder = scratch.url
        db = folder.appendingPathComponent("fixture.db").path
        let sites = try String(contentsOf: Self.fixture.appendingPathComponent("sites.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst().map { line -> String in
                let f = line.split(separator: ",").map(String.init)
                return "\(f[0]),gp,\(f[0]),\(f[2]),\(f[3]),\(f[1])"
            }
        let actors = folder.appendingPathComponent("actors.csv")
        try (["id,kind,name,lat,lon,capacity.fte"] + sites).joined(separator: "\n").write(
            to: actors, atomically: true, encoding: .utf8)
        // The zones in the importer's default layout, for the no-import path (which takes default columns).
        let zones = try String(contentsOf: Self.fixture.appendingPathComponent("zones.csv"), encoding: .utf8)
        try zones.replacingOccurrences(of: "zone_id,", with: "id,").write(
            to: folder.appendingPathComponent("zones.csv"), atomically: true, encoding: .utf8)
        for arguments in [
            ["init", db],
            [
                "import", "zones", Self.fixture.appendingPathComponent("zones.csv").path, "--db", db, "--id-column",
                "zone_id",
            ],
            ["import", "actors", actors.path, "--db", db],
            [
                "import", "matrix", Self.fixture.appendingPathComponent("times.csv").path, "--db", db, "--name",
                "fixture",
                "--origin-column", "origin_id", "--destination-column", "destination_id", "--time-column", "minutes",
            ],
        ] {
            let result = try CommandLineTests.run(arguments)
            precondition(result.status == 0, "\(arguments): \(result.stderr)")
        }
    }

    /// method → zone → value (nil = NaN), read from expected.csv.
    static func expected(_ method: String) throws -> [String: Double?] {
        var values: [String: Double?] = [:]
        for line in try String(contentsOf: fixture.appendingPathComponent("expected.csv"), encoding: .utf8).split(
            whereSeparator: \.isNewline)
        {
            let parts = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let name = parts[0..<(parts.count - 2)].joined(separator: ",").trimmingCharacters(
                in: CharacterSet(charactersIn: "\""))
            guard name == method else { continue }
            values[parts[parts.count - 2]] = parts.last!.isEmpty ? Optional<Double>.none : Double(parts.last!)!
        }
        return values
    }

    func run(_ arguments: [String], column: String, from source: [String]? = nil, out given: String? = nil) throws
        -> [String: Double?]
    {
        let out = given ?? folder.appendingPathComponent("\(UUID()).csv").path
        let result = try CommandLineTests.run(
            arguments + (source ?? ["--db", db, "--travel", "matrix"]) + ["--kind", "gp", "--out", out, "-q"])
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
            case (let a?, let b?): return abs(a - b) > 1e-9 * max(abs(b), 1e-300)
            default: return true
            }
        }
        #expect(bad.isEmpty, "\(label): \(bad.count) zones differ, e.g. \(bad.first.map { "\($0.key)" } ?? "")")
    }

    @Test func catchmentMethodsMatchPySAL() throws {
        expectSame(
            try run(["access", "2sfca", "--limit", "30"], column: "2sfca"), try Self.expected("2sfca;limit=30"), "2sfca"
        )
        expectSame(
            try run(["access", "2sfca", "--limit", "30", "--normalize"], column: "2sfca"),
            try Self.expected("2sfca;limit=30;normalize"), "2sfca normalised")
        expectSame(
            try run(["access", "e2sfca"], column: "e2sfca"), try Self.expected("e2sfca;steps=10:1,20:0.68,30:0.22"),
            "e2sfca")
        expectSame(
            try run(["access", "e2sfca", "--decay", "gaussian:20", "--limit", "60"], column: "e2sfca"),
            try Self.expected("e2sfca;gaussian=20;limit=60"), "gaussian")
        expectSame(
            try run(["access", "3sfca", "--decay", "step:10:0.962,20:0.704,30:0.377,60:0.042"], column: "3sfca"),
            try Self.expected("3sfca;steps=10:0.962,20:0.704,30:0.377,60:0.042"), "3sfca")
        expectSame(
            try run(["access", "gravity", "--decay", "gravity:60:-1", "--minimum-minutes", "0"], column: "gravity"),
            try Self.expected("gravity;scale=60;alpha=-1"), "gravity")
        expectSame(try run(["access", "nearest"], column: "minutes"), try Self.expected("nearest"), "nearest")
    }

    /// The CSV files read without an import (`--zones --sites --matrix-file`): PySAL's values,
    /// and the very bytes the imported territory gives.
    @Test func oneOffStudiesOnTheFilesGiveTheImportedResults() throws {
        let files = [
            "--zones", folder.appendingPathComponent("zones.csv").path, "--sites",
            folder.appendingPathComponent("actors.csv").path,
            "--matrix-file", Self.fixture.appendingPathComponent("times.csv").path,
        ]
        let cases: [([String], String, String)] = [
            (["access", "2sfca", "--limit", "30"], "2sfca", "2sfca;limit=30"),
            (["access", "e2sfca"], "e2sfca", "e2sfca;steps=10:1,20:0.68,30:0.22"),
            (
                ["access", "3sfca", "--decay", "step:10:0.962,20:0.704,30:0.377,60:0.042"], "3sfca",
                "3sfca;steps=10:0.962,20:0.704,30:0.377,60:0.042"
            ),
            (
                ["access", "gravity", "--decay", "gravity:60:-1", "--minimum-minutes", "0"], "gravity",
                "gravity;scale=60;alpha=-1"
            ),
            (["access", "nearest"], "minutes", "nearest"),
        ]
        for (arguments, column, method) in cases {
            let (stored, oneOff) = (
                folder.appendingPathComponent("db-\(column).csv").path,
                folder.appendingPathComponent("files-\(column).csv").path
            )
            _ = try run(arguments, column: column, out: stored)
            expectSame(
                try run(arguments, column: column, from: files, out: oneOff), try Self.expected(method),
                "\(column) from the files")
            #expect(
                FileManager.default.contentsEqual(atPath: stored, andPath: oneOff),
                "\(column): --db and --matrix-file differ")
        }
    }

    /// Bad input in the files stops the study with the importer's own error (file, line, field)
    /// and the data-error status, and a missing file says so.
    @Test func badFilesGiveTheImportersErrors() throws {
        let zones = folder.appendingPathComponent("zones.csv").path
        let sites = folder.appendingPathComponent("actors.csv").path
        var times = try String(contentsOf: Self.fixture.appendingPathComponent("times.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).map(String.init)
        let negative = times[3].split(separator: ",").dropLast().joined(separator: ",") + ",-4"
        times[3] = negative
        let bad = folder.appendingPathComponent("bad-times.csv")
        try times.joined(separator: "\n").write(to: bad, atomically: true, encoding: .utf8)
        let imported = try CommandLineTests.run("import", "matrix", bad.path, "--db", db, "--name", "bad")
        let oneOff = try CommandLineTests.run(
            "access", "e2sfca", "--zones", zones, "--sites", sites, "--matrix-file", bad.path,
            "--kind", "gp", "--out", folder.appendingPathComponent("x.csv").path)
        #expect(imported.status == 65 && oneOff.status == 65)
        #expect(
            oneOff.stderr.contains("bad-times.csv") && oneOff.stderr.contains("bad-times.csv:4:")
                && oneOff.stderr.contains("minutes"), "\(oneOff.stderr)")
        #expect(oneOff.stderr == imported.stderr, "\(oneOff.stderr) vs \(imported.stderr)")

        // A pair given twice: the line of its second appearance, as the import says.
        var twice = try String(contentsOf: Self.fixture.appendingPathComponent("times.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).map(String.init)
        twice.append(twice[2])
        let duplicate = folder.appendingPathComponent("twice.csv")
        try twice.joined(separator: "\n").write(to: duplicate, atomically: true, encoding: .utf8)
        let importedTwice = try CommandLineTests.run("import", "matrix", duplicate.path, "--db", db, "--name", "twice")
        let oneOffTwice = try CommandLineTests.run(
            "access", "e2sfca", "--zones", zones, "--sites", sites, "--matrix-file", duplicate.path,
            "--kind", "gp", "--out", folder.appendingPathComponent("y.csv").path)
        #expect(importedTwice.status == 65 && oneOffTwice.status == 65)
        #expect(oneOffTwice.stderr.contains("twice.csv:\(twice.count):"), "\(oneOffTwice.stderr)")
        #expect(oneOffTwice.stderr == importedTwice.stderr, "\(oneOffTwice.stderr) vs \(importedTwice.stderr)")

        let missing = try CommandLineTests.run(
            "access", "e2sfca", "--zones", zones, "--sites", sites, "--matrix-file",
            folder.appendingPathComponent("none.csv").path, "--kind", "gp", "--out",
            folder.appendingPathComponent("z.csv").path)
        #expect(missing.status == 66, "\(missing.stderr)")
        let both = try CommandLineTests.run(
            "access", "e2sfca", "--db", db, "--zones", zones, "--sites", sites, "--kind", "gp",
            "--out", folder.appendingPathComponent("w.csv").path)
        #expect(both.status == 64, "\(both.stderr)")
    }
}
