import Foundation
import MaillageRuns
import Testing

/// The run records write the bytes the files always had, and read back what they wrote
/// (and what older or hand-written files hold).
@Suite struct RunRecordTests {
    @Test func studyParametersAreStoredAsBeforeWithOnlyTheFieldsSet() {
        var parameters = StudyParameters(kind: "hospital", service: "emergency", travel: "line")
        #expect(parameters.json == #"{"kind":"hospital","service":"emergency","travel":"line"}"#)
        (parameters.limit, parameters.countedKinds) = ("30.0", "hospital")
        #expect(
            parameters.json
                == #"{"counted_kinds":"hospital","kind":"hospital","limit":"30.0","service":"emergency","travel":"line"}"#
        )
        #expect(StudyParameters(json: parameters.json) == parameters)
        #expect(StudyParameters(json: "not json") == StudyParameters())
        #expect(parameters.fields["counted_kinds"] == "hospital" && parameters.fields.count == 5)
    }

    @Test func supplyOptionsAreRecordedAsTheCommandsAlwaysWroteThem() {
        var parameters = StudyParameters(kind: "gp")
        parameters.setSupply(capacity: nil, demand: "age-weighted", per: 100_000, normalize: false)
        #expect(
            parameters.json
                == #"{"capacity":"","demand":"age-weighted","kind":"gp","normalize":"false","per":"100000.0"}"#)
        #expect(parameters.perInhabitants == 100_000 && !parameters.isNormalized)
    }

    /// Numbers in names sort as numbers, and a small number keeps its exponent, as JSONSerialization wrote them.
    @Test func prettyJSONKeepsTheFilesKeyOrderAndNumbers() {
        let text = RunJSON.pretty([
            "follow_up_30_days_share": 4.7151435452252866e-05, "follow_up_7_days_share": 0.5, "a": 30,
        ])
        #expect(
            text == """
                {
                  "a" : 30,
                  "follow_up_7_days_share" : 0.5,
                  "follow_up_30_days_share" : 4.7151435452252866e-05
                }
                """)
    }

    @Test func comparisonSummaryReadsLenientlyAndWritesNullForUndefinedNumbers() throws {
        let json = #"""
            {"baseline": "base", "alternatives": ["alt"], "seed": 7,
             "indicators": [{"name": "gp_contacts_per_inhabitant"}],
             "scenarios": [{"name": "base", "indicators": {"gp_contacts_per_inhabitant": {"mean": 4.1, "low": null, "high": 4.3}}}],
             "differences": [{"alternative": "alt", "indicator": "gp_contacts_per_inhabitant", "difference": -0.3, "significant": 1}]}
            """#
        let summary = try JSONDecoder().decode(ComparisonSummary.self, from: Data(json.utf8))
        #expect(summary.seed == "7" && summary.replications == nil)
        #expect(summary.indicators == [.init(name: "gp_contacts_per_inhabitant", source: "")])
        #expect(summary.estimate("base", "gp_contacts_per_inhabitant") == .init(mean: 4.1, low: nil, high: 4.3))
        let difference = try #require(summary.differences.first)
        #expect(difference.significant && difference.difference == -0.3 && difference.pValue == nil)
        let written = RunJSON.pretty(difference)
        #expect(written.contains(#""p_value" : null"#) && written.contains(#""baseline" : null"#))
        #expect(!written.contains("replications"))
    }

    @Test func studySummaryFlattensItsFiguresAndReadsThemBack() throws {
        let json =
            #"{"method":"coverage","out":"c.csv","zones":3,"sites":1,"notes":[],"run_id":2,"coverage_share":0.5,"minutes_min":1,"minutes_undefined_zones":0}"#
        let summary = try JSONDecoder().decode(StudySummary.self, from: Data(json.utf8))
        #expect(summary.figures == ["coverage_share": 0.5, "minutes_min": 1])
        #expect(summary.undefinedZones == ["minutes_undefined_zones": 0] && summary.runID == 2)
        let sorted =
            #"{"coverage_share":0.5,"method":"coverage","minutes_min":1,"minutes_undefined_zones":0,"notes":[],"#
            + #""out":"c.csv","run_id":2,"sites":1,"zones":3}"#
        #expect(RunJSON.line(summary) == sorted)
    }
}
