import Foundation
import MaillageSim
import Testing

/// Event types are one vocabulary: a misspelt type is refused with the five types, and every
/// type, the epidemic included, refuses a key it does not read.
@Suite struct EventKindTests {
    // 2026-01-01 is day 20454 since 1970-01-01.
    let start = 20454

    func reason(_ json: String) throws -> String {
        do {
            _ = try EventFile.parse(Data(json.utf8), startDay: start, days: 365)
        } catch let SimulationError.invalidEvent(index, reason) {
            #expect(index == 0)
            return reason
        }
        Issue.record("\(json) was accepted")
        return ""
    }

    @Test func aMisspeltTypeListsTheTypes() throws {
        let text = try reason(#"[{"type": "slowtravel", "zones": ["*"], "factor": 2}]"#)
        #expect(text.contains("'slowtravel'"))
        for type in ["close", "capacity", "surge", "slow_travel", "epidemic"] {
            #expect(text.contains(type), "\(text)")
        }
    }

    @Test func anEpidemicRefusesAKeyItDoesNotRead() throws {
        let text = try reason(
            #"""
            [{"type": "epidemic", "zones": ["*"], "from": 10, "peak": 20, "to": 30, "intensty": {"75+": 1.5}}]
            """#)
        #expect(text.contains("'intensty'") && text.contains("intensity") && text.contains("peak"), "\(text)")
    }

    @Test func anEpidemicWithItsKeysStillReads() throws {
        let events = try EventFile.parse(
            Data(
                #"""
                [{"type": "epidemic", "zones": ["*"], "from": 10, "peak": 20, "to": 30, "intensity": {"75+": 1.5}, "needs": ["acute_urgent"]}]
                """#.utf8), startDay: start, days: 365)
        #expect(
            events == [
                SimulationEvent(
                    .epidemic(zones: ["*"], peakDay: 20, intensity: ["75+": 1.5], needs: [.acuteUrgent]),
                    fromDay: 10, toDay: 30)
            ])
    }
}
