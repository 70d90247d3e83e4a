import Foundation
import MaillageReport
import MaillageStore
import MaillageTestSupport
import Testing

/// Every `maillage access` method records the options its result depends on, and the report
/// labels the run from them: the options given on the command line come back as the map's
/// title and unit (issue #17: gravity recorded neither service, travel, per, normalize nor demand).
@Suite struct RecordedParametersTests {
    let temporary: TemporaryFolder
    var folder: URL { temporary.url }
    let db: String

    init() throws {
        temporary = try TemporaryFolder()
        db = temporary.path("t.db")
        let made = try CommandLineTests.run(
            "generate", "--zones", "40", "--population", "20000", "--seed", "17", "--out", db, "-q")
        try #require(made.status == 0, "\(made.stderr)")
    }

    /// Runs `maillage access METHOD …` with --json, and returns the stored run's id.
    func access(_ arguments: String...) throws -> Int64 {
        let out = folder.appendingPathComponent("\(arguments[0])-\(UUID().uuidString).csv").path
        let result = try CommandLineTests.run(["access"] + arguments + ["--db", db, "--out", out, "--json"])
        try #require(result.status == 0, "\(arguments): \(result.stderr)")
        let object = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return try #require((object["run_id"] as? NSNumber)?.int64Value)
    }

    /// The stored run as the report reads it.
    func reading(_ id: Int64) throws -> IndicatorReading {
        IndicatorReading(run: try #require(try TerritoryDatabase.open(at: db).indicatorRun(id: id)))
    }

    /// The report page of the run, written by `maillage report --run`.
    func page(_ id: Int64) throws -> String {
        let out = folder.appendingPathComponent("run-\(id).html").path
        let result = try CommandLineTests.run("report", "--db", db, "--run", "\(id)", "--out", out, "-q")
        try #require(result.status == 0, "\(result.stderr)")
        return try String(contentsOfFile: out, encoding: .utf8)
    }

    /// Checks the run's labels, in the reading and on the report page.
    func expectLabels(_ id: Int64, title: String, unit: String, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let reading = try reading(id)
        #expect(reading.title == title, sourceLocation: sourceLocation)
        #expect(reading.unit == unit, sourceLocation: sourceLocation)
        let html = try page(id)
        #expect(html.contains(title), "title not on the page", sourceLocation: sourceLocation)
        #expect(html.contains(unit), "unit not on the page", sourceLocation: sourceLocation)
    }

    @Test func nearestRecordsItsSitesAndTravel() throws {
        let id = try access("nearest", "--kind", "hospital", "--service", "emergency")
        let parameters = try reading(id).parameters
        #expect((parameters.kind, parameters.service, parameters.travel) == ("hospital", "emergency", "line"))
        try expectLabels(
            id, title: "Minutes to the nearest emergency department", unit: "minutes (straight-line road model)")
    }

    @Test func coverageRecordsItsLimit() throws {
        let id = try access("coverage", "--kind", "gp", "--limit", "20")
        let reading = try reading(id)
        #expect(reading.threshold == 20)
        #expect(reading.parameters.countedKinds == "gp")
        try expectLabels(id, title: "Minutes to the nearest GP practices", unit: "minutes (straight-line road model)")
    }

    @Test func catchmentMethodsRecordSupplyAndDemand() throws {
        let twoStep = try access("2sfca", "--kind", "gp", "--per", "100000")
        try expectLabels(twoStep, title: "2SFCA accessibility to GP practices", unit: "FTE per 100,000 inhabitants")
        let enhanced = try access(
            "e2sfca", "--kind", "gp", "--demand", "age-weighted", "--per", "1000", "--decay", "exponential:0.12")
        #expect(try reading(enhanced).parameters.decay == "exponential:0.12")
        try expectLabels(
            enhanced, title: "E2SFCA accessibility to GP practices", unit: "FTE per 1,000 age-weighted inhabitants")
        let threeStep = try access("3sfca", "--kind", "gp", "--normalize")
        try expectLabels(threeStep, title: "3SFCA accessibility to GP practices", unit: "index (territory average = 1)")
    }

    /// Before #17 this run was titled "Gravity accessibility to hospitals" in "beds per inhabitant".
    @Test func gravityRecordsServiceTravelPerNormalizeAndDemand() throws {
        let id = try access(
            "gravity", "--kind", "hospital", "--service", "emergency", "--capacity", "beds",
            "--demand", "age-weighted", "--per", "10000", "--travel", "line")
        let parameters = try reading(id).parameters
        #expect(parameters.service == "emergency")
        #expect(parameters.travel == "line")
        #expect(parameters.demand == "age-weighted")
        #expect(parameters.perInhabitants == 10_000)
        #expect(parameters.normalize == "false")
        #expect(parameters.decay == "gravity:60:-1" && parameters.minimumMinutes == "1.0")
        try expectLabels(
            id, title: "Gravity accessibility to emergency department",
            unit: "beds per 10,000 age-weighted inhabitants")
        let normalized = try access("gravity", "--kind", "gp", "--normalize")
        #expect(try reading(normalized).parameters.isNormalized)
        try expectLabels(
            normalized, title: "Gravity accessibility to GP practices", unit: "index (territory average = 1)")
    }
}
