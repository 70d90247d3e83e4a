import Foundation
import MaillageCore
import MaillageTestSupport
import Testing

@testable import MaillageScenario

@Suite struct ScenarioFileTests {
    let folder = try! TemporaryFolder()

    @Test func readsEveryChangeAndEventWithDatesOrDays() throws {
        let path = try folder.write(
            "s.yaml",
            """
            name: night-closure
            territory: t.db
            start: 2026-01-01
            days: 365
            seed: 7
            replications: 3
            indicators:
              - method: coverage
                kind: hospital
                service: emergency
                limit: 30
            changes:
              - close: hospital-000001
                from: 2026-03-01
                until: 2026-06-01
              - open: {id: new-msp, kind: msp, name: MSP du Lac, lat: 46.5, lon: 2.3, capacity: {fte: 4},
                  practice_start_year: 2024}
                from: 30
              - capacity: {actor: gp-000012, fte: 0}
                from: 2026-02-01
              - add_link: {from: gp-000001, kind: member_of, to: cpts-000001}
              - remove_link: {from: hospital-000001, kind: discharges_to, to: ssiad-000002}
            events:
              - surge: {zones: [Z00001, Z00002], factor: 1.5}
                from: 2026-07-01
                until: 2026-08-15
              - slow_travel: {zones: Z00003, factor: 1.4}
                from: 20
                until: 27
            """)
        let scenario = try #require(try ScenarioLoader.load(path).first)
        #expect(scenario.name == "night-closure" && scenario.seed == 7 && scenario.replications == 3)
        #expect(scenario.territoryPath == folder.path("t.db"))
        // 2026-03-01 is day 59 and 2026-06-01 day 151 from 2026-01-01 (31 + 28; + 31 + 30 + 31).
        #expect(scenario.changes[0].value == .closeActor(id: "hospital-000001", day: 59, until: 151))
        #expect(scenario.changes[0].line == 13)
        #expect(scenario.changes[1].value.day == 30)
        if case .openActor(let actor, _) = scenario.changes[1].value {
            #expect(actor.practiceStartYear == 2024)
        } else {
            Issue.record("expected an opened actor, got \(scenario.changes[1].value)")
        }
        #expect(scenario.changes[2].value == .setCapacity(actorID: "gp-000012", try Capacity(.fte, 0), day: 31))
        #expect(
            scenario.events[0].value == .demandSurge(zones: ["Z00001", "Z00002"], factor: 1.5, day: 181, until: 226))
        #expect(scenario.events[1].value == .travelSlowdown(zones: ["Z00003"], factor: 1.4, day: 20, until: 27))
        #expect(scenario.indicators.first?.label == "coverage_hospital_emergency_30")
    }

    @Test(
        arguments: [
            ("territory: t.db\nhorizon: 30\n", 2, "horizon"),
            ("territory: t.db\nchanges:\n  - close: x\n    from: 2026-13-01\n", 4, "changes[0].from"),
            ("territory: t.db\nchanges:\n  - close: x\n    from: 10\n    until: 5\n", 3, "changes[0].until"),
            ("territory: t.db\nchanges:\n  - demolish: x\n", 3, "changes[0]"),
            ("territory: t.db\ndays: 30\nchanges:\n  - close: x\n    from: 45\n", 4, "changes"),
            ("territory: t.db\nchanges:\n  - capacity: {actor: g, beds: -3}\n", 3, "changes[0].capacity"),
            (
                "territory: t.db\nevents:\n  - surge: {zones: [Z1], factor: 0}\n    from: 1\n    until: 2\n", 3,
                "events[0].surge.factor"
            ),
            ("territory: t.db\nindicators:\n  - method: happiness\n    kind: gp\n", 3, "indicators[0].method"),
        ] as [(String, Int, String)])
    func errorsNameTheLineAndKey(text: String, line: Int, key: String) throws {
        let path = try folder.write("bad-\(UUID()).yaml", text)
        #expect { _ = try ScenarioLoader.load(path) } throws: { error in
            guard let error = error as? ScenarioError else { return false }
            return error.file == path && error.line == line && error.key == key
        }
    }

    @Test func extendsAddsChangesAndSweepsExpand() throws {
        try folder.write("base.yaml", "territory: t.db\nseed: 3\nchanges:\n  - close: a\n")
        let child = try folder.write(
            "child.yaml",
            """
            extends: base.yaml
            name: more
            changes:
              - close: b
            sweep:
              overrides.ed_admission_rate: [0.2, 0.25]
              overrides.night_share: [0.3, 0.4]
            """)
        let scenarios = try ScenarioLoader.load(child)
        #expect(scenarios.count == 4)
        #expect(scenarios.allSatisfy { $0.seed == 3 && $0.changes.count == 2 })
        #expect(scenarios.map(\.name).contains("more[overrides.ed_admission_rate=0.25,overrides.night_share=0.3]"))
        try folder.write("loop-a.yaml", "extends: loop-b.yaml\n")
        try folder.write("loop-b.yaml", "extends: loop-a.yaml\n")
        #expect(throws: ScenarioError.self) { try ScenarioLoader.load(folder.path("loop-a.yaml")) }
    }
}
