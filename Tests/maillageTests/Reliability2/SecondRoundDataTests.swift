import Foundation
import MaillageTestSupport
import Testing

/// Issue 20: damaged or hostile data files are refused with the database unchanged, or read
/// correctly; never a crash, a silent swap or a silent emptying.
@Suite struct SecondRoundDataTests {
    let folder: URL
    /// Holds `folder`, removed with the suite instance after each test.
    let scratch: TemporaryFolder

    init() throws {
        scratch = try TemporaryFolder(prefix: "maillage-round2-data")
        folder = scratch.url
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func write(_ text: String, _ name: String) throws -> String {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path(name)))
        return path(name)
    }

    func run(_ arguments: String...) throws -> CommandLineTests.Result { try CommandLineTests.run(arguments) }

    func territory(_ name: String = "t.db", zones: Int = 8) throws -> String {
        let db = path(name)
        let made = try CommandLineTests.run([
            "generate", "--zones", "\(zones)", "--population", "\(zones * 1000)", "--seed", "1", "--out", db, "-q",
        ])
        try #require(made.status == 0, "\(made.stderr)")
        return db
    }

    /// Runs a command that must fail with `status` and leave the territory tables as they were.
    @discardableResult
    func refused(_ arguments: [String], db: String, status: Int32 = 65, mentioning words: [String] = []) throws
        -> String
    {
        let before = try SQLiteShell.territoryDigest(db)
        let result = try CommandLineTests.run(arguments)
        #expect(result.status == status, "\(arguments): \(result.status) \(result.stderr)")
        for word in words { #expect(result.stderr.contains(word), "\(arguments): \(result.stderr) lacks \(word)") }
        #expect(try SQLiteShell.territoryDigest(db) == before, "\(arguments) changed the territory")
        #expect(try SQLiteShell.integrity(db) == "ok")
        return result.stderr
    }

    // MARK: code maps

    @Test func aCodeMapLoopIsRefusedInsteadOfSwappingTwoCommunes() throws {
        let db = try territory()
        let zones = path("zones.csv")
        #expect(try run("export", "zones", "--db", db, "--out", zones).status == 0)
        let loop = try write("old_code,new_code\nZ00001,Z00002\nZ00002,Z00001\n", "loop.csv")
        let fresh = path("fresh.db")
        #expect(try run("init", fresh).status == 0)
        try refused(
            ["import", "zones", zones, "--db", fresh, "--code-map", loop], db: fresh,
            mentioning: ["loop.csv:", "Z00001 → Z00002 → Z00001", "loop"])
        let longer = try write("old_code,new_code\nZ00001,Z00002\nZ00002,Z00003\nZ00003,Z00001\n", "longer.csv")
        try refused(["import", "population", zones, "--db", db, "--code-map", longer], db: db, mentioning: ["loop"])
    }

    @Test func mappingOldCodesTheTerritoryStillHoldsIsRefusedNotDoubleCounted() throws {
        let db = try territory()
        let zones = path("zones.csv")
        #expect(try run("export", "zones", "--db", db, "--out", zones).status == 0)
        let map = try write("old_code,new_code\nZ00001,Z00002\n", "map.csv")
        try refused(
            ["import", "zones", zones, "--db", db, "--code-map", map], db: db, mentioning: ["twice", "Z00001 → Z00002"])
        try refused(["import", "population", zones, "--db", db, "--code-map", map], db: db, mentioning: ["twice"])
        // Into a territory without the old code, the two rows become one zone: the population is the sum, counted once.
        let fresh = path("fresh.db")
        #expect(try run("init", fresh).status == 0)
        let merged = try run("import", "zones", zones, "--db", fresh, "--code-map", map)
        #expect(merged.status == 0, "\(merged.stderr)")
        let total = { (file: String) in try SQLiteShell.run(file, "SELECT CAST(sum(population) AS INTEGER) FROM zone;")
        }
        #expect(try total(fresh) == total(db))
        #expect(try SQLiteShell.run(fresh, "SELECT count(*) FROM zone WHERE id = 'Z00001';") == "0")
    }

    // MARK: line endings and emptiness

    @Test func classicMacLineEndingsAreRead() throws {
        let db = try territory()
        let zones = try write("id,name,lat,lon,population\rCR1,Un,46.60,2.30,100\rCR2,Deux,46.70,2.31,250\r", "cr.csv")
        let result = try run("import", "zones", zones, "--db", db, "--json")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            try SQLiteShell.run(
                db, "SELECT id || '=' || CAST(population AS INTEGER) FROM zone WHERE id LIKE 'CR%' ORDER BY id;")
                == "CR1=100\nCR2=250")
        let matrix = try write("origin_id,destination_id,minutes\rZ00001,Z00002,7\rZ00002,Z00003,9\r", "m.csv")
        #expect(try run("import", "matrix", matrix, "--db", db, "--name", "road").status == 0)
        #expect(try SQLiteShell.run(db, "SELECT coalesce(sum(pairs), 0) FROM travel_row;") == "2")
    }

    @Test func aMatrixIsNeverReplacedByNothingWithoutAllowEmpty() throws {
        let db = try territory()
        let good = try write("origin_id,destination_id,minutes\nZ00001,Z00002,7\nZ00002,Z00003,9\n", "road.csv")
        #expect(try run("import", "matrix", good, "--db", db, "--name", "road").status == 0)
        let nothing = try write("origin_id,destination_id,minutes\nELSEWHERE1,ELSEWHERE2,7\n", "nothing.csv")
        try refused(
            ["import", "matrix", nothing, "--db", db, "--name", "road"], db: db,
            mentioning: ["--allow-empty", "keeps its 2 pairs"])
        let headerOnly = try write("origin_id,destination_id,minutes\n", "header.csv")
        try refused(
            ["import", "matrix", headerOnly, "--db", db, "--name", "road"], db: db, mentioning: ["--allow-empty"])
        let allowed = try run("import", "matrix", headerOnly, "--db", db, "--name", "road", "--allow-empty")
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(try SQLiteShell.run(db, "SELECT coalesce(sum(pairs), 0) FROM travel_row;") == "0")
    }

    // MARK: bounds

    @Test func populationsBeyondAnyZoneAreRefusedAtImport() throws {
        let db = try territory()
        for population in ["1e19", "5e18", "1e11"] {
            let csv = try write("id,name,lat,lon,population\nBIG,Big,46.6,2.3,\(population)\n", "big.csv")
            try refused(["import", "zones", csv, "--db", db], db: db, mentioning: ["big.csv:2", "population"])
            let pop = try write("id,population\nZ00001,\(population)\n", "pop.csv")
            try refused(["import", "population", pop, "--db", db], db: db, mentioning: ["pop.csv:2", "population"])
            let geojson = try write(
                """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"BIG","population":\(population)},
                "geometry":{"type":"Polygon","coordinates":[[[2.3,46.6],[2.31,46.6],[2.31,46.61],[2.3,46.61],[2.3,46.6]]]}}]}
                """, "big.geojson")
            try refused(["import", "zones", geojson, "--db", db], db: db, mentioning: ["big.geojson", "population"])
        }
        #expect(try run("info", db).status == 0)
    }

    @Test func aCapacityOf1e308IsRefused() throws {
        let db = try territory()
        let actors = try write("id,kind,name,lat,lon,capacity.fte\nHUGE,gp,Huge,46.6,2.3,1e308\n", "a.csv")
        try refused(["import", "actors", actors, "--db", db], db: db, mentioning: ["a.csv:2", "capacity.fte"])
    }

    @Test func simulateRefusesAgentsItCannotAllocateBeforeAllocating() throws {
        let db = try territory()
        // Two zones of 9e9 people each: within the per-zone bound, far beyond any machine's memory.
        let pop = try write("id,population\nZ00001,9000000000\nZ00002,9000000000\n", "pop.csv")
        #expect(try run("import", "population", pop, "--db", db).status == 0)
        let clock = ContinuousClock()
        let start = clock.now
        let result = try run("simulate", "--db", db, "--days", "3", "--out", path("sim"))
        #expect(result.status == 65, "\(result.status) \(result.stderr)")
        #expect(result.stderr.contains("memory") && result.stderr.contains("agents"), "\(result.stderr)")
        #expect(clock.now - start < .seconds(30))
        #expect(try run("info", db).status == 0)
    }

    @Test func distributionMeansAreBoundedAndExtremeTailsDoNotCrash() throws {
        let db = try territory()
        for name in [
            "hospital.length_of_stay", "home_care.ssiad_stay", "specialist.elective_admission_delay",
            "follow_up.delay_linked",
        ] {
            let parts = name.split(separator: ".").map(String.init)
            let json = "{\"\(parts[0])\": {\"\(parts[1])\": {\"type\": \"exponential\", \"mean\": 1e19}}}"
            let params = try write(json, "p.json")
            let result = try run("simulate", "--db", db, "--params", params, "--days", "5", "--out", path("sim"))
            #expect(result.status == 65, "\(name): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains(name) && result.stderr.contains("36500"), "\(result.stderr)")
            let scenario = try write("territory: t.db\ndays: 5\noverrides:\n  \(name).mean: 1e19\n", "o.yaml")
            let viaScenario = try run("scenario", "run", scenario, "--out", path("out"))
            #expect(viaScenario.status == 65, "\(name): \(viaScenario.status) \(viaScenario.stderr)")
        }
        // Within bounds, a lognormal whose tail passes any Int: draws are clamped, the run ends normally.
        let tail = try write(
            #"{"hospital": {"length_of_stay": {"type": "lognormal", "mean": 0.01, "sd": 36500}}}"#, "tail.json")
        let result = try run("simulate", "--db", db, "--params", tail, "--days", "20", "--out", path("tail"), "-q")
        #expect(result.status == 0, "\(result.status) \(result.stderr)")
    }

    // MARK: events

    func events(_ json: String) throws -> String { try write(json, "events.json") }

    @Test func eventDaysAndFactorsAreCheckedAlikeInJSONAndYAML() throws {
        let db = try territory()
        func simulate(_ events: String) throws -> CommandLineTests.Result {
            try CommandLineTests.run(["simulate", "--db", db, "--days", "30", "--events", events, "--out", path("sim")])
        }
        let far = try simulate(try events(#"[{"type": "surge", "zones": ["*"], "factor": 1.5, "from": 1e30}]"#))
        #expect(far.status == 65)
        #expect(!far.stderr.contains("-9223372036854775808") && far.stderr.contains("1e+30"), "\(far.stderr)")
        let fraction = try simulate(
            try events(#"[{"type": "surge", "zones": ["*"], "factor": 1.5, "from": {"day": 2.5}}]"#))
        #expect(fraction.status == 65, "\(fraction.stderr)")
        let unknown = try simulate(try events(#"[{"type": "surge", "zones": ["*"], "factr": 1.5, "factor": 1.2}]"#))
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("'factr'"), "\(unknown.stderr)")
        let huge = try simulate(try events(#"[{"type": "surge", "zones": ["*"], "factor": 1e6}]"#))
        #expect(huge.status == 65)
        #expect(huge.stderr.contains("at most 10"), "\(huge.stderr)")
        let many = (0..<30).map { _ in #"{"type": "surge", "zones": ["*"], "factor": 2, "from": 0, "to": 20}"# }.joined(
            separator: ",")
        let clock = ContinuousClock()
        let start = clock.now
        let stacked = try simulate(try events("[\(many)]"))
        #expect(stacked.status == 65)
        #expect(stacked.stderr.contains("surges overlap") && stacked.stderr.contains("1073741824"), "\(stacked.stderr)")
        #expect(clock.now - start < .seconds(20))
        let faster = try simulate(try events(#"[{"type": "slow_travel", "zones": ["*"], "factor": 0.5}]"#))
        #expect(faster.status == 65)
        let yaml = try write(
            "territory: t.db\ndays: 30\nevents:\n  - slow_travel: {zones: ['*'], factor: 0.5}\n    from: 1\n    until: 5\n",
            "slow.yaml")
        let scenario = try CommandLineTests.run(["scenario", "run", yaml, "--out", path("out")])
        #expect(scenario.status == 65)
        #expect(scenario.stderr.contains("slow_travel factor must be between 1 and 10"), "\(scenario.stderr)")
        #expect(faster.stderr.contains("slow_travel factor must be between 1 and 10"), "\(faster.stderr)")
        let yamlSurge = try write(
            "territory: t.db\ndays: 30\nevents:\n  - surge: {zones: ['*'], factor: 1000000}\n    from: 1\n    until: 5\n",
            "surge.yaml")
        let surge = try CommandLineTests.run(["scenario", "run", yamlSurge, "--out", path("out")])
        #expect(surge.status == 65)
        #expect(surge.stderr.contains("at most 10"), "\(surge.stderr)")
    }
}
