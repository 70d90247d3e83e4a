import Foundation
import MaillageTestSupport
import Testing

/// A full disk: an import, an export, a report and a simulation that cannot write fail with exit 74 or 73
/// and a message saying the disk is full, and lose nothing: the database keeps its territory
/// (`PRAGMA integrity_check` = ok, same `.sha3sum` per table), a previous result file is
/// untouched, and no partial file is left.
///
/// The disk is a tmpfs of a few megabytes mounted by the test (``SmallDisk``) when it may mount
/// (root, as on CI); elsewhere the commands run under a file-size limit instead, which fails
/// the same writes with "file too large" rather than "no space left".
@Suite(.serialized) struct FullDiskTests {
    let folder: URL
    /// Holds `folder`, removed with the suite instance after each test.
    let scratch: TemporaryFolder
    let db: String

    init() throws {
        scratch = try TemporaryFolder(prefix: "maillage-cli")
        (folder, db) = try CommandLineTests.generatedDatabase(zones: 150, population: 180_000, seed: 5, in: scratch)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// The file-size limit when no tmpfs can be mounted: above SQLite's 32 KB shared-memory file.
    static let limit = 48 * 1024

    func smallDisk() throws -> SmallDisk {
        let disk = try SmallDisk(megabytes: 8)
        if !disk.isMounted {
            // Said aloud, so that a CI run that could not mount shows it (the tests still run).
            print(
                "FullDiskTests: could not mount a tmpfs (\(disk.mountFailure ?? "")); using a file-size limit instead")
        }
        return disk
    }

    /// Every ordered pair of the generated zones (150² = 22,500 rows, about 1.5 MB stored).
    func matrix() throws -> String {
        var lines = ["origin_id,destination_id,minutes"]
        for origin in 1...150 {
            for destination in 1...150 {
                lines.append(
                    String(format: "Z%05d,Z%05d,%.1f", origin, destination, Double((origin * 7 + destination) % 90)))
            }
        }
        let file = path("matrix.csv")
        try lines.joined(separator: "\n").write(toFile: file, atomically: false, encoding: .utf8)
        return file
    }

    /// The message a full disk gives, or (file-size limit) at least a failed write.
    func expectFullDiskMessage(_ stderr: String, disk: SmallDisk, _ comment: Comment) {
        if disk.isMounted {
            #expect(
                stderr.contains("is full") && stderr.contains("nothing was written") && stderr.contains("free space"),
                comment)
        } else {
            #expect(!stderr.isEmpty, comment)
        }
    }

    @Test func importIntoADatabaseOnAFullDiskChangesNothing() throws {
        let disk = try smallDisk()
        defer { disk.unmount() }
        let victim = disk.path("t.db")
        try FileManager.default.copyItem(atPath: db, toPath: victim)
        let size = try #require(FileManager.default.attributesOfItem(atPath: victim)[.size] as? Int)
        let before = try SQLiteShell.territoryDigest(victim)
        let csv = try matrix()
        // Room for the shared-memory index and a little of the write-ahead log, not for 22,500 pairs.
        try disk.fill(leaving: 256 * 1024)

        let failed = try disk.run(
            ["import", "matrix", csv, "--db", victim, "--name", "road"], fileSizeLimit: size + 256 * 1024)
        #expect(failed.status == 74, "\(failed.stderr)")
        expectFullDiskMessage(failed.stderr, disk: disk, "\(failed.stderr)")
        #expect(failed.stderr.contains(victim))
        #expect(try SQLiteShell.integrity(victim) == "ok")
        #expect(try SQLiteShell.territoryDigest(victim) == before)

        // Room again: the same file takes the import.
        try disk.release()
        let again = try CommandLineTests.run("import", "matrix", csv, "--db", victim, "--name", "road", "--quiet")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(
            try SQLiteShell.column(
                victim,
                "SELECT sum(pairs) FROM travel_row r JOIN travel_matrix m ON m.id = r.matrix_id WHERE m.name = 'road';")
                == ["22500"])
        #expect(try SQLiteShell.integrity(victim) == "ok")
        print(
            "FullDiskTests: import on a full disk (\(disk.isMounted ? "tmpfs" : "file-size limit")): exit \(failed.status): \(failed.stderr)"
        )
    }

