import Foundation
import MaillageTestSupport
import Testing

/// `maillage simulate` end to end: result files byte-identical for a seed whatever the
/// threads, runs stored in the database, bad input refused with nothing stored.
@Suite struct SimulateCommandTests {
    let folder: URL
    /// Holds `folder`, removed with the suite instance after each test.
    let scratch: TemporaryFolder
    let db: String

    init() throws {
        scratch = try TemporaryFolder(prefix: "maillage-cli")
        (folder, db) = try CommandLineTests.generatedDatabase(zones: 20, population: 8000, seed: 4, in: scratch)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func simulate(_ extra: String...) throws -> CommandLineTests.Result {
        try CommandLineTests.run(["simulate", "--db", db, "--days", "60", "-q"] + extra)
    }

    /// Counts the stored runs with the sqlite3 command-line tool (independent of the code under test).
    func storedRuns() throws -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [db, "SELECT count(*) FROM simulation_run"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// The answer of the sqlite3 command-line tool to one query.
    func query(_ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [db, sql]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func occupancyIsWrittenAndStoredPerDayAndRole() throws {
        #expect(try simulate("--replications", "2", "--out", path("o")).status == 0)
        let lines = try String(contentsOfFile: path("o/occupancy.csv"), encoding: .utf8).split(
            whereSeparator: \.isNewline)  // RFC 4180: CRLF
        #expect(lines.first == "day,role,used,offered,occupancy")
        #expect(lines.count == 1 + 60 * 10)
        let roles: Set<String> = Set(
            lines.dropFirst().map { String($0.split(separator: ",", omittingEmptySubsequences: false)[1]) })
        #expect(
            roles == [
                "hospital_beds", "emergency_visits", "ssiad_places", "had_places", "ehpad_places", "gp_slots",
                "gp_lists", "without_declared_gp", "emergency_boarding", "blocked_beds",
            ])
        // Stored with the run: 60 days × 10 roles × (used, offered), counted by sqlite3.
        #expect(try query("SELECT count(*) FROM simulation_series") == "1200")
        #expect(try query("SELECT count(DISTINCT name) FROM simulation_series WHERE run_id = 1") == "20")
        // The same numbers in both: beds used, summed over the days from the CSV and by sqlite3.
        var csvBeds = 0.0
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if fields[1] == "hospital_beds" { csvBeds += Double(fields[2]) ?? .nan }
        }
        let storedBeds = try #require(
            Double(try query("SELECT sum(value) FROM simulation_series WHERE name = 'hospital_beds.used'")))
        #expect(abs(csvBeds - storedBeds) < 1e-6 * max(1, storedBeds))
        #expect(storedBeds > 0)
    }

