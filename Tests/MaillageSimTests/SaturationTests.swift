import Foundation
import MaillageCore
import MaillageSim
import Testing

/// Saturation and pressure (issue 14): bookkeeping of long-stay places, GP re-attachment,
/// boarding and transfers, bed blocking, crowding, rhythms and epidemics, each on a hand-made
/// territory whose outcome follows from the rules.
@Suite struct SaturationTests {
    func run(
        _ territory: Territory, _ parameters: SimulationParameters, events: [SimulationEvent] = [], days: Int = 365,
        log: Bool = true
    ) throws -> SimulationResult {
        try Simulation.run(
            SimulationRequest(
                territory: territory, parameters: parameters, events: events, days: days,
                seed: 7, replications: 1, threads: 1, eventLog: log))
    }

    func value(_ result: SimulationResult, _ name: String) throws -> Double { try #require(result.value(name)) }

    static var none30to44: [String: Any] { ["0-14": 0, "15-29": 0, "30-44": 0, "45-59": 0, "60-74": 0, "75+": 0] }
    static func only30to44(_ value: Double) -> [String: Any] {
        ["0-14": 0, "15-29": 0, "30-44": value, "45-59": 0, "60-74": 0, "75+": 0]
    }

    static var noHomeEntries: [String: Any] {
        [
            "ssiad_entry_from_home_per_year": none30to44, "had_entry_from_home_per_year": none30to44,
            "ehpad_entry_from_home_per_year": none30to44,
        ]
    }

    /// Every discharge sends the patient home with SSIAD, stays outlast the run, and every
    /// discharge is followed by a readmission: a patient discharged again while in SSIAD keeps
    /// the one place. Places in use on the last day = patients who ever started SSIAD (before
    /// the fix, one place per discharge: as many as home-care starts, more than patients).
    @Test func aPatientAlreadyInHomeCareTakesNoSecondPlace() throws {
        let territory = try Territory(
            name: "ssiad", zones: [TinyTerritory.zone("Z1", people: 5_000)],
            actors: [
                TinyTerritory.gp("g1", perDay: 1_000, list: 10_000), TinyTerritory.hospital("h1", beds: 2_000),
                TinyTerritory.place("s1", .ssiad, places: 10_000),
            ])
        var homeCare = Self.noHomeEntries
        homeCare["ssiad_stay"] = ["type": "fixed", "mean": 36_000]
        let parameters = try TinyTerritory.parameters([
            "warm_up_days": 0, "home_care": homeCare,
            "discharge": [
                "home_care_probability": Self.only30to44(1), "ehpad_probability": Self.none30to44, "had_share": 0,
            ],
            "readmission": ["probability_30_days": Self.only30to44(1)],
        ])
        let result = try run(territory, parameters)
        let rows = try #require(result.eventLog)
        let patients = Set(rows.filter { $0.activity == "home_care_start" }.map(\.caseID))
        let discharges = rows.filter { $0.activity == "discharge" }.count
        let ssiad = try #require(result.occupancy.line(.ssiadPlaces))
        #expect(!patients.isEmpty)
        #expect(discharges > patients.count, "repeated discharges are needed for the check")
        #expect(ssiad.used[364] == Double(patients.count))
        #expect(try value(result, "home_care_resumed") > 0)
    }

    /// EHPAD residents live in the EHPAD's zone, see its doctor (no city GP contact, no
    /// pharmacy) and return there after a hospital stay without taking a second place.
    @Test func anEHPADResidentIsCaredForWhereTheyLive() throws {
        let territory = try Territory(
            name: "ehpad",
            zones: [TinyTerritory.zone("Z1", people: 5_000), TinyTerritory.zone("Z2", people: 10, longitude: 2.55)],
            actors: [
                TinyTerritory.gp("g1", perDay: 1_000, list: 10_000), TinyTerritory.hospital("h1", beds: 2_000),
                TinyTerritory.pharmacy(), TinyTerritory.place("e1", .ehpad, places: 10_000, longitude: 2.55),
            ])
        var homeCare = Self.noHomeEntries
        homeCare["ehpad_stay"] = ["type": "fixed", "mean": 36_000]
        let parameters = try TinyTerritory.parameters([
            "warm_up_days": 0, "home_care": homeCare,
            "discharge": ["home_care_probability": Self.none30to44, "ehpad_probability": Self.only30to44(1)],
            "readmission": ["probability_30_days": Self.only30to44(0.5)],
        ])
        let result = try run(territory, parameters)
        let rows = try #require(result.eventLog)
        var entered: [Int: Int] = [:]
        for row in rows where row.activity == "ehpad_admission" && entered[row.caseID] == nil {
            entered[row.caseID] = row.day
        }
        #expect(entered.count > 10)
        #expect(try #require(result.occupancy.line(.ehpadPlaces)).used[364] == Double(entered.count))
        #expect(rows.filter { $0.activity == "ehpad_admission" }.count == entered.count)
        for row in rows {
            guard let day = entered[row.caseID], row.day > day else { continue }
            // Acute GP slots are booked at most 2 days ahead: none after that from the EHPAD.
            if ["gp_contact", "gp_follow_up", "pharmacy"].contains(row.activity) {
                #expect(row.day <= day + 2, "\(row)")
            }
            #expect(row.zone == "Z2", "\(row)")
        }
        #expect(try value(result, "ehpad_resident_care_contacts") > 0)
        #expect(
            rows.contains { row in entered[row.caseID].map { row.day > $0 && row.activity == "discharge" } ?? false })
    }

