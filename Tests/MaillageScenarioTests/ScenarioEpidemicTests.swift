import Foundation
import MaillageSim
import MaillageTestSupport
import Testing

@testable import MaillageScenario

/// Issue 14: an epidemic written in a scenario file becomes the simulation's epidemic event,
/// with its days counted from the scenario's start, its peak and intensity by age band.
@Suite struct ScenarioEpidemicTests {
    @Test func anEpidemicInAScenarioFileBecomesTheSimulationsEvent() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(
            "epidemic.yaml",
            """
            territory: t.db
            start: 2026-01-01
            events:
              - epidemic: {zones: ["*"], peak: 2026-05-11, intensity: {30-44: 3, 75+: 1.5}, needs: [acute_urgent]}
                from: 2026-04-11
                until: 2026-07-10
            """)
        let scenario = try #require(try ScenarioLoader.load(path).first)
        let events = scenario.simulationEvents().0
        try #require(events.count == 1)
        // 2026-04-11 is day 100, 2026-05-11 day 130; until 2026-07-10 (day 190) is exclusive.
        #expect(events[0].fromDay == 100)
        #expect(events[0].toDay == 189)
        guard case .epidemic(let zones, let peakDay, let intensity, let needs) = events[0].change else {
            Issue.record("not an epidemic: \(events[0].change)")
            return
        }
        #expect(zones == ["*"])
        #expect(peakDay == 130)
        #expect(intensity == ["30-44": 3, "75+": 1.5])
        #expect(needs == [.acuteUrgent])
    }
}
