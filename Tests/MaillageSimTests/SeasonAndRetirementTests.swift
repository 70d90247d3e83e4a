import Foundation
import MaillageCore
import MaillageSim
import Testing

/// Issue 14: the monthly profile alone, the tourist summer factor and the GP retirement rate,
/// each on a hand-made territory whose expected counts are worked out here from the rules.
@Suite struct SeasonAndRetirementTests {
    func run(_ territory: Territory, _ parameters: SimulationParameters, log: Bool = true) throws -> SimulationResult {
        try Simulation.run(
            SimulationRequest(
                territory: territory, parameters: parameters, events: [], days: 365,
                seed: 11, replications: 1, threads: 1, eventLog: log))
    }

    /// Urgent needs of the 30–44 band: 0.21 a year per person (the default rate).
    static let urgentPerPersonPerDay = 0.21 / 365

    /// Counts within 4 standard deviations of a Poisson expectation.
    func near(_ count: Double, _ expected: Double, _ what: String) {
        #expect(abs(count - expected) < 4 * expected.squareRoot(), "\(what): \(count), expected \(expected)")
    }

    /// January weighs 2, every other month 1, the week is flat. Months are normalised by their
    /// days to a mean of 1 (so the year's total is unchanged): the mean is (2·31 + 334)/365 =
    /// 396/365, January's multiplier 2·365/396 and the others' 365/396.
    @Test func theMonthlyProfileMovesUrgentNeedsBetweenMonths() throws {
        let territory = try Territory(
            name: "months", zones: [TinyTerritory.zone("Z1", people: 50_000)],
            actors: [TinyTerritory.gp("g1", perDay: 5_000, list: 80_000), TinyTerritory.hospital("h1", beds: 10_000)])
        let parameters = try TinyTerritory.parameters([
            "warm_up_days": 0, "home_care": SaturationTests.noHomeEntries,
            "rhythms": ["day_of_week": Array(repeating: 1, count: 7), "month": [2] + Array(repeating: 1, count: 11)],
        ])
        let needs = try #require(try run(territory, parameters).eventLog).filter { $0.activity == "need_acute_urgent" }
            .map(\.day)
        let perDay = 50_000 * Self.urgentPerPersonPerDay
        // Day 0 is 2026-01-01: January is days 0…30.
        near(Double(needs.filter { $0 <= 30 }.count), perDay * 31 * 2 * 365 / 396, "January")
        near(Double(needs.filter { $0 > 30 }.count), perDay * 334 * 365 / 396, "February to December")
        near(Double(needs.count), perDay * 365, "the year")
    }

    /// Two zones of 40,000; Z1 is a tourist zone whose urgent needs are 2.5 times higher in
    /// July and August (days 181…242 of 2026); Z2 is not. The factor is not normalised: it
    /// adds visitors, so Z1's year grows by 1.5 × 62 days' needs.
    @Test func touristZonesRiseInJulyAndAugustOnly() throws {
        let territory = try Territory(
            name: "summer",
            zones: [
                TinyTerritory.zone("Z1", people: 40_000),
                TinyTerritory.zone("Z2", people: 40_000, longitude: 2.36),
            ],
            actors: [TinyTerritory.gp("g1", perDay: 8_000, list: 100_000), TinyTerritory.hospital("h1", beds: 10_000)])
        let parameters = try TinyTerritory.parameters([
            "warm_up_days": 0, "home_care": SaturationTests.noHomeEntries,
            "rhythms": TinyTerritory.flatRhythms.merging(["tourist_zones": ["Z1"], "tourist_summer_factor": 2.5]) {
                $1
            },
        ])
        let needs = try #require(try run(territory, parameters).eventLog).filter { $0.activity == "need_acute_urgent" }
        let perDay = 40_000 * Self.urgentPerPersonPerDay
        let summer = 181...242
        func count(_ zone: String, inSummer: Bool) -> Double {
            Double(needs.filter { $0.zone == zone && summer.contains($0.day) == inSummer }.count)
        }
        near(count("Z1", inSummer: true), perDay * 62 * 2.5, "Z1 in July and August")
        near(count("Z1", inSummer: false), perDay * 303, "Z1 the rest of the year")
        near(count("Z2", inSummer: true), perDay * 62, "Z2 in July and August")
        near(count("Z2", inSummer: false), perDay * 303, "Z2 the rest of the year")
    }

    /// 400 GPs with lists of 100 retire at 0.5 a year: a GP is still there on day d with
    /// probability exp(−0.5·d/365), so the lists offered shrink as 40,000·exp(−0.5·d/365)
    /// (binomial spread: at most 4 sd of 400 GPs off). At rate 0 nobody retires.
    @Test(arguments: [0.0, 0.5])
    func gpsRetireAtTheRateGiven(rate: Double) throws {
        let gps = try (0..<400).map { try TinyTerritory.gp(String(format: "g%03d", $0), perDay: 20, list: 100) }
        let territory = try Territory(
            name: "retire", zones: [TinyTerritory.zone("Z1", people: 1_000)],
            actors: gps + [TinyTerritory.hospital("h1")])
        let parameters = try TinyTerritory.parameters([
            "warm_up_days": 0, "home_care": SaturationTests.noHomeEntries,
            "gp": ["retirement_rate_per_year": rate],
        ])
        let lists = try #require(try run(territory, parameters, log: false).occupancy.line(.gpLists))
        for day in [90, 182, 364] {
            let stay = exp(-rate * Double(day) / 365)
            let expectedGPs = 400 * stay
            let sd = (400 * stay * (1 - stay)).squareRoot()
            let present = lists.offered[day] / 100
            if rate == 0 {
                #expect(present == 400, "day \(day)")
            } else {
                #expect(abs(present - expectedGPs) <= 4 * sd + 1, "day \(day): \(present) GPs, expected \(expectedGPs)")
            }
        }
    }
}
