import Foundation
import MaillageTestSupport
import Testing

/// `maillage calibrate` on a small generated territory: a parameter is recovered from a
/// "truth" run made with a known value and another seed, the held-out year is predicted
/// without refitting, an interrupted run resumes to the same files, and bad specs are refused.
@Suite(.serialized) struct CalibrateCommandTests {
    let folder: URL
    /// Holds `folder`, removed with the suite instance after each test.
    let scratch: TemporaryFolder
    let db: String

    /// Urgent-need rates 1.3 times the defaults (band values by hand: 0.26, 0.27, 0.21, 0.19, 0.2, 0.4).
    static let truth = """
        {"needs": {"acute_urgent": {"rate_per_year": {"0-14": 0.338, "15-29": 0.351, "30-44": 0.273, "45-59": 0.247, "60-74": 0.26, "75+": 0.52}}}}
        """

    init() throws {
        scratch = try TemporaryFolder(prefix: "maillage-cli")
        (folder, db) = try CommandLineTests.generatedDatabase(zones: 30, population: 20_000, seed: 3, in: scratch)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func truthVisits(seed: Int) throws -> Double {
        try Self.truth.write(toFile: path("truth.json"), atomically: true, encoding: .utf8)
        let run = try CommandLineTests.run(
            "simulate", "--db", db, "--params", path("truth.json"), "--days", "120", "--sample", "0.5",
            "--seed", "\(seed)", "--out", path("truth-\(seed)"), "--json", "-q")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        return try #require(object?["emergency_visits_per_inhabitant"] as? Double)
    }

    func spec(maxEvaluations: Int = 20) throws -> String {
        let spec = path("spec.yaml")
        try """
        parameters:
          - {name: needs.acute_urgent.rate_per_year, scale: [0.5, 2.0]}
        targets:
          - {name: visits_per_inhabitant, indicator: emergency_visits_per_inhabitant, series: ed_per_inhabitant, scope: territory}
        fit_year: 2018
        validation_year: 2019
        simulation: {days: 120, seed: 1, replications: 1, sample: 0.5}
        max_evaluations: \(maxEvaluations)
        """.write(toFile: spec, atomically: true, encoding: .utf8)
        return spec
    }

    func read(_ out: String, _ file: String) throws -> String {
        try String(contentsOfFile: path("\(out)/\(file)"), encoding: .utf8)
    }

    @Test func recoversAKnownRateAndPredictsTheHeldOutYear() throws {
        let (fitYear, heldOut) = (try truthVisits(seed: 7), try truthVisits(seed: 8))
        try
            "scope,subject_id,series,year,value\nterritory,t,ed_per_inhabitant,2018,\(fitYear)\nterritory,t,ed_per_inhabitant,2019,\(heldOut)\n"
            .write(toFile: path("obs.csv"), atomically: true, encoding: .utf8)
        #expect(try CommandLineTests.run("import", "observed", path("obs.csv"), "--db", db, "-q").status == 0)
        let spec = try spec()
        let run = try CommandLineTests.run("calibrate", "--db", db, "--targets", spec, "--out", path("fit"), "-q")
        #expect(run.status == 0, "\(run.stderr)")
        let json =
            try JSONSerialization.jsonObject(with: Data(try read("fit", "calibration.json").utf8)) as? [String: Any]
        let fitted = try #require((json?["fitted"] as? [String: Any])?["needs.acute_urgent.rate_per_year"] as? Double)
        // The truth is 1.3; one seed's noise on 10,000 agents over 120 days moves visits by a few per cent.
        #expect(abs(fitted - 1.3) < 0.15, "fitted \(fitted)")
        let validation = try read("fit", "validation.csv").split(whereSeparator: \.isNewline).map {
            $0.split(separator: ",").map(String.init)
        }
        #expect(validation[1][0] == "visits_per_inhabitant" && validation[1][1] == "2019")
        #expect(abs(Double(validation[1][4])!) < 0.1)
        // The fitted file is a parameter file simulate takes.
        #expect(
            try CommandLineTests.run(
                "simulate", "--db", db, "--params", path("fit/fitted-parameters.json"), "--days", "5",
                "--sample", "0.1", "--out", path("check"), "-q"
            ).status == 0)

        // The one CSV writer's line ends: CRLF after every row, the last included, no bare LF.
        for file in ["history.csv", "fit.csv", "validation.csv"] {
            let bytes = Array(try read("fit", file).utf8)
            #expect(bytes.suffix(2) == [13, 10], "\(file)")
            #expect(bytes.indices.allSatisfy { bytes[$0] != 10 || ($0 > 0 && bytes[$0 - 1] == 13) }, "\(file)")
        }

        // Interrupted after five evaluations (the cut history written with LF ends, as earlier
        // versions wrote it): the rerun resumes them and ends with the same files.
        let written = try read("fit", "history.csv")
        let history = written.split(whereSeparator: \.isNewline)
        try (history.prefix(6).joined(separator: "\n") + "\n").write(
            toFile: path("fit/history.csv"), atomically: true, encoding: .utf8)
        let resumed = try CommandLineTests.run("calibrate", "--db", db, "--targets", spec, "--out", path("fit"))
        #expect(resumed.status == 0 && resumed.stderr.contains("resuming: 5 evaluation(s)"))
        #expect(try read("fit", "history.csv") == written)
        let again =
            try JSONSerialization.jsonObject(with: Data(try read("fit", "calibration.json").utf8)) as? [String: Any]
        #expect(again?["resumed_evaluations"] as? Int == 5)
        #expect((again?["fitted"] as? [String: Any])?["needs.acute_urgent.rate_per_year"] as? Double == fitted)
    }

