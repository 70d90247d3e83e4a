import Foundation
import MaillageCore
import MaillageSim
import Testing

/// Issue 14: long-stay resources start at the model's own equilibrium, so that no occupancy
/// series drifts by more than 1 % a month once the warm-up is over.
@Suite struct SteadyStartTests {
    /// The least-squares slope of a series over 30 days, relative to its mean (the drift).
    static func trendPerMonth(_ values: [Double]) -> Double {
        let n = Double(values.count)
        let meanDay = (n - 1) / 2
        let mean = values.reduce(0, +) / n
        var covariance = 0.0
        var variance = 0.0
        for (day, value) in values.enumerated() {
            covariance += (Double(day) - meanDay) * (value - mean)
            variance += (Double(day) - meanDay) * (Double(day) - meanDay)
        }
        return covariance / variance * 30 / mean
    }

    /// Zone A (5,000 people) asks for EHPAD places at 0.01095 a year each: 0.15 requests a day
    /// for stays of 1,000 days, a load of 150 residents, more than the 100 places of e1, its
    /// only EHPAD in reach; e2 (100 places) lies 150 km east, out of reach of all but the ten
    /// people of zone B. At equilibrium e1 is full (every freed place goes to its waiting list)
    /// and e2 holds B's few residents: the EHPAD line is flat from the first day. A start at the
    /// territory's share (75 % of every EHPAD) put 75 in e1, which then filled at 0.15 − 0.075
    /// a day for a year: +2.25 places a month on about 87, a trend near 2.6 % a month.
    @Test func anEHPADOutOfReachOfDemandHoldsNoShareOfTheStart() throws {
        let territory = try Territory(
            name: "reach",
            zones: [
                TinyTerritory.zone("Z1", people: 5_000),
                TinyTerritory.zone("Z2", people: 10, longitude: 4.35),
            ],
            actors: [
                TinyTerritory.gp("g1", perDay: 1_000, list: 10_000),
                TinyTerritory.gp("g2", perDay: 10, list: 100, longitude: 4.35),
                TinyTerritory.hospital("h1", beds: 2_000),
                TinyTerritory.place("e1", .ehpad, places: 100),
                TinyTerritory.place("e2", .ehpad, places: 100, longitude: 4.35),
            ])
        var homeCare = SaturationTests.noHomeEntries
        homeCare["ehpad_entry_from_home_per_year"] = SaturationTests.only30to44(0.01095)
        homeCare["ehpad_stay"] = ["type": "fixed", "mean": 1_000.0]
        let parameters = try TinyTerritory.parameters([
            "warm_up_days": 0, "home_care": homeCare, "rhythms": TinyTerritory.flatRhythms,
            "discharge": [
                "home_care_probability": SaturationTests.none30to44, "ehpad_probability": SaturationTests.none30to44,
            ],
            "steady_state": ["ehpad_occupancy": 0.88, "bed_occupancy": 0, "ssiad_occupancy": 0, "had_occupancy": 0],
        ])
        let result = try Simulation.run(
            SimulationRequest(
                territory: territory, parameters: parameters, days: 365, seed: 5, replications: 1, threads: 1))
        let ehpad = try #require(result.occupancy.line(.ehpadPlaces))
        // e1 full from day 0 (the share start gave 75 there), plus at most a handful in e2.
        #expect(ehpad.used[0] >= 100 && ehpad.used[0] <= 110, "EHPAD places used on day 0: \(ehpad.used[0])")
        let trend = Self.trendPerMonth(ehpad.used)
        #expect(abs(trend) <= 0.01, "EHPAD trend \(trend * 100) % a month")
    }
}