    /// Closing (or retiring, no consultations) the GP everyone declared on day 100: its 1,000
    /// patients are without a GP from day 100 and all declare the next GP, which has room,
    /// after the fixed 20-day delay, on day 120.
    @Test(arguments: [false, true])
    func patientsOfAGPWhoLeavesFindAnotherAfterTheDelay(retires: Bool) throws {
        let territory = try Territory(
            name: "gp", zones: [TinyTerritory.zone("Z1", people: 1_000)],
            actors: [
                TinyTerritory.gp("g1", perDay: 200, list: 2_000),
                TinyTerritory.gp("g2", perDay: 200, list: 2_000, longitude: 2.45),
                TinyTerritory.hospital("h1"),
            ])
        let parameters = try TinyTerritory.parameters([
            "warm_up_days": 0, "population": ["share_not_seeking_gp": 0], "home_care": Self.noHomeEntries,
            "gp": ["reattachment_delay": ["type": "fixed", "mean": 20]],
        ])
        let event =
            retires
            ? SimulationEvent(.capacity(actor: "g1", measure: .consultationsPerDay, value: 0), fromDay: 100, toDay: 364)
            : SimulationEvent(.close(actor: "g1", nightOnly: false), fromDay: 100, toDay: 364)
        let result = try run(territory, parameters, events: [event], log: false)
        let without = try #require(result.occupancy.line(.withoutDeclaredGP))
        let lists = try #require(result.occupancy.line(.gpLists))
        for day in 0..<365 {
            let expected: Double = (100..<120).contains(day) ? 1_000 : 0
            #expect(without.used[day] == expected, "day \(day)")
            #expect(without.offered[day] == 1_000)
            #expect(lists.used[day] == 1_000 - expected, "day \(day)")
            #expect(lists.offered[day] == (day < 100 ? 4_000 : 2_000), "day \(day)")
        }
        #expect(try value(result, "gp_patients_lost_gp") == 1_000)
        #expect(try value(result, "gp_patients_reattached") == 1_000)
        #expect(try value(result, "share_without_declared_gp") == 0)
        #expect(try value(result, "share_without_declared_gp_end") == 0)
    }