    @Test func refusesMissingObservationsAndUnknownIndicators() throws {
        let spec = try spec()
        let none = try CommandLineTests.run("calibrate", "--db", db, "--targets", spec, "--out", path("none"), "-q")
        #expect(none.status == 65 && none.stderr.contains("no observed ed_per_inhabitant in 2018"))
        try "scope,subject_id,series,year,value\nterritory,t,ed_per_inhabitant,2018,0.3\n".write(
            toFile: path("o.csv"), atomically: true, encoding: .utf8)
        #expect(try CommandLineTests.run("import", "observed", path("o.csv"), "--db", db, "-q").status == 0)
        let text = try String(contentsOfFile: spec, encoding: .utf8).replacingOccurrences(
            of: "indicator: emergency_visits_per_inhabitant", with: "indicator: no_such_indicator")
        try text.write(toFile: spec, atomically: true, encoding: .utf8)
        let unknown = try CommandLineTests.run(
            "calibrate", "--db", db, "--targets", spec, "--out", path("unknown"), "-q")
        #expect(unknown.status == 65 && unknown.stderr.contains("no_such_indicator"))
        // Another spec may not reuse a folder holding a history.
        try
            "parameters:\n  - {name: emergency.night_share, range: [0.1, 0.5]}\ntargets:\n  - {name: v, indicator: emergency_visits_per_inhabitant, series: ed_per_inhabitant, scope: territory}\nfit_year: 2018\nmax_evaluations: 3\n"
            .write(toFile: path("other.yaml"), atomically: true, encoding: .utf8)
        #expect(
            try CommandLineTests.run(
                "calibrate", "--db", db, "--targets", path("other.yaml"), "--out", path("other"), "-q"
            ).status == 0)
        let clash = try CommandLineTests.run("calibrate", "--db", db, "--targets", spec, "--out", path("other"), "-q")
        #expect(clash.status == 65 && clash.stderr.contains("another calibration spec"))
    }

    /// A target named with a quote and a comma: `calibration.json` stays JSON and `fit.csv`
    /// quotes the name (RFC 4180, the quote doubled), CRLF-ended.
    @Test func targetNamesAreEscapedInJSONAndQuotedInCSV() throws {
        try "scope,subject_id,series,year,value\nterritory,t,ed_per_inhabitant,2018,0.3\n"
            .write(toFile: path("q.csv"), atomically: true, encoding: .utf8)
        #expect(try CommandLineTests.run("import", "observed", path("q.csv"), "--db", db, "-q").status == 0)
        let target =
            "{name: 'v \"quoted\", comma', indicator: emergency_visits_per_inhabitant, series: ed_per_inhabitant, "
            + "scope: territory}"
        try
            ("parameters:\n  - {name: emergency.night_share, range: [0.1, 0.5]}\ntargets:\n  - \(target)\n"
            + "fit_year: 2018\nmax_evaluations: 3\n").write(
                toFile: path("quoted.yaml"), atomically: true, encoding: .utf8)
        let run = try CommandLineTests.run(
            "calibrate", "--db", db, "--targets", path("quoted.yaml"), "--out", path("q"), "-q")
        #expect(run.status == 0, "\(run.stderr)")
        let json =
            try JSONSerialization.jsonObject(with: Data(try read("q", "calibration.json").utf8)) as? [String: Any]
        let fit = try #require(json?["fit"] as? [[String: Any]])
        #expect(fit.first?["target"] as? String == "v \"quoted\", comma")
        #expect(
            try read("q", "fit.csv").hasPrefix(
                "target,year,observed,simulated,relative_error,weight\r\n\"v \"\"quoted\"\", comma\",2018,0.3,"))
    }

    /// Three starts, on one machine and in two shards merged: the same files, byte for byte.
    @Test func shardsOfTheStartsMergeIntoTheFilesOfOneRun() throws {
        try "scope,subject_id,series,year,value\nterritory,t,ed_per_inhabitant,2018,0.3\n".write(
            toFile: path("o.csv"), atomically: true, encoding: .utf8)
        #expect(try CommandLineTests.run("import", "observed", path("o.csv"), "--db", db, "-q").status == 0)
        let spec = path("starts.yaml")
        try """
        parameters:
          - {name: needs.acute_urgent.rate_per_year, scale: [0.5, 2.0]}
        targets:
          - {name: visits_per_inhabitant, indicator: emergency_visits_per_inhabitant,
             series: ed_per_inhabitant, scope: territory}
        fit_year: 2018
        simulation: {days: 30, seed: 1, replications: 1, sample: 0.2}
        max_evaluations: 6
        starts: 3
        """.write(toFile: spec, atomically: true, encoding: .utf8)
        let one = try CommandLineTests.run("calibrate", "--db", db, "--targets", spec, "--out", path("one"), "-q")
        #expect(one.status == 0, "\(one.stderr)")
        for share in ["1/2", "2/2"] {
            let run = try CommandLineTests.run(
                "calibrate", "--db", db, "--targets", spec, "--out", path("shards"), "--shard", share, "-q")
            #expect(run.status == 0, "\(run.stderr)")
        }
        // Starts 0 and 2 in the first share, 1 in the second (round robin).
        let first = try String(contentsOfFile: path("shards/calibration-shard-1-of-2.json"), encoding: .utf8)
        #expect(first.contains("\"starts\":[0,2]") || first.contains("\"starts\" : [\n    0,\n    2"))
        let missing = try CommandLineTests.run(
            "merge", path("shards/calibration-shard-1-of-2.json"), "--out", path("partial"), "-q")
        #expect(missing.status == 65 && missing.stderr.contains("shares 2 of 2 are missing"), "\(missing.stderr)")
        let merged = try CommandLineTests.run("merge", path("shards"), "--out", path("merged"), "-q")
        #expect(merged.status == 0, "\(merged.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: path("one")).sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: path("merged")).sorted() == files)
        #expect(files.contains("history.csv") && files.contains("calibration.json"))
        for file in files { #expect(try read("merged", file) == read("one", file), "\(file)") }
        // The history names each evaluation's start; the document names the starts and the winner.
        let history = try read("one", "history.csv").split(whereSeparator: \.isNewline)
        #expect(history[0].hasPrefix("start,evaluation,objective,"))
        #expect(Set(history.dropFirst().map { $0.split(separator: ",")[0] }) == ["0", "1", "2"])
        let document =
            try JSONSerialization.jsonObject(with: Data(try read("one", "calibration.json").utf8)) as? [String: Any]
        #expect(document?["starts"] as? Int == 3)
        #expect((document?["best_start"] as? Int).map { (0..<3).contains($0) } == true)
        #expect(document?["resumed_evaluations"] as? Int == 0)

        // Observations changed since the shards ran: the merge refuses them.
        try "scope,subject_id,series,year,value\nterritory,t,ed_per_inhabitant,2019,0.31\n".write(
            toFile: path("o2.csv"), atomically: true, encoding: .utf8)
        #expect(try CommandLineTests.run("import", "observed", path("o2.csv"), "--db", db, "-q").status == 0)
        let stale = try CommandLineTests.run("merge", path("shards"), "--out", path("stale"), "-q")
        #expect(stale.status == 65 && stale.stderr.contains("run the shards again"), "\(stale.stderr)")
        // starts is a whole number from 1.
        try String(contentsOfFile: spec, encoding: .utf8).replacingOccurrences(of: "starts: 3", with: "starts: 0")
            .write(toFile: spec, atomically: true, encoding: .utf8)
        let zero = try CommandLineTests.run("calibrate", "--db", db, "--targets", spec, "--out", path("z"), "-q")
        #expect(zero.status == 65 && zero.stderr.contains("starts"), "\(zero.stderr)")
    }
}
