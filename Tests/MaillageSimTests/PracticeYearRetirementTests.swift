import Foundation
import MaillageCore
import MaillageSim
import Testing

/// Issue 14: GP retirement at a rate by years in practice, read from each practice's start year,
/// on hand-made territories whose outcome is worked out here.
@Suite struct PracticeYearRetirementTests {
    /// A GP practice whose practitioner started in `year` (nil: unknown).
    static func gp(_ id: String, year: Int?, list: Double, longitude: Double = 2.35) throws -> Actor {
        try Actor(
            id: id, kind: .gp, name: id, point: GeoPoint(longitude: longitude, latitude: 46.6), zoneID: "Z1",
            capacities: [Capacity(.consultationsPerDay, 200), Capacity(.listSize, list)], practiceStartYear: year)
    }

    func run(_ territory: Territory, _ gp: [String: Any], seed: UInt64 = 7) throws -> SimulationResult {
        let parameters = try TinyTerritory.parameters([
            "warm_up_days": 0, "population": ["share_not_seeking_gp": 0], "home_care": SaturationTests.noHomeEntries,
            "gp": gp,
        ])
        return try Simulation.run(
            SimulationRequest(
                territory: territory, parameters: parameters, events: [], days: 365, seed: seed, replications: 1,
                threads: 1))
    }

    /// The senior GP (started 1980: 45.5 years in practice on 2026-01-01) is in the 35+ band at 20
    /// retirements a year, so it retires within 200 days with probability 1 − exp(−20 · 200/365)
    /// (0.99998); the junior (started 2015: 10.5 years, 11.5 at the end) is in the 0 band and never
    /// retires. Everyone declared the senior (the nearest); from its retirement day R they have no
    /// GP for the fixed 20-day delay, then all declare the junior, who has room.
    @Test func onlyTheSeniorRetiresAndItsPatientsGoToTheJuniorAfterTheDelay() throws {
        let territory = try Territory(
            name: "retire", zones: [TinyTerritory.zone("Z1", people: 1_000)],
            actors: [
                Self.gp("senior", year: 1980, list: 2_000), Self.gp("junior", year: 2015, list: 2_000, longitude: 2.45),
                TinyTerritory.hospital("h1"),
            ])
        let result = try run(
            territory,
            [
                "retirement_rate_by_years_in_practice": ["0": 0, "35": 20],
                "reattachment_delay": ["type": "fixed", "mean": 20],
            ])
        let lists = try #require(result.occupancy.line(.gpLists))
        let without = try #require(result.occupancy.line(.withoutDeclaredGP))
        let retirement = try #require(lists.offered.firstIndex { $0 < 4_000 })
        #expect(retirement < 200)
        for day in 0..<365 {
            let expected: Double = (retirement..<(retirement + 20)).contains(day) ? 1_000 : 0
            #expect(without.used[day] == expected, "day \(day)")
            #expect(lists.used[day] == 1_000 - expected, "day \(day)")
            #expect(lists.offered[day] == (day < retirement ? 4_000 : 2_000), "day \(day)")
        }
        #expect(result.value("gp_patients_lost_gp") == 1_000)
        #expect(result.value("gp_patients_reattached") == 1_000)
        let junior = try #require(result.actors.first { $0.actor.id == "junior" })
        #expect(junior.capacityDays == 200 * 261)  // 2026 has 261 weekdays: the junior never left
    }

    /// Thirty GPs started in 1991: 12,603 days (34.53 years of 365 days) in practice on 2026-01-01,
    /// 35 years on day 35 · 365 − 12,603 = 172. Before it they are in the 0 band (no retirement),
    /// from it at 100 a year: each retires within 60 days of it with probability
    /// 1 − exp(−100 · 60/365) (about 1 − 7·10⁻⁸).
    @Test func aGPsBandMovesWithTheYearsInPracticeDuringTheRun() throws {
        let gps = try (0..<30).map { try Self.gp(String(format: "g%02d", $0), year: 1991, list: 100) }
        let territory = try Territory(
            name: "cross", zones: [TinyTerritory.zone("Z1", people: 1_000)],
            actors: gps + [TinyTerritory.hospital("h1")])
        let result = try run(territory, ["retirement_rate_by_years_in_practice": ["0": 0, "35": 100]])
        let lists = try #require(result.occupancy.line(.gpLists))
        #expect(lists.offered[171] == 3_000)
        #expect(lists.offered[172 + 60] == 0)
        #expect(result.value("gp_patients_lost_gp") ?? 0 > 0)
    }

