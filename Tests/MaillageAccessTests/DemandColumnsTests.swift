import MaillageCore
import Testing

@testable import MaillageAccess

/// Demand from the zones' age-band columns (`--demand population.75+`), alone or summed.
@Suite struct DemandColumnsTests {
    static func band(_ id: String) -> AgeBand { try! AgeBand(id: id) }

    /// INSEE bands 0-14, 15-29, 30-44, 45-59, 60-74, 75+, counts chosen by hand.
    static func zone(_ id: String, _ counts: [Double], longitude: Double = 1.4) throws -> Zone {
        let population = try Population(byBand: Dictionary(uniqueKeysWithValues: zip(AgeBand.insee, counts)))
        return try Zone(id: id, name: id, point: GeoPoint(longitude: longitude, latitude: 43.6), population: population)
    }

    @Test func parsesColumnsAndSums() throws {
        #expect(try AccessRequest.Demand.parse("population") == .population)
        #expect(try AccessRequest.Demand.parse("age-weighted") == .ageWeighted(.drees))
        #expect(try AccessRequest.Demand.parse("population.75+") == .bands([Self.band("75+")]))
        #expect(
            try AccessRequest.Demand.parse("population.60-74+population.75+")
                == .bands([Self.band("60-74"), Self.band("75+")]))
        // An open band first: its '+' may be doubled or shared with the join.
        #expect(
            try AccessRequest.Demand.parse("population.75++population.0-14")
                == .bands([Self.band("75+"), Self.band("0-14")]))
        #expect(
            try AccessRequest.Demand.parse("population.75+population.0-14")
                == .bands([Self.band("75+"), Self.band("0-14")]))
    }

    @Test(arguments: [
        "pop", "population.", "population.75", "population.60-", "population.60-74+", "population.60-74,population.75+",
        "population.60-74 + population.75+", "population.75-60", "population.75++population.75+",
    ])
    func rejectsWhatIsNotAColumnSum(text: String) {
        #expect(throws: AccessError.self) { try AccessRequest.Demand.parse(text) }
    }

    @Test func sumsTheBandsOfEachZone() throws {
        let zones = [try Self.zone("A", [100, 200, 300, 250, 120, 30]), try Self.zone("B", [10, 20, 30, 25, 40, 10])]
        // By hand: A 30 aged 75+, 120 + 30 = 150 aged 60 or more; B 10 and 40 + 10 = 50.
        #expect(try AccessRequest.Demand.parse("population.75+").values(for: zones) == [30, 10])
        #expect(try AccessRequest.Demand.parse("population.60-74+population.75+").values(for: zones) == [150, 50])
        #expect(try AccessRequest.Demand.parse("population").values(for: zones) == [1000, 135])
    }

    @Test func anUnknownColumnIsAnErrorNamingTheKnownOnes() throws {
        let zones = [try Self.zone("A", [100, 200, 300, 250, 120, 30])]
        #expect {
            _ = try AccessRequest.Demand.parse("population.80+").values(for: zones)
        } throws: { error in
            let text = (error as? AccessError)?.description ?? ""
            return text.contains("'population.80+'")
                && text.contains(
                    "population, population.0-14, population.15-29, population.30-44, population.45-59, population.60-74, population.75+"
                )
        }
    }

    @Test func aZoneWithoutBandsIsAnErrorNamingIt() throws {
        let zones = [
            try Self.zone("A", [100, 200, 300, 250, 120, 30]),
            try Zone(
                id: "B", name: "B", point: GeoPoint(longitude: 1.5, latitude: 43.6), population: Population(total: 80)),
        ]
        #expect {
            _ = try AccessRequest.Demand.parse("population.75+").values(for: zones)
        } throws: { error in
            ((error as? AccessError)?.description ?? "").contains("1 zone(s) have no population.75+ (first: B)")
        }
    }

    /// 2SFCA within 30 minutes, demand = people aged 60 or more. Site S1 (2 FTE) is reached from
    /// A and B, S2 (1 FTE) from B only. By hand: R1 = 2 / (150 + 50) = 0.01, R2 = 1 / 50 = 0.02;
    /// A = R1 = 0.01, B = R1 + R2 = 0.03. With 75+ alone: R1 = 2 / 40, R2 = 1 / 10; A = 0.05, B = 0.15.
    @Test func aStudyUsesTheBandsAsDemand() throws {
        let zones = [
            try Self.zone("A", [100, 200, 300, 250, 120, 30]),
            try Self.zone("B", [10, 20, 30, 25, 40, 10], longitude: 1.5),
        ]
        let point = try GeoPoint(longitude: 1.45, latitude: 43.6)
        let actors = [
            try Actor(id: "S1", kind: .gp, name: "S1", point: point, capacities: [Capacity(.fte, 2)]),
            try Actor(id: "S2", kind: .gp, name: "S2", point: point, capacities: [Capacity(.fte, 1)]),
        ]
        let territory = try Territory(name: "t", zones: zones, actors: actors)
        let pairs = [("A", "S1", 10.0), ("B", "S1", 20), ("B", "S2", 5)].map {
            MatrixPair(originIsZone: true, originID: $0.0, destinationIsZone: false, destinationID: $0.1, minutes: $0.2)
        }
        func run(_ demand: String) throws -> [Double] {
            let request = AccessRequest(
                method: .catchment(FloatingCatchment(decay: .uniform, limit: 30)), kinds: [.gp],
                demand: try .parse(demand), travel: .matrix(pairs: pairs, directed: false, intrazoneMinutes: 0))
            return try AccessStudy.run(request, on: territory).columns[0].values
        }
        let sixtyPlus = try run("population.60-74+population.75+")
        #expect(abs(sixtyPlus[0] - 0.01) < 1e-15 && abs(sixtyPlus[1] - 0.03) < 1e-15)
        let seventyFivePlus = try run("population.75+")
        #expect(abs(seventyFivePlus[0] - 0.05) < 1e-15 && abs(seventyFivePlus[1] - 0.15) < 1e-15)
    }
}
