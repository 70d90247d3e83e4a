import Foundation
import MaillageSim
import Testing

@Suite struct ParameterTests {
    func error(_ json: String) -> String? {
        do {
            _ = try ParameterFile.parse(Data(json.utf8))
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func defaultsAreValid() throws {
        try SimulationParameters.defaults.validate()
        #expect(try ParameterFile.parse(Data("{}".utf8)) == .defaults)
    }

    /// The documented parameter file in `data/` holds exactly the defaults, so the two cannot drift apart.
    @Test func theDocumentedFileIsTheDefaults() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("data/simulation-parameters.json")
        #expect(try ParameterFile.load(file.path) == .defaults)
        #expect(try String(contentsOf: file, encoding: .utf8).contains("_about"))
    }

    @Test func aPartialFileKeepsEveryOtherDefault() throws {
        let parameters = try ParameterFile.parse(
            Data(
                #"{"gp": {"tolerance_acute_days": 3}, "needs": {"acute_minor": {"rate_per_year": {"75+": 4.5}}}}"#.utf8)
        )
        #expect(parameters.gp.toleranceAcuteDays == 3)
        #expect(parameters.needs.acuteMinor.ratePerYear["75+"] == 4.5)
        #expect(
            parameters.needs.acuteMinor.ratePerYear["0-14"]
                == SimulationParameters.defaults.needs.acuteMinor.ratePerYear["0-14"])
        #expect(parameters.gp.toleranceChronicDays == SimulationParameters.defaults.gp.toleranceChronicDays)
    }

    @Test func aProbabilityAboveOneNamesTheParameter() {
        let message = error(#"{"follow_up": {"probability_linked": 1.3}}"#)
        #expect(message?.contains("follow_up.probability_linked") == true)
        #expect(message?.contains("1.3") == true)
    }

    @Test func aNegativeRateNamesTheParameterAndBand() {
        let message = error(#"{"needs": {"acute_urgent": {"rate_per_year": {"30-44": -0.2}}}}"#)
        #expect(message?.contains("needs.acute_urgent.rate_per_year.30-44") == true)
    }

    @Test func anEmptyDistributionIsRefused() {
        let message = error(#"{"hospital": {"length_of_stay": {"type": "empirical", "values": []}}}"#)
        #expect(message?.contains("hospital.length_of_stay") == true)
        #expect(message?.contains("at least one value") == true)
    }

    @Test func aDistributionCanSwitchType() throws {
        let parameters = try ParameterFile.parse(
            Data(#"{"hospital": {"length_of_stay": {"type": "empirical", "values": [2, 4], "weights": [1, 3]}}}"#.utf8))
        #expect(parameters.hospital.lengthOfStay.type == .empirical)
        #expect(parameters.hospital.lengthOfStay.mean == nil)
    }

    /// Among many fractional values, the one a whole-number parameter refuses is named (the search
    /// bisects over them, so its answer must not depend on where the culprit sits among them).
    @Test func aFractionalWholeNumberIsFoundAmongManyFractionalValues() {
        let bands = ["0-14", "15-29", "30-44", "45-59", "60-74", "75+"]
        let rates = bands.enumerated().map { #""\#($1)": \#(0.25 + Double($0) / 8)"# }.joined(separator: ", ")
        let message = error(
            #"{"follow_up": {"probability_linked": 0.35}, "needs": {"acute_minor": {"rate_per_year": {"#
                + rates + #"}}}, "warm_up_days": 1.5}"#)
        #expect(message?.contains("warm_up_days") == true, "\(message ?? "accepted")")
        #expect(message?.contains("whole number") == true, "\(message ?? "accepted")")
    }

    @Test func unknownKeysAndWrongTypesAreRefused() {
        #expect(error(#"{"gp": {"tolerence_acute_days": 3}}"#)?.contains("gp.tolerence_acute_days") == true)
        #expect(error(#"{"gp": {"tolerance_acute_days": "two"}}"#)?.contains("gp.tolerance_acute_days") == true)
        #expect(error(#"{"start_date": "2026-02-30"}"#)?.contains("start_date") == true)
        #expect(error("[1, 2]") != nil)
    }

    @Test func homeCareAndNursingHomeCannotExceedCertainty() {
        let message = error(
            #"{"discharge": {"home_care_probability": {"75+": 0.7}, "ehpad_probability": {"75+": 0.4}}}"#)
        #expect(message?.contains("discharge.home_care_probability.75+") == true)
    }
}