    /// Rates of 0 draw nobody: the results have the same bits as without the table; GPs whose start
    /// year is unknown follow the flat rate whatever the table says; and one band from 0 at the flat
    /// rate gives every GP the same day as the flat rate (the same draw spent on the same hazard).
    @Test func zeroRatesChangeNothingAndOneBandFromZeroIsTheFlatRate() throws {
        func territory(years: Bool) throws -> Territory {
            let gps = try (0..<40).map {
                try Self.gp(String(format: "g%02d", $0), year: years ? 1960 + $0 : nil, list: 60)
            }
            return try Territory(
                name: "same", zones: [TinyTerritory.zone("Z1", people: 2_000)],
                actors: gps + [TinyTerritory.hospital("h1")])
        }
        func bits(_ result: SimulationResult) -> [UInt64] {
            var bits =
                result.territory.map(\.mean.bitPattern) + result.zoneColumns.flatMap { $0.values.map(\.bitPattern) }
            bits += result.actors.flatMap {
                [$0.contacts.bitPattern, $0.capacityDays.bitPattern, $0.usedDays.bitPattern]
            }
            for line in result.occupancy.lines { bits += (line.used + line.offered).map(\.bitPattern) }
            return bits
        }
        let withYears = try territory(years: true)
        let base = bits(try run(withYears, [:]))
        #expect(bits(try run(withYears, ["retirement_rate_by_years_in_practice": ["0": 0, "35": 0]])) == base)
        #expect(bits(try run(try territory(years: false), [:])) == base)
        // Unknown years: the flat rate, table or not.
        let unknown = try territory(years: false)
        let flat = bits(try run(unknown, ["retirement_rate_per_year": 0.8]))
        #expect(flat != base)
        #expect(
            bits(try run(unknown, ["retirement_rate_per_year": 0.8, "retirement_rate_by_years_in_practice": ["0": 0]]))
                == flat)
        // Known years, one band from 0 at 0.8: the flat rate's days.
        #expect(
            bits(try run(withYears, ["retirement_rate_by_years_in_practice": ["0": 0.8]]))
                == bits(try run(withYears, ["retirement_rate_per_year": 0.8])))
    }

    @Test(
        arguments: [
            (["35": -0.1], "gp.retirement_rate_by_years_in_practice.35"),
            (["35": 400], "gp.retirement_rate_by_years_in_practice.35"),
            (["thirty": 0.1], "gp.retirement_rate_by_years_in_practice.thirty"),
            (["101": 0.1], "gp.retirement_rate_by_years_in_practice.101"),
            (["35": 0.1, "035": 0.2], "gp.retirement_rate_by_years_in_practice.35"),
            ([:], "gp.retirement_rate_by_years_in_practice"),
        ] as [([String: Double], String)])
    func badTablesAreRefusedNamingTheKey(table: [String: Double], key: String) throws {
        let error = #expect(throws: SimulationError.self) {
            try ParameterFile.apply(["gp": ["retirement_rate_by_years_in_practice": table]])
        }
        guard case .invalidParameter(let name, _) = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(name == key)
    }

    @Test func theTableIsReadFromAParameterFileAndRecorded() throws {
        let parameters = try ParameterFile.parse(
            Data(#"{"gp": {"retirement_rate_by_years_in_practice": {"0": 0, "35": 0.15, "40": 0.3}}}"#.utf8))
        #expect(parameters.gp.retirementBands.map(\.fromYears) == [0, 35, 40])
        #expect(parameters.gp.retirementBands.map(\.ratePerYear) == [0, 0.15, 0.3])
        #expect(SimulationParameters.defaults.gp.retirementRateByYearsInPractice == nil)
        #expect(
            ParameterFile.canonicalJSON(.defaults).contains(#""retirement_rate_by_years_in_practice":null"#))
        #expect(
            ParameterFile.canonicalJSON(parameters).contains(
                #""retirement_rate_by_years_in_practice":{"0":0,"35":0.15,"40":0.3}"#))
    }
}
