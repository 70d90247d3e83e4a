import Foundation
import MaillageAccess
import MaillageCore
import MaillageSim
import Testing

/// The emergency choice model (`emergency.choice`): each department's share of one zone's visits
/// against the documented pull, `exp(−minutes / scale) × (1 + short-stay beds)^elasticity`, times
/// the paediatric weight for a child. Expected shares are worked out by hand from that rule; a
/// year of about 5,000 visits puts five standard errors of a share at about 0.03.
@Suite struct EmergencyChoiceTests {
    static let tolerance = 0.03

    static func department(_ id: String, longitude: Double = 2.35, beds: Double? = nil, services: [String]) throws
        -> Actor
    {
        var capacities = [try Capacity(.beds, 2_000)]
        if let beds { capacities.append(try Capacity(.edShortStayBeds, beds)) }
        return try Actor(
            id: id, kind: .hospital, name: id, point: GeoPoint(longitude: longitude, latitude: 46.6), zoneID: "Z1",
            capacities: capacities, services: services)
    }

    /// Zone Z1's people (all in `band`) and a GP with room for everyone, beside `departments`.
    static func territory(_ departments: [Actor], band: AgeBand = TinyTerritory.band3044) throws -> Territory {
        let zone = try Zone(
            id: "Z1", name: "Z1", point: GeoPoint(longitude: 2.35, latitude: 46.6),
            population: Population(byBand: [band: 20_000]), densityClass: .intermediate)
        return try Territory(
            name: "choice", zones: [zone], actors: [TinyTerritory.gp("g1", perDay: 2_000, list: 30_000)] + departments)
    }

    /// Each department's share of the year's visits, by actor id.
    static func shares(_ territory: Territory, choice: [String: Double]) throws -> [String: Double] {
        let parameters = try TinyTerritory.parameters(["emergency": ["choice": choice]])
        let request = try SimulationRequest(
            territory: territory, parameters: parameters, days: 365, seed: 11, replications: 1, threads: 1)
        let sites = try #require(try Simulation.indicators(request, replications: [0]).first).sites
        let total = sites.reduce(0) { $0 + $1.visits }
        #expect(total > 4_000, "a year of visits: \(total)")
        return Dictionary(uniqueKeysWithValues: sites.map { ($0.actorID, $0.visits / total) })
    }

    /// Two departments at the same place, one with 3 short-stay beds: pulls 1 and (1 + 3)^1 = 4.
    @Test func theBiggerDepartmentDrawsInProportionToItsSize() throws {
        let territory = try Self.territory([
            Self.department("small", services: ["emergency"]), Self.department("big", beds: 3, services: ["emergency"]),
        ])
        let shares = try Self.shares(territory, choice: ["minutes_scale": 10, "size_elasticity": 1])
        #expect(abs(try #require(shares["big"]) - 0.8) < Self.tolerance, "\(shares)")
        // Without a size term both pull alike.
        let even = try Self.shares(territory, choice: ["minutes_scale": 10])
        #expect(abs(try #require(even["big"]) - 0.5) < Self.tolerance, "\(even)")
    }

    /// A department Δ minutes farther than the zone's nearest pulls e^(−Δ/scale) against 1; Δ is
    /// the straight-line model's time difference between the two sites (the travel model is not
    /// under test here). The default (scale 0) sends everyone to the nearest.
    @Test func aFartherDepartmentDrawsLessByTheMinutesScale() throws {
        let territory = try Self.territory([
            Self.department("near", services: ["emergency"]),
            Self.department("far", longitude: 2.45, services: ["emergency"]),
        ])
        let place = { (longitude: Double) in
            StraightLinePairs.Place(point: try! GeoPoint(longitude: longitude, latitude: 46.6), density: .intermediate)
        }
        let graph = try StraightLinePairs.graph(
            zones: [place(2.35)], sites: [place(2.35), place(2.45)], model: .calibrated, limitMinutes: 90, threads: 1)
        var minutes: [Int: Double] = [:]
        graph.forEachSite(of: 0) { site, time in minutes[site] = time }
        let delta = try #require(minutes[1]) - (try #require(minutes[0]))
        #expect(delta > 5 && delta < 20, "about 7.6 km apart: \(delta) min")
        let scale = 8.0
        let expected = exp(-delta / scale) / (1 + exp(-delta / scale))
        let shares = try Self.shares(territory, choice: ["minutes_scale": scale])
        #expect(abs(try #require(shares["far"]) - expected) < Self.tolerance, "\(shares) against \(expected)")
        let nearest = try Self.shares(territory, choice: [:])
        #expect(nearest["far"] == 0 && nearest["near"] == 1)
    }

    /// Children weigh a paediatric department 3 against a general one at the same place (3/4 of
    /// their visits); adults never go there; with weight 0 it is not a department at all.
    @Test func childrenGoToThePaediatricDepartmentByItsWeight() throws {
        let departments = [
            try Self.department("general", services: ["emergency"]),
            try Self.department("children", services: ["paediatric_emergency"]),
        ]
        let children = try Self.territory(departments, band: AgeBand.insee[0])
        let weighted = try Self.shares(children, choice: ["minutes_scale": 10, "paediatric_weight": 3])
        #expect(abs(try #require(weighted["children"]) - 0.75) < Self.tolerance, "\(weighted)")
        let adults = try Self.territory(departments)
        let adultShares = try Self.shares(adults, choice: ["minutes_scale": 10, "paediatric_weight": 3])
        #expect(adultShares["children"] == 0 && adultShares["general"] == 1)
        let unused = try Self.shares(children, choice: [:])
        #expect(unused["children"] == nil && unused["general"] == 1)
    }
}
