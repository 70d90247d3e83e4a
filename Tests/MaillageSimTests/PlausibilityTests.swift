import Foundation
import MaillageCore
import MaillageGenerator
import MaillageSim
import Testing

/// Default parameters on a generated territory of about 50,000 inhabitants give national
/// orders of magnitude (`care-network-model.md`, "Orders of magnitude for defaults").
@Suite struct PlausibilityTests {
    static let territory: Territory = try! TerritoryGenerator.generate(
        GeneratorOptions(zones: 60, population: 50_000, seed: 11))

    @Test func generatedTerritoryGivesNationalOrdersOfMagnitude() throws {
        let result = try Simulation.run(
            SimulationRequest(territory: Self.territory, days: 365, seed: 3, replications: 1, threads: 1))
        for indicator in result.territory { print("\(indicator.name) = \(indicator.mean)") }
        // About 4 GP contacts per inhabitant a year (DREES); a territory short of GPs in its
        // rural zones gives fewer, so accept 2.5–5.5.
        let gp = try #require(result.value("gp_contacts_per_inhabitant"))
        #expect((2.5...5.5).contains(gp), "gp_contacts_per_inhabitant \(gp)")
        // 21 million emergency visits for 68 million people: 0.31; accept 0.2–0.45.
        let ed = try #require(result.value("emergency_visits_per_inhabitant"))
        #expect((0.2...0.45).contains(ed), "emergency_visits_per_inhabitant \(ed)")
        // 0.17 acute stays per inhabitant; accept 0.10–0.25.
        let stays = try #require(result.value("admissions_per_inhabitant"))
        #expect((0.10...0.25).contains(stays), "admissions_per_inhabitant \(stays)")
        // About one in five emergency visits ends in an admission: 0.06 per inhabitant; accept 0.03–0.10.
        let fromED = try #require(result.value("admissions_from_emergency_per_inhabitant"))
        #expect((0.03...0.10).contains(fromED), "admissions_from_emergency_per_inhabitant \(fromED)")
        // About one person in ten has no declared GP; accept 3–25 % (generated rural zones lack GPs).
        let without = try #require(result.value("share_without_declared_gp"))
        #expect((0.03...0.25).contains(without), "share_without_declared_gp \(without)")
    }

    /// A 20 % sample with capacities scaled and counts weighted back gives the same rates,
    /// shares and (weighted) counts as everyone, within sampling noise.
    @Test func aSampleGivesTheSameRatesAsEveryone() throws {
        let full = try Simulation.run(
            SimulationRequest(territory: Self.territory, days: 365, seed: 3, replications: 1, threads: 1))
        let sampled = try Simulation.run(
            SimulationRequest(territory: Self.territory, days: 365, seed: 3, replications: 1, threads: 1, sample: 0.2))
        // About 10,000 agents stand for 50,000 inhabitants (zone-by-band rounding moves the total a little).
        #expect(abs(sampled.agents - 10_000) < 150)
        #expect(abs((sampled.value("inhabitants") ?? 0) - 50_000) < 750)
        for name in [
            "gp_contacts_per_inhabitant", "emergency_visits_per_inhabitant", "admissions_per_inhabitant",
            "share_without_declared_gp",
        ] {
            let a = try #require(full.value(name))
            let b = try #require(sampled.value(name))
            #expect(abs(b - a) / a < 0.12, "\(name): everyone \(a), 20 % sample \(b)")
        }
        let contacts = try #require(full.value("gp_contacts"))
        let weighted = try #require(sampled.value("gp_contacts"))
        #expect(abs(weighted - contacts) / contacts < 0.1)
        #expect(throws: SimulationError.self) { try SimulationRequest(territory: Self.territory, sample: 1.5) }
    }
}