    @Test func sameSeedGivesByteIdenticalFilesWithOneOrTwoThreads() throws {
        #expect(try simulate("--seed", "7", "--replications", "2", "--threads", "1", "--out", path("a")).status == 0)
        #expect(try simulate("--seed", "7", "--replications", "2", "--threads", "2", "--out", path("b")).status == 0)
        #expect(try simulate("--seed", "8", "--replications", "2", "--threads", "2", "--out", path("c")).status == 0)
        for name in ["territory.json", "zones.csv", "zones.geojson", "actors.csv", "parameters.json", "occupancy.csv"] {
            let a = try Data(contentsOf: URL(fileURLWithPath: path("a/\(name)")))
            let b = try Data(contentsOf: URL(fileURLWithPath: path("b/\(name)")))
            #expect(a == b, "\(name) differs between 1 and 2 threads")
            #expect(!a.isEmpty)
        }
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: path("a/zones.csv")))
                != Data(contentsOf: URL(fileURLWithPath: path("c/zones.csv"))))
        #expect(FileManager.default.fileExists(atPath: path("a/provenance.json")))
        #expect(try storedRuns() == 3)
    }

    /// One replication writes the columns it always wrote; two or more add each value's interval
    /// beside it (`NAME_ci_low`, `NAME_ci_high`) and store it in `ci_low`/`ci_high`.
    @Test func intervalColumnsComeWithTwoReplicationsOnly() throws {
        #expect(try simulate("--replications", "1", "--out", path("one")).status == 0)
        #expect(try simulate("--replications", "2", "--out", path("two")).status == 0)
        func header(_ file: String) throws -> [String] {
            let text = try String(contentsOfFile: path(file), encoding: .utf8)
            return text.prefix { !$0.isNewline }.split(separator: ",").map(String.init)
        }
        let oneActors = try header("one/actors.csv")
        #expect(
            oneActors == [
                "site_id", "lat", "lon", "kind", "contacts", "capacity_days", "used_days", "occupancy",
                "estimated_beds",
                "emergency_arrivals", "emergency_wait_minutes_mean", "left_without_being_seen_share",
                "boarding_patients", "boarding_hours", "transfers_out", "transfers_in", "patients_lost",
                "discharges_delayed", "discharge_delay_days",
            ])
        let oneZones = try header("one/zones.csv")
        #expect(!oneZones.contains { $0.hasSuffix("_ci_low") || $0.hasSuffix("_ci_high") })
        // Two replications: every value column followed by its two bounds.
        let twoZones = try header("two/zones.csv")
        let expected: [String] = oneZones.dropFirst().flatMap { name -> [String] in
            [name, name + "_ci_low", name + "_ci_high"]
        }
        #expect(twoZones == ["zone_id"] + expected)
        let twoActors = try header("two/actors.csv")
        let bounded = oneActors.dropFirst(4).filter { $0 != "estimated_beds" }
        #expect(twoActors.count == oneActors.count + 2 * bounded.count)
        for name in bounded {
            let index = try #require(twoActors.firstIndex(of: name))
            #expect(Array(twoActors[index..<(index + 3)]) == [name, name + "_ci_low", name + "_ci_high"])
        }
        // Stored: run 1 (one replication) has no zone or actor interval, run 2 has them, and
        // sqlite3 reads the zones.csv bounds back from the packed zone columns (float64,
        // little-endian, 8 bytes a zone in `simulation_zone` order), decoded here by hand.
        #expect(
            try query("SELECT count(ci_low) FROM simulation_value WHERE run_id = 1 AND scope <> 'territory'") == "0")
        #expect(try query("SELECT count(ci_low) + count(ci_high) FROM simulation_zone_column WHERE run_id = 1") == "0")
        let cells = try query(
            """
            SELECT z.zone_id, hex(substr(c.zone_values, 8 * z.ordinal + 1, 8)),
                hex(substr(c.ci_low, 8 * z.ordinal + 1, 8)),
                hex(substr(c.ci_high, 8 * z.ordinal + 1, 8))
            FROM simulation_zone z JOIN simulation_zone_column c ON c.run_id = z.run_id
            WHERE z.run_id = 2 AND c.name = 'gp_contacts' ORDER BY z.zone_id LIMIT 1
            """
        ).split(separator: "|").map(String.init)
        func littleEndianDouble(_ hex: String) -> String {
            let bytes = stride(from: 0, to: hex.count, by: 2).compactMap { offset -> UInt64? in
                let start = hex.index(hex.startIndex, offsetBy: offset)
                return UInt64(hex[start..<hex.index(start, offsetBy: 2)], radix: 16)
            }
            guard bytes.count == 8 else { return "" }
            let bits = bytes.enumerated().reduce(UInt64(0)) { $0 | ($1.element << (8 * UInt64($1.offset))) }
            return "\(Double(bitPattern: bits))"
        }
        let stored = cells.prefix(1) + cells.dropFirst().map(littleEndianDouble)
        let rows = try String(contentsOfFile: path("two/zones.csv"), encoding: .utf8).split(whereSeparator: \.isNewline)
        let column = try #require(twoZones.firstIndex(of: "gp_contacts"))
        let row = try #require(
            rows.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
                .first { String($0[0]) == stored.first })
        #expect(stored.count == 4)
        for (offset, text) in stored.dropFirst().enumerated() {
            let fromFile = try #require(Double(String(row[column + offset])))
            #expect(abs(fromFile - (Double(text) ?? .nan)) <= 1e-9 * max(1, abs(fromFile)))
        }
        #expect((Double(stored[2]) ?? .nan) < (Double(stored[3]) ?? .nan))
        #expect(
            try query(
                "SELECT count(*) FROM simulation_value WHERE run_id = 2 AND scope = 'actor' AND ci_low IS NOT NULL")
                != "0")
    }

    @Test func jsonPrintsTheTerritoryIndicators() throws {
        let result = try simulate("--replications", "3", "--out", path("j"), "--json")
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for name in [
            "gp_contacts_per_inhabitant", "emergency_visits_per_inhabitant", "share_without_declared_gp",
            "admissions_per_inhabitant", "continuity_upc", "follow_up_7_days_share", "readmission_30_days_share",
        ] {
            #expect(json[name] is Double, "\(name) missing")
        }
        let intervals = try #require(json["intervals"] as? [String: [String: Any]])
        let gp = try #require(intervals["gp_contacts_per_inhabitant"])
        #expect((gp["replications"] as? [Double])?.count == 3)
        #expect(gp["ci95_low"] is Double && gp["ci95_high"] is Double)
        #expect(json["run_id"] as? Int == 1)
    }

    @Test func badParametersAreDataErrorsAndStoreNothing() throws {
        let params = path("bad.json")
        try #"{"follow_up": {"probability_linked": 1.3}}"#.write(toFile: params, atomically: true, encoding: .utf8)
        let result = try simulate("--params", params, "--out", path("bad"))
        #expect(result.status == 65)
        #expect(result.stderr.contains("follow_up.probability_linked"))
        #expect(try storedRuns() == 0)
        #expect(!FileManager.default.fileExists(atPath: path("bad/territory.json")))
    }

    @Test func eventsOutsideTheHorizonOrNamingUnknownActorsAreRefused() throws {
        let late = path("late.json")
        try #"{"events": [{"type": "close", "actor": "hospital-000001", "from": "2027-06-01"}]}"#.write(
            toFile: late, atomically: true, encoding: .utf8)
        let first = try simulate("--events", late, "--out", path("e1"))
        #expect(first.status == 65)
        #expect(first.stderr.contains("outside the horizon"))
        let unknown = path("unknown.json")
        try #"[{"type": "close", "actor": "hospital-999999", "from": 1, "to": 5}]"#.write(
            toFile: unknown, atomically: true, encoding: .utf8)
        let second = try simulate("--events", unknown, "--out", path("e2"))
        #expect(second.status == 65)
        #expect(second.stderr.contains("hospital-999999"))
        #expect(try simulate("--events", path("missing.json"), "--out", path("e3")).status == 66)
        #expect(try storedRuns() == 0)
    }

    @Test func eventLogHasTheProcessMiningColumns() throws {
        let log = path("log.csv")
        #expect(try simulate("--out", path("l"), "--event-log", log).status == 0)
        // CRLF line ends, like every CSV Maillage writes (the log had its own LF writer before #17).
        let text = try String(contentsOfFile: log, encoding: .utf8)
        #expect(text.hasSuffix("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let lines = text.split(whereSeparator: \.isNewline)
        #expect(lines.first == "case_id,activity,timestamp,resource,zone")
        #expect(lines.count > 100)
        // The warm-up starts 60 days before 2026-01-01: 2025-11-02.
        #expect(
            lines.dropFirst().allSatisfy {
                $0.contains("T") && $0.split(separator: ",", omittingEmptySubsequences: false).count == 5
            })
        #expect(lines.contains { $0.contains(",2025-11-02T00:00:00Z,") || $0.contains(",2025-11-02T00:00:01Z,") })
    }
}