    /// The emergency department's hospital has no bed; another hospital within reach has many:
    /// every emergency admission is a transfer, nobody boards.
    @Test func anAdmissionWithoutABedIsTransferredToTheNearestWithOne() throws {
        let territory = try Territory(
            name: "transfer", zones: [TinyTerritory.zone("Z1", people: 20_000)],
            actors: [
                TinyTerritory.gp("g1", perDay: 2_000, list: 30_000), TinyTerritory.hospital("h1", beds: 0),
                TinyTerritory.hospital("h2", longitude: 2.45, emergency: false, beds: 5_000),
            ])
        let parameters = try TinyTerritory.parameters(["warm_up_days": 0, "home_care": Self.noHomeEntries])
        let result = try run(territory, parameters, log: false)
        let fromEmergency = try value(result, "admissions_from_emergency_per_inhabitant") * 20_000
        #expect(fromEmergency > 100)
        #expect(abs(try value(result, "hospital_transfers") - fromEmergency) < 1e-6)
        #expect(try value(result, "emergency_boarding_patients") == 0)
        let h1 = try #require(result.actors.first { $0.actor.id == "h1" })
        let h2 = try #require(result.actors.first { $0.actor.id == "h2" })
        func pressure(_ row: SimulationResult.ActorRow, _ name: String) -> Double? {
            row.pressure.first { $0.name == name }?.value
        }
        #expect(abs((pressure(h1, "transfers_out") ?? 0) - fromEmergency) < 1e-6)
        #expect(abs((pressure(h2, "transfers_in") ?? 0) - fromEmergency) < 1e-6)
    }

    /// No bed anywhere within reach: emergency admissions wait in the department and are lost
    /// after the 48-hour cap, each counting 48 boarding hours.
    @Test func withNoBedInReachPatientsBoardThenAreLost() throws {
        let territory = try Territory(
            name: "boarding", zones: [TinyTerritory.zone("Z1", people: 20_000)],
            actors: [
                TinyTerritory.gp("g1", perDay: 2_000, list: 30_000), TinyTerritory.hospital("h1", beds: 0),
                TinyTerritory.hospital("h2", longitude: 6.35, emergency: false, beds: 5_000),
            ])
        let parameters = try TinyTerritory.parameters(["warm_up_days": 0, "home_care": Self.noHomeEntries])
        let result = try run(territory, parameters, log: false)
        let boarding = try value(result, "emergency_boarding_patients")
        let lost = try value(result, "patients_lost")
        #expect(boarding > 100)
        #expect(try value(result, "hospital_transfers") == 0)
        // Those boarding in the last two days are not lost yet (about 1.4 a day).
        #expect(lost <= boarding && boarding - lost < 15, "boarding \(boarding), lost \(lost)")
        #expect(abs(try value(result, "emergency_boarding_hours") - 48 * lost) < 1e-6)
        #expect(try value(result, "admissions_from_emergency_per_inhabitant") == 0)
        let boarders = try #require(result.occupancy.line(.emergencyBoarding))
        #expect(boarders.used.max() ?? 0 > 0)
    }

    /// A few beds and nowhere else to go: patients board, then take the beds that free up, in
    /// less than the cap on average; the boarding appears only when the beds are full.
    @Test func boardingAppearsWhenBedsAreFull() throws {
        let territory = try Territory(
            name: "few beds", zones: [TinyTerritory.zone("Z1", people: 20_000)],
            actors: [TinyTerritory.gp("g1", perDay: 2_000, list: 30_000), TinyTerritory.hospital("h1", beds: 6)])
        let parameters = try TinyTerritory.parameters(["warm_up_days": 0, "home_care": Self.noHomeEntries])
        let result = try run(territory, parameters)
        let rows = try #require(result.eventLog)
        let beds = try #require(result.occupancy.line(.hospitalBeds))
        let boarders = try #require(result.occupancy.line(.emergencyBoarding))
        for day in 0..<365 where boarders.used[day] > 0 {
            #expect(beds.used[day] == 6, "day \(day): boarders with a free bed")
        }
        let boarded = Set(rows.filter { $0.activity == "emergency_boarding" }.map(\.caseID))
        let admittedLater = rows.filter { $0.activity == "admission" && boarded.contains($0.caseID) }
        #expect(!admittedLater.isEmpty)
        let mean = try value(result, "emergency_boarding_hours_mean")
        #expect(mean > 0 && mean < 48, "mean boarding hours \(mean)")
    }

