import Foundation
import MaillageTestSupport
import Testing

/// `maillage locate --travel matrix` on an imported directed matrix, against optima that
/// spopt 0.7 and a PuLP/CBC capacitated formulation reach on the same times, in the
/// direction each model reads (`scripts/location/capacitated_expectations.py`).
@Suite struct LocateMatrixCommandTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("MaillageAccessTests/Fixtures/locate-matrix")

    let folder: TemporaryFolder
    let db: String
    let expected: [String: Double]

    init() throws {
        folder = try TemporaryFolder()
        db = folder.path("t.db")
        func file(_ name: String) -> String { Self.fixture.appendingPathComponent(name).path }
        for arguments in [
            ["init", db], ["import", "zones", file("zones.csv"), "--db", db, "-q"],
            ["import", "actors", file("actors.csv"), "--db", db, "-q"],
            ["import", "matrix", file("matrix.csv"), "--db", db, "--directed", "--name", "road", "-q"],
        ] {
            let result = try CommandLineTests.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let data = try Data(contentsOf: Self.fixture.appendingPathComponent("expected.json"))
        expected = (try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]).compactMapValues {
            $0 as? Double
        }
    }

    func locate(_ arguments: String...) throws -> [String: Any] {
        let result = try CommandLineTests.run(
            ["locate"] + arguments + [
                "--db", db, "--kind", "gp", "--candidates", "actors",
                "--travel", "matrix", "--matrix", "road", "--out", folder.path("sites.csv"), "--json",
            ])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    func close(_ value: Any?, _ key: String) -> Bool {
        guard let value = value as? Double, let target = expected[key] else { return false }
        return abs(value - target) <= 1e-6 * max(1, abs(target))
    }

    @Test(arguments: [2, 3])
    func uncapacitatedModelsMatchSpoptInTheirDirection(p: Int) throws {
        let mclp = try locate("mclp", "-p", "\(p)", "--limit", "20")
        #expect(mclp["direction"] as? String == "site-to-zone")
        #expect(
            close(mclp["objective"], "mclp_p\(p)"), "\(mclp["objective"] ?? "") vs spopt \(expected["mclp_p\(p)"] ?? 0)"
        )
        let trip = try locate("mclp", "-p", "\(p)", "--limit", "20", "--direction", "zone-to-site")
        #expect(close(trip["objective"], "mclp_p\(p)_zone_to_site"))
        let pmedian = try locate("pmedian", "-p", "\(p)")
        #expect(pmedian["direction"] as? String == "zone-to-site")
        #expect(
            close(pmedian["objective"], "pmedian_p\(p)"),
            "\(pmedian["objective"] ?? "") vs spopt \(expected["pmedian_p\(p)"] ?? 0)")
    }

    @Test(arguments: [2, 3])
    func capacitatedModelsMatchCBC(p: Int) throws {
        let perFTE = String(Int(expected["people_per_fte"] ?? 0))
        let median = try locate(
            "pmedian", "-p", "\(p)", "--capacitated", "--capacity-measure", "fte", "--people-per-unit", perFTE)
        #expect(
            close(median["objective"], "capacitated_pmedian_p\(p)"),
            "\(median["objective"] ?? "") vs CBC \(expected["capacitated_pmedian_p\(p)"] ?? 0)")
        #expect((median["unassigned_population"] as? Double ?? -1) > 0)
        let sites = try #require(median["sites"] as? [[String: Any]])
        for site in sites {
            // No site serves more than FTE × people per FTE.
            let served = site["population_served"] as? Double ?? .infinity
            #expect(served <= (site["capacity"] as? Double ?? 0) * Double(perFTE)! * (1 + 1e-9))
        }
        let mclp = try locate(
            "mclp", "-p", "\(p)", "--limit", "20", "--capacitated", "--capacity-measure", "fte", "--people-per-unit",
            perFTE)
        #expect(
            close(mclp["objective"], "capacitated_mclp_p\(p)"),
            "\(mclp["objective"] ?? "") vs CBC \(expected["capacitated_mclp_p\(p)"] ?? 0)")
    }

    @Test func maximinAccessReportsTheTradeOff() throws {
        let result = try locate("pmedian", "-p", "3", "--objective", "maximin-access", "--capacity-measure", "fte")
        #expect(result["model"] as? String == "maximin-access")
        let summary = try #require(result["summary"] as? [String: Any])
        for key in ["coverage_share", "mean_minutes", "worst_minutes", "gini_access", "lowest_decile_access"] {
            #expect(summary[key] is Double, "\(key) missing")
        }
        let indicator = try #require(result["indicator"] as? [String: Any])
        #expect(indicator["name"] as? String == "lowest_decile_access")
        // With every candidate closed nobody has access; three sites must give the worst tenth some.
        #expect((indicator["after"] as? Double ?? 0) > 0)
    }

    @Test func aCandidateMissingFromTheMatrixIsNamed() throws {
        let candidates = Self.fixture.appendingPathComponent("candidates.csv").path
        let result = try CommandLineTests.run(
            "locate", "pmedian", "-p", "1", "--db", db, "--kind", "gp", "--candidates", candidates,
            "--travel", "matrix", "--out", folder.path("x.csv"))
        #expect(result.status == 65)
        #expect(
            result.stderr.contains("NEW-1") && result.stderr.contains("candidates.csv line 3")
                && result.stderr.contains("road"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("x.csv")))
    }

    @Test func candidatesFileCapacitiesBindTheAssignment() throws {
        // Two candidates named in the matrix by their actor ids, with their own capacities
        // (in FTE, 1,000 people each): no site serves more, the rest is reported unassigned.
        let candidates = try folder.write("candidates.csv", "id,lat,lon,capacity\nG03,43.5,1.3,2\nG05,43.6,1.4,3\n")
        let result = try CommandLineTests.run(
            "locate", "pmedian", "-p", "2", "--capacitated", "--people-per-unit", "1000",
            "--db", db, "--kind", "gp", "--candidates", candidates, "--travel", "matrix",
            "--out", folder.path("c.csv"), "--json")
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let sites = try #require(json["sites"] as? [[String: Any]])
        #expect(Set(sites.compactMap { $0["id"] as? String }) == ["G03", "G05"])
        let served = sites.map { $0["population_served"] as? Double ?? 0 }.reduce(0, +)
        #expect(served <= 5000 * (1 + 1e-9))
        let unassigned = try #require(json["unassigned_population"] as? Double)
        let population = try String(contentsOf: Self.fixture.appendingPathComponent("zones.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst().compactMap { Double($0.split(separator: ",").last ?? "") }
            .reduce(0, +)
        #expect(population > 0)
        #expect(abs(served + unassigned - population) <= 1e-6 * population)
    }

    @Test func capacitatedNeedsACapacityForEveryCandidate() throws {
        let result = try CommandLineTests.run(
            "locate", "pmedian", "-p", "2", "--capacitated", "--db", db, "--kind", "gp",
            "--candidates", "zones", "--travel", "matrix", "--out", folder.path("x.csv"))
        #expect(result.status == 65)
        #expect(result.stderr.contains("--capacity"))
    }
}
