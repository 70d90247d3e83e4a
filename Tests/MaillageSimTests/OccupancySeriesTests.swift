import Foundation
import MaillageCore
import MaillageGenerator
import MaillageSim
import Testing

/// The daily occupancy series: offers written by hand from the capacities and events, uses
/// checked against the event log and against the actors' own yearly totals.
@Suite struct OccupancySeriesTests {
    /// Two hospitals of 500 beds, h1 nearest to the zone's 3,000 people (a staffed emergency capacity of
    /// 3 × 1.45 = 4.35 visits a day, raised to the minimum 40; h2 serves nobody: 40), h1 closed for days
    /// 0–99, one GP with 10 slots a day on 5 days a week.
    @Test func offersFollowCapacitiesClosuresAndWorkingDays() throws {
        let territory = try Territory(
            name: "series", zones: [TinyTerritory.zone("Z1", people: 3_000)],
            actors: [
                TinyTerritory.gp("g1", perDay: 10, list: 5_000), TinyTerritory.hospital("h1"),
                TinyTerritory.hospital("h2", longitude: 2.45),
            ])
        let parameters = try TinyTerritory.parameters(["gp": ["working_days_per_week": 5]])
        let closed = SimulationEvent(.close(actor: "h1", nightOnly: false), fromDay: 0, toDay: 99)
        let result = try Simulation.run(
            SimulationRequest(
                territory: territory, parameters: parameters, events: [closed], days: 200,
                seed: 4, replications: 1, threads: 1, eventLog: true))
        let series = result.occupancy
        #expect(series.days == 200)
        #expect(series.lines.map(\.role) == OccupancyRole.allCases)
        let beds = try #require(series.line(.hospitalBeds))
        let emergency = try #require(series.line(.emergencyVisits))
        // h1 closed: only h2's 500 beds and 40 staffed visits are offered on days 0–99; both hospitals after.
        for day in 0..<200 {
            #expect(beds.offered[day] == (day <= 99 ? 500 : 1_000), "beds offered on day \(day)")
            #expect(abs(emergency.offered[day] - (day <= 99 ? 40 : 80)) < 1e-9, "visits offered on day \(day)")
        }
        // Emergency visits used each day = the visits the event log records that day (avoidable or not).
        var logged = [Double](repeating: 0, count: 200)
        for row in try #require(result.eventLog) where row.day >= 0 && row.activity.hasPrefix("emergency_visit") {
            logged[row.day] += 1
        }
        #expect(emergency.used == logged)
        #expect(logged.reduce(0, +) > 0)
        // GP: 10 slots on each of 5 working days a week, none on the other 2; never more used than offered.
        let gp = try #require(series.line(.gpSlots))
        #expect(Set(gp.offered) == [0, 10])
        for week in 0..<(200 / 7) {
            #expect(gp.offered[(week * 7)..<(week * 7 + 7)].reduce(0, +) == 50, "week \(week)")
        }
        #expect(zip(gp.used, gp.offered).allSatisfy { $0 >= 0 && $0 <= $1 })
        #expect(gp.used.reduce(0, +) > 0)
    }

    /// With one replication and no event, the series' totals over the year give the same
    /// occupancies as the actors' yearly used and offered totals (a separate tally).
    @Test func yearlyTotalsAgreeWithTheActorsOccupancy() throws {
        let territory = try TerritoryGenerator.generate(GeneratorOptions(zones: 30, population: 20_000, seed: 5))
        let result = try Simulation.run(
            SimulationRequest(territory: territory, days: 120, seed: 2, replications: 1, threads: 1))
        func ratio(_ role: OccupancyRole) throws -> Double {
            let line = try #require(result.occupancy.line(role))
            return line.used.reduce(0, +) / line.offered.reduce(0, +)
        }
        for (role, indicator) in [
            (OccupancyRole.hospitalBeds, "bed_occupancy"), (.ssiadPlaces, "ssiad_place_occupancy"),
            (.hadPlaces, "had_place_occupancy"), (.ehpadPlaces, "ehpad_place_occupancy"), (.gpSlots, "gp_slot_use"),
        ] {
            let expected = try #require(result.value(indicator))
            #expect(abs(try ratio(role) - expected) < 1e-9, "\(role) against \(indicator)")
        }
        let visits = try #require(result.value("emergency_visits"))
        #expect(try #require(result.occupancy.line(.emergencyVisits)).used.reduce(0, +) == visits)
    }
}