    /// An EHPAD of 3 places with 40-day stays and every discharge bound for it: no more than 3
    /// residents at once; the others wait in their bed (bed blocking) until a place frees, at
    /// most 10 days, then go home.
    @Test func aFullEHPADDelaysTheDischargesItShould() throws {
        let territory = try Territory(
            name: "blocking", zones: [TinyTerritory.zone("Z1", people: 20_000)],
            actors: [
                TinyTerritory.gp("g1", perDay: 2_000, list: 30_000), TinyTerritory.hospital("h1", beds: 5_000),
                TinyTerritory.place("e1", .ehpad, places: 3),
            ])
        var homeCare = Self.noHomeEntries
        homeCare["ehpad_stay"] = ["type": "fixed", "mean": 40]
        let parameters = try TinyTerritory.parameters([
            "warm_up_days": 0, "home_care": homeCare, "hospital": ["max_discharge_delay_days": 10],
            "discharge": ["home_care_probability": Self.none30to44, "ehpad_probability": Self.only30to44(1)],
            "readmission": ["probability_30_days": Self.none30to44],
        ])
        let result = try run(territory, parameters)
        let rows = try #require(result.eventLog)
        let admissions = rows.filter { $0.activity == "ehpad_admission" }.map(\.day).sorted()
        for day in 0..<365 { #expect(admissions.filter { $0 > day - 40 && $0 <= day }.count <= 3, "day \(day)") }
        let delayed = rows.filter { $0.activity == "discharge_delayed" }
        #expect(delayed.count > 50)
        var byPatient: [Int: [EventLogRow]] = [:]
        for row in rows { byPatient[row.caseID, default: []].append(row) }
        var freed = 0
        for row in delayed where row.day + 10 < 365 {
            let after = byPatient[row.caseID, default: []].filter { $0.day >= row.day }
            let leaving = try #require(after.first { $0.activity == "discharge" })
            #expect(leaving.day - row.day <= 10)
            // Left for the EHPAD when a place freed (first come, first served: often on the tenth day), else went home on the tenth.
            if after.contains(where: { $0.activity == "ehpad_admission" && $0.day == leaving.day }) {
                freed += 1
            } else {
                #expect(leaving.day - row.day == 10)
            }
        }
        #expect(freed > 0)
        #expect(try value(result, "discharges_delayed") > 0)
        #expect(try #require(result.occupancy.line(.blockedBeds)).used.max() ?? 0 > 0)
    }

    /// An epidemic of urgent needs from day 100, peak on day 130, over by day 190, three times
    /// the rate at its peak: urgent needs follow 1 + 2 s(d), s rising as (1 − cos(π(d − 100)/30)) / 2
    /// and falling as (1 + cos(π(d − 130)/60)) / 2 (computed here by hand).
    @Test func anEpidemicRaisesArrivalsByItsShape() throws {
        let territory = try Territory(
            name: "epidemic", zones: [TinyTerritory.zone("Z1", people: 20_000)],
            actors: [TinyTerritory.gp("g1", perDay: 2_000, list: 30_000), TinyTerritory.hospital("h1", beds: 5_000)])
        let parameters = try TinyTerritory.parameters([
            "warm_up_days": 0, "home_care": Self.noHomeEntries, "rhythms": TinyTerritory.flatRhythms,
        ])
        let epidemic = SimulationEvent(
            .epidemic(zones: ["*"], peakDay: 130, intensity: ["30-44": 3], needs: [.acuteUrgent]), fromDay: 100,
            toDay: 190)
        let result = try run(territory, parameters, events: [epidemic])
        let needs = try #require(result.eventLog).filter { $0.activity == "need_acute_urgent" }.map(\.day)
        func s(_ d: Int) -> Double {
            d <= 130 ? (1 - cos(Double.pi * Double(d - 100) / 30)) / 2 : (1 + cos(Double.pi * Double(d - 130) / 60)) / 2
        }
        let perDay = 20_000 * 0.21 / 365
        let inside = Double(needs.filter { (100...190).contains($0) }.count)
        let expectedInside = (100...190).reduce(0.0) { $0 + perDay * (1 + 2 * s($1)) }
        #expect(
            abs(inside - expectedInside) < 4 * expectedInside.squareRoot(),
            "inside \(inside), expected \(expectedInside)")
        let outside = Double(needs.filter { !(100...190).contains($0) }.count)
        let expectedOutside = perDay * 274
        #expect(
            abs(outside - expectedOutside) < 4 * expectedOutside.squareRoot(),
            "outside \(outside), expected \(expectedOutside)")
        let peakWeek = Double(needs.filter { (127...133).contains($0) }.count)
        let expectedPeak = (127...133).reduce(0.0) { $0 + perDay * (1 + 2 * s($1)) }
        #expect(
            abs(peakWeek - expectedPeak) < 4 * expectedPeak.squareRoot(),
            "peak week \(peakWeek), expected \(expectedPeak)")
    }

    /// Default rhythms: urgent needs are about 11 % higher on Mondays than the week's mean
    /// (1.11 against the other days' 5.89 / 6 = 0.982: a ratio of 1.131).
    @Test func urgentNeedsPeakOnMondays() throws {
        let territory = try Territory(
            name: "week", zones: [TinyTerritory.zone("Z1", people: 100_000)],
            actors: [TinyTerritory.gp("g1", perDay: 10_000, list: 150_000), TinyTerritory.hospital("h1", beds: 20_000)])
        let parameters = try TinyTerritory.parameters(["warm_up_days": 0, "home_care": Self.noHomeEntries])
        let result = try run(territory, parameters)
        // 2026-01-01, day 0, is a Thursday (weekday 3 with Monday = 0).
        var byWeekday = [Double](repeating: 0, count: 7)
        for row in try #require(result.eventLog) where row.activity == "need_acute_urgent" {
            byWeekday[(row.day + 3) % 7] += 1
        }
        let ratio = byWeekday[0] / (byWeekday[1...].reduce(0, +) / 6)
        // About 3,300 Monday needs: the ratio's sd is about 0.019; allow 4 sd.
        #expect(abs(ratio - 1.131) < 0.076, "Monday ratio \(ratio)")
    }

    /// Hospitals without beds get 3 per 1,000 inhabitants of the zones they are nearest to
    /// (20,000 → 60, 5,000 → 15), marked as estimates; a hospital with beds keeps them.
    @Test func missingBedsComeFromThePopulationServed() throws {
        let territory = try Territory(
            name: "beds",
            zones: [
                TinyTerritory.zone("Z1", people: 20_000), TinyTerritory.zone("Z2", people: 5_000, longitude: 3.35),
            ],
            actors: [
                TinyTerritory.gp("g1", perDay: 2_000, list: 30_000),
                TinyTerritory.hospitalWithoutBeds("h1", longitude: 2.35),
                TinyTerritory.hospitalWithoutBeds("h2", longitude: 3.35),
                TinyTerritory.hospital("h3", longitude: 4.35, emergency: false, beds: 7),
            ])
        let parameters = try TinyTerritory.parameters(["warm_up_days": 0, "home_care": Self.noHomeEntries])
        let result = try run(territory, parameters, days: 30, log: false)
        #expect(try #require(result.occupancy.line(.hospitalBeds)).offered.allSatisfy { $0 == 82 })
        for (id, beds, estimated) in [("h1", 60.0, true), ("h2", 15, true), ("h3", 7, false)] {
            let row = try #require(result.actors.first { $0.actor.id == id })
            #expect(row.capacityDays == beds * 30, "\(id)")
            #expect(row.estimatedBeds == estimated, "\(id)")
        }
    }

    /// Crowding: with a huge staffed capacity the load is about 0 and each arrival waits the
    /// base 30 minutes (leaving unseen with probability 0.02 × 0.5 = 1 %); with a tiny one the
    /// load is held at 0.95 and each waits 30 / 0.05 = 600 minutes (leaving with 0.02 × 10 = 20 %).
    @Test(arguments: [(1e9, 30.0, 0.01), (1e-3, 600.0, 0.2)])
    func waitingAndLeavingGrowWithTheLoad(staffed: Double, wait: Double, leaving: Double) throws {
        let territory = try Territory(
            name: "crowding", zones: [TinyTerritory.zone("Z1", people: 20_000)],
            actors: [TinyTerritory.gp("g1", perDay: 2_000, list: 30_000), TinyTerritory.hospital("h1", beds: 5_000)])
        let parameters = try TinyTerritory.parameters(["warm_up_days": 0, "home_care": Self.noHomeEntries])
        let capacity = SimulationEvent(
            .capacity(actor: "h1", measure: .edVisitsPerDay, value: staffed), fromDay: 0, toDay: 364)
        let result = try run(territory, parameters, events: [capacity], log: false)
        // The run's very first arrival finds no load in the last 24 hours and waits 30 minutes:
        // with about 4,300 arrivals it moves the mean by at most 570 / 4,300 ≈ 0.13 minutes.
        #expect(abs(try value(result, "emergency_wait_minutes_mean") - wait) < 0.25)
        // About 4,300 visits: the share's sd is at most 0.007; allow 4 sd.
        #expect(abs(try value(result, "left_without_being_seen_share") - leaving) < 0.028)
    }

    /// The steady-state start fills an EHPAD of 100 places to the documented 88 % when demand
    /// sustains it (requests 0.5 a year × 5,000 people × stays of 36,000 days), and only to what
    /// demand sustains otherwise (0.001 a year × 5,000 / 365 × 1,000-day stays = 13.7 → 14 places):
    /// on day 0 the places used are those plus the requests placed that day.
    @Test(arguments: [(0.5, 36_000.0, 88.0), (0.001, 1_000.0, 14.0)])
    func longStayPlacesStartAtTheirSteadyState(rate: Double, stay: Double, start: Double) throws {
        let territory = try Territory(
            name: "start", zones: [TinyTerritory.zone("Z1", people: 5_000)],
            actors: [
                TinyTerritory.gp("g1", perDay: 1_000, list: 10_000), TinyTerritory.hospital("h1", beds: 2_000),
                TinyTerritory.place("e1", .ehpad, places: 100),
            ])
        var homeCare = Self.noHomeEntries
        homeCare["ehpad_entry_from_home_per_year"] = Self.only30to44(rate)
        homeCare["ehpad_stay"] = ["type": "fixed", "mean": stay]
        let parameters = try TinyTerritory.parameters([
            "warm_up_days": 0, "home_care": homeCare,
            "discharge": ["home_care_probability": Self.none30to44, "ehpad_probability": Self.none30to44],
            "steady_state": ["ehpad_occupancy": 0.88, "bed_occupancy": 0, "ssiad_occupancy": 0, "had_occupancy": 0],
        ])
        let result = try run(territory, parameters, days: 5)
        let enteredOnDay0 = try #require(result.eventLog).filter { $0.activity == "ehpad_admission" && $0.day == 0 }
            .count
        let ehpad = try #require(result.occupancy.line(.ehpadPlaces))
        #expect(ehpad.used[0] - Double(enteredOnDay0) == start)
    }
}
