import Foundation
import MaillageCore
import MaillageSim
import Testing

/// Cases whose outcome follows from the rules, checked against hand computations.
@Suite struct SmallTerritoryTests {
    func run(
        _ territory: Territory, _ parameters: SimulationParameters, events: [SimulationEvent] = [], seed: UInt64 = 1,
        log: Bool = false
    ) throws -> SimulationResult {
        try Simulation.run(
            SimulationRequest(
                territory: territory, parameters: parameters, events: events, days: 365,
                seed: seed, replications: 1, threads: 1, eventLog: log))
    }

    func value(_ result: SimulationResult, _ name: String) throws -> Double { try #require(result.value(name)) }

    /// One GP with no slots and no list places: nobody declares a GP, no GP contact happens,
    /// and with `*_to_emergency_without_slot` = 1 every GP need becomes an avoidable emergency visit.
    @Test func aGPWithNoCapacitySendsEveryGPNeedElsewhere() throws {
        let territory = try Territory(
            name: "one GP", zones: [TinyTerritory.zone("Z1", people: 1_000)],
            actors: [TinyTerritory.gp("g1", perDay: 0, list: 0), TinyTerritory.hospital("h1")])
        let parameters = try TinyTerritory.parameters([
            "gp": ["acute_to_emergency_without_slot": 1, "chronic_to_emergency_without_slot": 1]
        ])
        let result = try run(territory, parameters)
        #expect(try value(result, "share_without_declared_gp") == 1)
        #expect(try value(result, "gp_contacts") == 0)
        #expect(try value(result, "unmet_gp_needs") == 0)
        let gpNeeds = try value(result, "needs_acute_minor") + value(result, "needs_chronic_follow_up")
        #expect(try value(result, "avoidable_emergency_visits_per_inhabitant") * 1_000 == gpNeeds)
        // Acute minor needs: 1,000 people × 2.2 a year (30–44 default) = 2,200 expected, Poisson sd √2200 ≈ 47; allow 5 sd.
        #expect(abs(try value(result, "needs_acute_minor") - 2_200) < 5 * 47)
        #expect(try value(result, "needs_chronic_follow_up") == 0)
    }

    /// The same GP with room for everyone: every GP need is met by the declared GP, no avoidable visit.
    @Test func aGPWithRoomTakesEveryone() throws {
        let territory = try Territory(
            name: "one GP", zones: [TinyTerritory.zone("Z1", people: 1_000)],
            actors: [TinyTerritory.gp("g1", perDay: 1_000, list: 5_000), TinyTerritory.hospital("h1")])
        let parameters = try TinyTerritory.parameters(["population": ["share_not_seeking_gp": 0]])
        let result = try run(territory, parameters)
        #expect(try value(result, "share_without_declared_gp") == 0)
        #expect(try value(result, "avoidable_emergency_visits_per_inhabitant") == 0)
        #expect(try value(result, "gp_contacts_declared_share") == 1)
        #expect(try value(result, "unmet_gp_needs") == 0)
        // Every visit is to the one GP: each continuity index is 1 for every patient (indicators.md §4 with k = 1).
        for name in ["continuity_upc", "continuity_coc", "continuity_secon", "continuity_hhi", "continuity_mmci"] {
            #expect(abs(try value(result, name) - 1) < 1e-12, "\(name)")
        }
        #expect(try value(result, "continuity_patients") > 0)
        #expect(try value(result, "continuity_patients_left_out") > 0)
    }

    /// The only emergency department closed for the whole year: every urgent need is unmet.
    @Test func closingTheOnlyEmergencyDepartmentLeavesUrgentNeedsUnmet() throws {
        let territory = try Territory(
            name: "one ED", zones: [TinyTerritory.zone("Z1", people: 5_000)],
            actors: [TinyTerritory.gp("g1", perDay: 1_000, list: 10_000), TinyTerritory.hospital("h1")])
        let closed = SimulationEvent(.close(actor: "h1", nightOnly: false), fromDay: 0, toDay: 364)
        let result = try run(territory, try TinyTerritory.parameters(), events: [closed])
        #expect(try value(result, "emergency_visits") == 0)
        #expect(try value(result, "needs_acute_urgent") > 0)
        #expect(try value(result, "unmet_urgent_needs") == value(result, "needs_acute_urgent"))
        // 30 % of unmet urgent needs come back (once) as a visit, which finds no department either:
        // about 0.3 × 1,050 = 315 (binomial sd ≈ 15; allow 4 sd).
        let returns = try value(result, "emergency_return_visits")
        let urgent = try value(result, "needs_acute_urgent")
        #expect(abs(returns - 0.3 * urgent) < 4 * (urgent * 0.21).squareRoot(), "returns \(returns) of \(urgent)")
    }

    /// Two departments; the nearer closed for days 0–181: no visit reaches it then, the farther
    /// one takes them, and it gets about 183/365 of the year's visits.
    @Test func closingTheNearestDepartmentSendsVisitsToTheNext() throws {
        // h2 is 0.2° of longitude east (about 15 km at 46.6°N), well within the 90-minute limit.
        let territory = try Territory(
            name: "two EDs", zones: [TinyTerritory.zone("Z1", people: 10_000)],
            actors: [
                TinyTerritory.gp("g1", perDay: 1_000, list: 20_000), TinyTerritory.pharmacy(),
                TinyTerritory.hospital("h1"), TinyTerritory.hospital("h2", longitude: 2.55),
            ])
        let closed = SimulationEvent(.close(actor: "h1", nightOnly: false), fromDay: 0, toDay: 181)
        let result = try run(territory, try TinyTerritory.parameters(), events: [closed], log: true)
        #expect(try value(result, "unmet_urgent_needs") == 0)
        let rows = try #require(result.eventLog)
        let visits = rows.filter { $0.activity == "emergency_visit" && $0.day >= 0 }
        #expect(!visits.contains { $0.resource == "h1" && $0.day <= 181 })
        #expect(visits.contains { $0.resource == "h2" && $0.day <= 181 })
        #expect(!visits.contains { $0.resource == "h2" && $0.day > 181 })
        // About 10,000 × 0.21 = 2,100 visits; h1's share ≈ 183/365 = 0.501, binomial sd ≈ 0.011; allow 4 sd.
        let atH1: Int = visits.filter { $0.resource == "h1" }.count
        let share = Double(atH1) / Double(visits.count)
        #expect(abs(share - 183.0 / 365.0) < 0.045)
    }

    /// A night-only closure sends the night share (0.3 by default) of the nearer department's visits on.
    @Test func nightClosureSendsTheNightShareOn() throws {
        let territory = try Territory(
            name: "two EDs", zones: [TinyTerritory.zone("Z1", people: 10_000)],
            actors: [
                TinyTerritory.gp("g1", perDay: 1_000, list: 20_000),
                TinyTerritory.hospital("h1"), TinyTerritory.hospital("h2", longitude: 2.55),
            ])
        let night = SimulationEvent(.close(actor: "h1", nightOnly: true), fromDay: 0, toDay: 364)
        let result = try run(territory, try TinyTerritory.parameters(), events: [night], log: true)
        let visits = try #require(result.eventLog).filter { $0.activity == "emergency_visit" && $0.day >= 0 }
        let atH2: Int = visits.filter { $0.resource == "h2" }.count
        // About 2,100 visits; h2's share ≈ 0.3, binomial sd √(0.3 × 0.7 / 2100) ≈ 0.010; allow 4 sd.
        let share = Double(atH2) / Double(visits.count)
        #expect(abs(share - 0.3) < 0.04, "share sent on \(share)")
    }

    /// A hospital linked to the patient's GP (`refers_to`) arranges follow-up more often and sooner.
    ///
    /// By hand, with the defaults: linked, 0.85 × P(round(Exp(mean 4)) ≤ 7) = 0.85 × (1 − e^(−7.5/4)) = 0.720;
    /// unlinked, 0.55 × (1 − e^(−7.5/10)) = 0.290; other GP contacts in the week add about 0.04.
    @Test func linkedHospitalsFollowUpMoreOften() throws {
        func territory(linked: Bool) throws -> Territory {
            try Territory(
                name: "link", zones: [TinyTerritory.zone("Z1", people: 20_000)],
                actors: [
                    TinyTerritory.gp("g1", perDay: 2_000, list: 30_000), TinyTerritory.hospital("h1", beds: 2_000),
                ],
                links: linked ? [Link(from: "g1", kind: .refersTo, to: "h1")] : [])
        }
        let parameters = try TinyTerritory.parameters(["population": ["share_not_seeking_gp": 0]])
        let linked = try value(run(territory(linked: true), parameters), "follow_up_7_days_share")
        let unlinked = try value(run(territory(linked: false), parameters), "follow_up_7_days_share")
        #expect(linked > 0.70 && linked < 0.80, "linked \(linked)")
        #expect(unlinked > 0.26 && unlinked < 0.37, "unlinked \(unlinked)")
    }

    @Test func territoriesThatCannotBeSimulatedAreRefused() throws {
        let zone = try TinyTerritory.zone("Z1", people: 100)
        let noGP = try Territory(name: "x", zones: [zone], actors: [TinyTerritory.hospital("h1")])
        #expect { try run(noGP, .defaults) } throws: { "\($0)".contains("no GP") }
        let noHospital = try Territory(
            name: "x", zones: [zone], actors: [TinyTerritory.gp("g1", perDay: 10, list: 100)])
        #expect { try run(noHospital, .defaults) } throws: { "\($0)".contains("no hospital") }
        let empty = try Territory(
            name: "x", zones: [TinyTerritory.zone("Z1", people: 0)],
            actors: [TinyTerritory.gp("g1", perDay: 10, list: 100), TinyTerritory.hospital("h1")])
        #expect { try run(empty, .defaults) } throws: { "\($0)".contains("no inhabitants") }
    }

    @Test func eventsNamingUnknownActorsOrZonesAreRefused() throws {
        let territory = try Territory(
            name: "x", zones: [TinyTerritory.zone("Z1", people: 100)],
            actors: [TinyTerritory.gp("g1", perDay: 10, list: 100), TinyTerritory.hospital("h1")])
        let unknown = SimulationEvent(.close(actor: "h9", nightOnly: false), fromDay: 0, toDay: 3)
        #expect { try run(territory, .defaults, events: [unknown]) } throws: {
            "\($0)".contains("h9") && "\($0)".contains("event 1")
        }
        let zone = SimulationEvent(.slowTravel(zones: ["Z7"], factor: 2), fromDay: 0, toDay: 3)
        #expect { try run(territory, .defaults, events: [zone]) } throws: { "\($0)".contains("Z7") }
        let beds = SimulationEvent(.capacity(actor: "g1", measure: .beds, value: 3), fromDay: 0, toDay: 364)
        #expect { try run(territory, .defaults, events: [beds]) } throws: {
            "\($0)".contains("beds") && "\($0)".contains("g1")
        }
    }

    /// A GP whose slots drop to 0 from day 100 gives no consultation after that day.
    @Test func aCapacityChangeTakesEffectOnItsDay() throws {
        let territory = try Territory(
            name: "x", zones: [TinyTerritory.zone("Z1", people: 2_000)],
            actors: [TinyTerritory.gp("g1", perDay: 500, list: 5_000), TinyTerritory.hospital("h1")])
        let change = SimulationEvent(
            .capacity(actor: "g1", measure: .consultationsPerDay, value: 0), fromDay: 100, toDay: 364)
        let result = try run(territory, try TinyTerritory.parameters(), events: [change], log: true)
        let contacts = try #require(result.eventLog).filter { $0.activity.hasPrefix("gp_") && $0.day >= 0 }
        #expect(!contacts.isEmpty)
        #expect(contacts.allSatisfy { $0.day < 100 })
    }

    /// A surge of factor 2 over the whole year doubles the needs: 1,000 × 2.2 × 2 = 4,400 acute
    /// minor needs expected (Poisson sd √4400 ≈ 66; allow 5 sd).
    @Test func aDemandSurgeMultipliesNeeds() throws {
        let territory = try Territory(
            name: "surge", zones: [TinyTerritory.zone("Z1", people: 1_000)],
            actors: [TinyTerritory.gp("g1", perDay: 1_000, list: 5_000), TinyTerritory.hospital("h1")])
        let surge = SimulationEvent(.surge(zones: ["Z1"], factor: 2, needs: [.acuteMinor]), fromDay: 0, toDay: 364)
        let result = try run(territory, try TinyTerritory.parameters(), events: [surge])
        #expect(abs(try value(result, "needs_acute_minor") - 4_400) < 5 * 66)
        // Urgent needs are not in the surge: 1,000 × 0.21 = 210 expected (sd ≈ 14.5).
        #expect(abs(try value(result, "needs_acute_urgent") - 210) < 5 * 14.5)
    }

    /// Travel slowed 3× puts a GP 0.15° of longitude away (about 11.5 km, some 25 minutes) beyond the 30-minute
    /// limit: no GP contact during the slowdown, and GP needs are unmet or go to the emergency department.
    @Test func slowedTravelPutsProvidersOutOfReach() throws {
        let territory = try Territory(
            name: "slow", zones: [TinyTerritory.zone("Z1", people: 2_000)],
            actors: [
                TinyTerritory.gp("g1", perDay: 1_000, list: 5_000, longitude: 2.5),
                TinyTerritory.hospital("h1"),
            ])
        let slow = SimulationEvent(.slowTravel(zones: ["Z1"], factor: 3), fromDay: 100, toDay: 199)
        let result = try run(territory, try TinyTerritory.parameters(), events: [slow], log: true)
        let contacts = try #require(result.eventLog).filter { $0.activity == "gp_contact" }
        #expect(contacts.contains { $0.day < 100 } && contacts.contains { $0.day >= 200 })
        // A need on day 99 may book day 100 or 101 (tolerance 2), booked before the slowdown began.
        #expect(!contacts.contains { $0.day >= 102 && $0.day <= 199 })
    }
}
