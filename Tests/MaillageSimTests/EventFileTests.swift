import Foundation
import MaillageSim
import Testing

@Suite struct EventFileTests {
    // 2026-01-01 is day 20454 since 1970-01-01 (python3: (date(2026,1,1)-date(1970,1,1)).days).
    let start = 20454

    @Test func datesAndOffsetsBothWork() throws {
        let events = try EventFile.parse(
            Data(
                #"""
                {"events": [
                  {"type": "close", "actor": "h1", "from": "2026-03-01", "to": "2026-03-31", "night_only": true},
                  {"type": "capacity", "actor": "g1", "measure": "consultations_per_day", "value": 0, "from": 45},
                  {"type": "surge", "zones": ["*"], "factor": 1.5, "from": {"day": 10}, "to": {"day": 40}, "needs": ["acute_urgent"]},
                  {"type": "slow_travel", "zones": ["Z1"], "factor": 2, "from": 3, "to": 3}
                ]}
                """#.utf8), startDay: start, days: 365)
        // 2026-03-01 is day 59 of 2026 (31 + 28), 2026-03-31 day 89.
        #expect(events[0] == SimulationEvent(.close(actor: "h1", nightOnly: true), fromDay: 59, toDay: 89))
        #expect(
            events[1]
                == SimulationEvent(
                    .capacity(actor: "g1", measure: .consultationsPerDay, value: 0), fromDay: 45, toDay: 364))
        #expect(
            events[2]
                == SimulationEvent(.surge(zones: ["*"], factor: 1.5, needs: [.acuteUrgent]), fromDay: 10, toDay: 40))
        #expect(events[3] == SimulationEvent(.slowTravel(zones: ["Z1"], factor: 2), fromDay: 3, toDay: 3))
    }

    @Test func datesOutsideTheHorizonAreRefused() {
        #expect(throws: SimulationError.self) {
            try EventFile.parse(
                Data(#"[{"type": "close", "actor": "h1", "from": "2027-01-01"}]"#.utf8), startDay: start, days: 365)
        }
        do {
            _ = try EventFile.parse(
                Data(
                    #"[{"type": "close", "actor": "h1", "from": 10}, {"type": "close", "actor": "h1", "from": -1}]"#
                        .utf8), startDay: start, days: 365)
            Issue.record("a negative day was accepted")
        } catch {
            #expect("\(error)".contains("event 2"))
            #expect("\(error)".contains("outside the horizon"))
        }
    }

    @Test func unknownTypesAndNeedsAreRefused() {
        #expect(throws: SimulationError.self) {
            try EventFile.parse(Data(#"[{"type": "explode", "actor": "h1"}]"#.utf8), startDay: start, days: 365)
        }
        #expect(throws: SimulationError.self) {
            try EventFile.parse(
                Data(#"[{"type": "surge", "zones": ["*"], "factor": 2, "needs": ["flu"]}]"#.utf8), startDay: start,
                days: 365)
        }
    }
}