    @Test func exportToAFullDiskLeavesThePreviousFileAndNoPartialOne() throws {
        let disk = try smallDisk()
        defer { disk.unmount() }
        let out = disk.path("actors.geojson")
        try "a previous export\n".write(toFile: out, atomically: false, encoding: .utf8)
        try disk.fill(leaving: 0)

        // About 73 KB of GeoJSON; the limit leaves room for SQLite's 32 KB shared-memory file.
        let failed = try disk.run(["export", "actors", "--db", db, "--out", out], fileSizeLimit: Self.limit)
        #expect(failed.status == 73, "\(failed.stderr)")
        expectFullDiskMessage(failed.stderr, disk: disk, "\(failed.stderr)")
        #expect(failed.stderr.contains(out))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "a previous export\n")
        #expect(try disk.files() == ["actors.geojson"], "no temporary or partial file is left")
        print("FullDiskTests: export on a full disk: exit \(failed.status): \(failed.stderr)")
    }

    @Test func reportToAFullDiskLeavesThePreviousFileAndNoPartialOne() throws {
        let disk = try smallDisk()
        defer { disk.unmount() }
        // An indicator run, so the report has a map of the 150 zones: 65,380 bytes of HTML
        // (`wc -c` on the report of this database), above the 48 KB limit; without a run it is 3.9 KB.
        let access = try CommandLineTests.run(
            "access", "nearest", "--db", db, "--kind", "gp", "--out", path("nearest.csv"), "-q")
        try #require(access.status == 0, "\(access.stderr)")
        let out = disk.path("report.html")
        try "a previous report\n".write(toFile: out, atomically: false, encoding: .utf8)
        try disk.fill(leaving: 0)

        // The limit leaves room for SQLite's 32 KB shared-memory file, not for the report.
        let failed = try disk.run(["report", "--db", db, "--out", out], fileSizeLimit: Self.limit)
        #expect(failed.status == 73, "\(failed.stderr)")
        expectFullDiskMessage(failed.stderr, disk: disk, "\(failed.stderr)")
        #expect(failed.stderr.contains(out))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "a previous report\n")
        #expect(try disk.files() == ["report.html"], "no temporary or partial file is left")

        // Room again: the same command replaces the previous file whole.
        try disk.release()
        let again = try CommandLineTests.run("report", "--db", db, "--out", out)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasSuffix("</html>\n"))
        #expect(try disk.files() == ["report.html"])
        print("FullDiskTests: report on a full disk: exit \(failed.status): \(failed.stderr)")
    }

    @Test func simulationWhoseResultsCannotBeWrittenStoresNoRun() throws {
        let disk = try smallDisk()
        defer { disk.unmount() }
        try disk.fill(leaving: 0)
        let out = disk.path("sim")

        let failed = try disk.run(
            ["simulate", "--db", db, "--days", "5", "--seed", "3", "--out", out, "--quiet"], fileSizeLimit: Self.limit)
        #expect([73, 74].contains(failed.status), "\(failed.stderr)")
        expectFullDiskMessage(failed.stderr, disk: disk, "\(failed.stderr)")
        // The results are written before the run is stored: a run without its files is never kept.
        #expect(try SQLiteShell.column(db, "SELECT count(*) FROM simulation_run;") == ["0"])
        #expect(try SQLiteShell.integrity(db) == "ok")
        // On the full tmpfs nothing fits; under the file-size limit the small files before
        // zones.geojson (about 260 KB) are written whole. Never a partial or temporary one.
        let left = try disk.files()
        #expect(left.allSatisfy { !$0.hasSuffix(".tmp") && !$0.hasSuffix("zones.geojson") }, "\(left)")
        if disk.isMounted { #expect(left.allSatisfy { !$0.hasSuffix(".json") && !$0.hasSuffix(".csv") }, "\(left)") }
        print("FullDiskTests: simulate on a full disk: exit \(failed.status): \(failed.stderr)")
    }
}
