import Foundation
import MaillageTestSupport
import Testing

/// `maillage calibrate` with a holdout on a generated territory with nine emergency
/// departments: the fit sums only the fitted sites, `sites.csv` lists the held-out ones, and
/// its measures are checked against scipy on the same columns and against a plain `simulate`
/// run of the fitted parameters (the same seed, days and sample: the same departments' arrivals).
@Suite(.serialized) struct CalibrateSiteValidationTests {
    let folder: URL
    /// Holds `folder`, removed with the suite instance after each test.
    let scratch: TemporaryFolder
    let db: String

    init() throws {
        scratch = try TemporaryFolder(prefix: "maillage-sites")
        (folder, db) = try CommandLineTests.generatedDatabase(zones: 100, population: 1_000_000, seed: 3, in: scratch)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func rows(_ file: String) throws -> [[String]] {
        try String(contentsOfFile: path(file), encoding: .utf8).split(whereSeparator: \.isNewline).map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// The emergency departments of the territory (id, zone), sorted by id, from `export actors`.
    func departments() throws -> [(id: String, zone: String)] {
        #expect(try CommandLineTests.run("export", "actors", "--db", db, "--out", path("actors.csv"), "-q").status == 0)
        let table = try rows("actors.csv")
        let header = table[0]
        let (id, zone, services) = (
            header.firstIndex(of: "id")!, header.firstIndex(of: "zone_id")!, header.firstIndex(of: "services")!
        )
        return table.dropFirst().filter { $0.count == header.count && $0[services].contains("emergency") }
            .map { (id: $0[id], zone: $0[zone]) }.sorted { $0.id < $1.id }
    }

    @Test func heldOutSitesAreComparedAsScipyAndSimulateSayWithoutEnteringTheFit() throws {
        let sites = try departments()
        try #require(sites.count == 9, "the generated territory has \(sites.count) emergency departments")
        // Observed figures chosen by hand: visits rising with the id except two swapped, 80+ and admitted shares.
        let visits: [Double] = [21_000, 34_000, 18_000, 45_000, 27_000, 52_000, 15_000, 38_000, 30_000]
        var csv = "scope,subject_id,series,year,value\n"
        for (index, site) in sites.enumerated() {
            csv += "actor,\(site.id),PASSU,2018,\(visits[index])\n"
            csv += "actor,\(site.id),dt80,2018,\(visits[index] * (0.10 + 0.01 * Double(index)))\n"
            csv += "actor,\(site.id),dtMCO,2018,\(visits[index] * 0.2)\n"
        }
        try csv.write(toFile: path("obs.csv"), atomically: true, encoding: .utf8)
        #expect(try CommandLineTests.run("import", "observed", path("obs.csv"), "--db", db, "-q").status == 0)
        // Held out: the last four by id, and the fifth by its zone's id as a prefix.
        let heldOut = Array(sites.suffix(5))
        let listed = heldOut.dropFirst().map { "\"\($0.id)\"" }.joined(separator: ", ")
        let spec = """
            parameters:
              - {name: needs.acute_urgent.rate_per_year, scale: [0.5, 2.0]}
            targets:
              - {name: site_visits, indicator: site_emergency_visits, series: PASSU}
              - {name: admitted_share, indicator: site_emergency_admissions, indicator_over: site_emergency_visits,
                 series: dtMCO, series_over: PASSU}
            fit_year: 2018
            holdout: {zones: ["\(heldOut[0].zone)"], sites: [\(listed)]}
            sites: {share_80_of_oldest_band: 0.65}
            simulation: {days: 60, seed: 1, replications: 1, sample: 0.01}
            max_evaluations: 3
            """
        try spec.write(toFile: path("spec.yaml"), atomically: true, encoding: .utf8)
        let run = try CommandLineTests.run(
            "calibrate", "--db", db, "--targets", path("spec.yaml"), "--out", path("fit"))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("sites held out, 2018: 5 compared"))

        // The fit observes the four fitted sites only (their visits summed by hand).
        let fit = try rows("fit/fit.csv")
        #expect(fit[1][0] == "site_visits" && Double(fit[1][2]) == 21_000 + 34_000 + 18_000 + 45_000)
        #expect(Double(fit[2][2]) == 0.2)
        // The held-out year is the fit year: validation.csv sums the five held-out sites.
        let validation = try rows("fit/validation.csv")
        let heldOutVisits: Double = 27_000 + 52_000 + 15_000 + 38_000 + 30_000
        #expect(validation[1][0] == "site_visits" && Double(validation[1][2]) == heldOutVisits, "\(validation)")

        let table = try rows("fit/sites.csv")
        let header = table[0]
        #expect(
            header == [
                "site_id", "name", "zone_id", "year", "lon", "lat", "observed_visits", "simulated_visits",
                "residual_visits", "relative_error_visits", "observed_share_80", "simulated_share_80",
                "residual_share_80", "observed_admitted_share", "simulated_admitted_share", "residual_admitted_share",
            ])
        let body = Array(table.dropFirst())
        #expect(body.map { $0[0] } == heldOut.map(\.id))
        func column(_ name: String) -> [Double] { body.map { Double($0[header.firstIndex(of: name)!]) ?? .nan } }
        let observed = column("observed_visits")
        let simulated = column("simulated_visits")
        #expect(observed == Array(visits.suffix(5)))
        #expect(simulated.allSatisfy { $0 > 0 })
        // The 80+ share is the oldest band's visits times 0.65: never above 0.65.
        #expect(column("simulated_share_80").allSatisfy { $0 > 0 && $0 <= 0.65 })
        #expect(column("observed_admitted_share").allSatisfy { abs($0 - 0.2) < 1e-12 })

        // The same departments in a plain simulation of the fitted parameters: arrivals a year.
        let check = try CommandLineTests.run(
            "simulate", "--db", db, "--params", path("fit/fitted-parameters.json"), "--days", "60", "--seed", "1",
            "--replications", "1", "--sample", "0.01", "--out", path("sim"), "-q")
        #expect(check.status == 0, "\(check.stderr)")
        let actors = try rows("sim/actors.csv")
        let arrivals = actors[0].firstIndex(of: "emergency_arrivals")!
        for (site, value) in zip(heldOut, simulated) {
            let row = try #require(actors.first { $0[0] == site.id })
            let expected = Double(row[arrivals])! * 365 / 60
            #expect(abs(value - expected) <= 1e-9 * expected, "\(site.id): \(value) against \(expected)")
        }

        // The report maps each held-out site, coloured by its relative error's class (PuOr, limits
        // −50, −25, 0, +25, +50 %), and lists the measures.
        let report = try CommandLineTests.run(
            "report", "--db", db, "--calibration", path("fit"), "--out", path("fit.html"), "-q")
        #expect(report.status == 0, "\(report.stderr)")
        let html = try String(contentsOfFile: path("fit.html"), encoding: .utf8)
        let puOr = ["#b35806", "#f1a340", "#fee0b6", "#d8daeb", "#998ec3", "#542788"]
        for (site, error) in zip(heldOut, column("relative_error_visits")) {
            let expected =
                error < -0.5
                ? puOr[0]
                : error < -0.25
                    ? puOr[1]
                    : error < 0
                        ? puOr[2]
                        : error < 0.25
                            ? puOr[3]
                            : error < 0.5 ? puOr[4] : puOr[5]
            let pattern = try Regex("fill=\"(#[0-9a-f]{6})\"><title>[^<]*\\(\(site.id)\\)")
            let match = try #require(html.firstMatch(of: pattern), "\(site.id) is not drawn")
            #expect(String(match.output[1].substring ?? "") == expected, "\(site.id): error \(error)")
        }
        #expect(html.contains("spearman_visits") && html.contains("held-out sites, 2018"))

        // The measures against scipy and numpy on the columns of sites.csv.
        let document =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path("fit/calibration.json"))))
            as? [String: Any]
        let siteDocument = try #require(document?["site_validation"] as? [String: Any])
        #expect(siteDocument["held_out"] as? Bool == true && siteDocument["sites_compared"] as? Int == 5)
        var measures: [String: Double] = [:]
        for measure in try #require(siteDocument["measures"] as? [[String: Any]]) {
            measures[measure["measure"] as! String] = measure["value"] as? Double
        }
        guard PythonPeer.requiredOrAvailable(["scipy", "numpy"]) else { return }
        let script = """
            import csv, json, sys
            import numpy as np
            from scipy.stats import spearmanr
            rows = list(csv.DictReader(open(sys.argv[1], newline="")))
            col = lambda name: np.array([float(r[name]) for r in rows])
            o, s = col("observed_visits"), col("simulated_visits")
            print(json.dumps({
                "spearman_visits": float(spearmanr(o, s).statistic),
                "median_abs_relative_error_visits": float(np.median(np.abs(s - o) / o)),
                "total_relative_error_visits": float((s.sum() - o.sum()) / o.sum()),
                "mae_share_80": float(np.mean(np.abs(col("simulated_share_80") - col("observed_share_80")))),
                "mae_admitted_share": float(np.mean(np.abs(col("simulated_admitted_share") - 0.2))),
            }))
            """
        let python = try PythonPeer.run(["-c", script, path("fit/sites.csv")])
        #expect(python.status == 0, "\(python.stderr)")
        let reference = try #require(
            try JSONSerialization.jsonObject(with: Data(python.stdout.utf8)) as? [String: Double])
        for (name, value) in reference {
            let ours = try #require(measures[name], "\(name) missing from calibration.json")
            #expect(abs(ours - value) <= 1e-9 * max(1, abs(value)), "\(name): \(ours) against scipy \(value)")
        }
    }

    /// `per_site` through the command: one fit row per fitted site with its own observed visits
    /// and its share of the weight, the history's columns the same, and a second run on
    /// the same folder replaying every evaluation (resumed) into the same files.
    @Test func perSiteTargetsAreFittedSiteBySiteAndResume() throws {
        let sites = try departments()
        try #require(sites.count == 9)
        var csv = "scope,subject_id,series,year,value\n"
        for (index, site) in sites.enumerated() { csv += "actor,\(site.id),PASSU,2018,\(10_000 + 1_000 * index)\n" }
        try csv.write(toFile: path("obs.csv"), atomically: true, encoding: .utf8)
        #expect(try CommandLineTests.run("import", "observed", path("obs.csv"), "--db", db, "-q").status == 0)
        let listed = sites.suffix(3).map { "\"\($0.id)\"" }.joined(separator: ", ")
        try """
        params: choice.json
        parameters:
          - {name: needs.acute_urgent.rate_per_year, scale: [0.5, 2.0]}
          - {name: emergency.choice.minutes_scale, range: [2, 30]}
        targets:
          - {name: site_visits, indicator: site_emergency_visits, series: PASSU, per_site: true, error: log, weight: 3}
        fit_year: 2018
        holdout: {sites: [\(listed)]}
        simulation: {days: 30, seed: 1, replications: 1, sample: 0.01}
        max_evaluations: 4
        """.write(toFile: path("per-site.yaml"), atomically: true, encoding: .utf8)
        try #"{"emergency": {"choice": {"minutes_scale": 10}}}"#.write(
            toFile: path("choice.json"), atomically: true, encoding: .utf8)
        let first = try CommandLineTests.run(
            "calibrate", "--db", db, "--targets", path("per-site.yaml"), "--out", path("per-site"), "-q")
        #expect(first.status == 0, "\(first.stderr)")
        // The six fitted sites, by id, each observed alone, weighing 3 / 6.
        let fit = try rows("per-site/fit.csv")
        let fitted = sites.prefix(6)
        #expect(fit.dropFirst().map { $0[0] } == fitted.map { "site_visits@\($0.id)" })
        let observed: [Double] = fit.dropFirst().map { Double($0[2]) ?? .nan }
        let expected: [Double] = (0..<6).map { Double(10_000 + 1_000 * $0) }
        #expect(observed == expected)
        let weights: [Double] = fit.dropFirst().map { Double($0[5]) ?? .nan }
        #expect(weights == Array(repeating: 0.5, count: 6))
        let history = try String(contentsOfFile: path("per-site/history.csv"), encoding: .utf8)
        let header = String(history.split(whereSeparator: \.isNewline)[0])
        let columns: String = fitted.map { "simulated:site_visits@\($0.id)" }.joined(separator: ",")
        #expect(header.hasSuffix(columns), "\(header)")
        // Started again on the same folder: every evaluation is replayed, the files are the same.
        let again = try CommandLineTests.run(
            "calibrate", "--db", db, "--targets", path("per-site.yaml"), "--out", path("per-site"), "-q")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try String(contentsOfFile: path("per-site/history.csv"), encoding: .utf8) == history)
        let document = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: path("per-site/calibration.json"))))
                as? [String: Any])
        #expect(document["resumed_evaluations"] as? Int == document["evaluations"] as? Int)
        #expect((document["objective"] as? String)?.contains("ln(simulated / observed)^2") == true)
    }

    @Test func aHoldoutRefusesTargetsThatWouldSumEverySite() throws {
        try """
        parameters:
          - {name: needs.acute_urgent.rate_per_year, scale: [0.5, 2.0]}
        targets:
          - {name: v, indicator: emergency_visits_per_inhabitant, series: PASSU, per_inhabitant: true}
        fit_year: 2018
        holdout: {zones: ["Z0001"]}
        """.write(toFile: path("bad.yaml"), atomically: true, encoding: .utf8)
        let run = try CommandLineTests.run("calibrate", "--db", db, "--targets", path("bad.yaml"), "--out", path("x"))
        #expect(run.status == 65 && run.stderr.contains("site_emergency_visits"), "\(run.stderr)")
        try "parameters:\n  - {name: emergency.night_share, range: [0.1, 0.5]}\ntargets: []\nholdout: {}\n".write(
            toFile: path("empty.yaml"), atomically: true, encoding: .utf8)
        #expect(
            try CommandLineTests.run("calibrate", "--db", db, "--targets", path("empty.yaml"), "--out", path("y"))
                .status == 65)
    }
}