/// The event log read by pm4py (PyPI), which discovers a directly-follows graph from it.
@Suite struct EventLogProcessMiningTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/check-event-log.py").path

    /// The test virtualenv `make test` prepares (scripts/install-test-python.sh), else python3.
    static let interpreter: [String] = {
        let venv = URL(fileURLWithPath: script).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build-pytest/bin/python").path
        return FileManager.default.isExecutableFile(atPath: venv) ? [venv] : ["python3"]
    }()

    /// pm4py is there, or required because CI=true (then its absence fails the test).
    static var pm4pyRequiredOrAvailable: Bool {
        ProcessInfo.processInfo.environment["CI"] == "true" || (try? python(["-c", "import pm4py"]).status) == 0
    }

    static func python(_ arguments: [String]) throws -> CommandLineTests.Result {
        try CommandLineTests.run(executable: URL(fileURLWithPath: "/usr/bin/env"), interpreter + arguments)
    }

    @Test(.enabled(if: pm4pyRequiredOrAvailable, "needs pm4py: make test installs it (scripts/install-test-python.sh)"))
    func pm4pyDiscoversADirectlyFollowsGraph() throws {
        let scratch = try TemporaryFolder(prefix: "maillage-pm4py")
        // Kept alive to the end of the test: the folder goes with it.
        defer { withExtendedLifetime(scratch) {} }
        let folder = scratch.url
        let db = folder.appendingPathComponent("t.db").path
        let log = folder.appendingPathComponent("log.csv").path
        #expect(
            try CommandLineTests.run(
                "generate", "--zones", "10", "--population", "3000", "--seed", "2", "--out", db, "-q"
            ).status == 0)
        #expect(
            try CommandLineTests.run(
                "simulate", "--db", db, "--days", "30", "--out", folder.appendingPathComponent("out").path,
                "--event-log", log, "-q"
            ).status == 0)
        let result = try Self.python([Self.script, log])
        #expect(result.status == 0, "\(result.stderr)")
        let line = try #require(result.stdout.split(separator: "\n").last { $0.hasPrefix("{") })
        let json = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect((json["edges"] as? Int ?? 0) > 5)
        #expect((json["cases"] as? Int ?? 0) > 1_000)
        // A trajectory starts with a need, or (steady-state start, entries from home) with a stay
        // already under way on day 0 (its admission, or its discharge when the stay began before
        // the log), a place entered from home, or its GP leaving.
        let starts = try #require(json["start_activities"] as? [String])
        let placeStarts: Set = [
            "admission", "discharge", "home_care_start", "ehpad_admission", "declared_gp_left", "declared_gp_found",
        ]
        #expect(starts.contains { $0.hasPrefix("need_") })
        #expect(starts.allSatisfy { $0.hasPrefix("need_") || placeStarts.contains($0) }, "\(starts)")
    }
}
