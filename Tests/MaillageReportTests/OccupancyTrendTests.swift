import Testing

@testable import MaillageReport

/// Issue 14: the report shows, per role, how much the share used drifts a month after the
/// warm-up; expectations are worked out by hand from straight-line series.
@Suite struct OccupancyTrendTests {
    /// A flat share has no trend; days with nothing offered (a closure) are left out rather than
    /// read as an empty share; a falling share trends below zero, unflagged within 1 %.
    @Test func flatClosedAndFallingSeries() throws {
        var offered = Array(repeating: 50.0, count: 120)
        for day in 40..<60 { offered[day] = 0 }
        let flat = try #require(
            OccupancyChart.Line(role: "ehpad_places", used: offered.map { $0 * 0.88 }, offered: offered).drift)
        #expect(abs(flat.value) < 1e-12)
        #expect(SimulationSection.trend(flat) == "+0.0 % ± 0.0")
        // Share 0.8 − 0.0001·d over days 0…99: slope −0.003 a month, mean 0.8 − 0.0001·49.5 = 0.79505.
        let falling = try #require(
            OccupancyChart.Line(
                role: "gp_slots", used: (0..<100).map { 80 - 0.01 * Double($0) },
                offered: Array(repeating: 100, count: 100)
            ).drift)
        #expect(abs(falling.value - (-0.003 / 0.79505)) < 1e-12)
        #expect(SimulationSection.trend(falling) == "−0.4 % ± 0.0")
        #expect(OccupancyChart.Line(role: "x", used: [1, 2], offered: [2, 2]).drift == nil)
    }

    /// Used 100 + 0.1·d of 200 offered: the share is 0.5 + 0.0005·d, a slope of 0.015 over 30
    /// days; its mean over days 0…364 is 0.5 + 0.0005·182 = 0.591, so the trend is
    /// 0.015 / 0.591 = 2.538 % a month; a straight line has no noise, so its interval is empty and
    /// that trend drifts. Patients
    /// kept in bed, 0.5 + 0.001·d of 500 beds, move the share by 0.001 / 500 × 30 = 0.006 points
    /// of the beds a month: no drift, although relative to their mean (0.5 + 0.182) it is 4.4 %.
    @Test func driftOnItsScaleWithItsInterval() throws {
        let line = OccupancyChart.Line(
            role: "hospital_beds", used: (0..<365).map { 100 + 0.1 * Double($0) },
            offered: Array(repeating: 200, count: 365))
        let drift = try #require(line.drift)
        #expect(drift.scale == .relative)
        #expect(abs(drift.value - 0.015 / 0.591) < 1e-12)
        #expect(drift.halfWidth < 1e-9)
        #expect(drift.drifts(limit: 0.01))
        #expect(SimulationSection.trend(drift) == "+2.5 % ± 0.0 ⚠")
        let blocked = OccupancyChart.Line(
            role: "blocked_beds", used: (0..<365).map { 0.5 + 0.001 * Double($0) },
            offered: Array(repeating: 500, count: 365))
        let beds = try #require(blocked.drift)
        #expect(beds.scale == .capacity)
        #expect(abs(beds.value - 0.001 / 500 * 30) < 1e-12)
        #expect(!beds.drifts(limit: 0.01) && !beds.isNoisy(limit: 0.01))
        #expect(SimulationSection.trend(beds) == "+0.0 pt of beds ± 0.0")
    }

    /// The same 2.5 % trend under day-to-day noise of ±0.4 (alternating, so uncorrelated: r is
    /// taken as 0): the slope's standard error is about 0.4 / √(Σ(d − 182)²) = 0.4 / 2,013 a day,
    /// × 30 / 0.591 = 1.0 % a month, a 95 % half-width near 2 %: beyond 1 % but within noise of it.
    @Test func aNoisyTrendIsNotCalledADrift() throws {
        let line = OccupancyChart.Line(
            role: "had_places",
            used: (0..<365).map { (day: Int) -> Double in
                let noise: Double = day % 2 == 0 ? 80 : -80
                return 100 + 0.1 * Double(day) + noise
            },
            offered: Array(repeating: 200, count: 365))
        let drift = try #require(line.drift)
        #expect(abs(drift.halfWidth - 0.0198) < 0.001)
        #expect(!drift.drifts(limit: 0.01) && drift.isNoisy(limit: 0.01))
        #expect(SimulationSection.trend(drift).hasSuffix(" ~"))
        #expect(
            SimulationSection.trendNote(drifting: [], noisy: ["HAD places"]).hasSuffix(
                "Within noise of the limit: HAD places."))
    }

    @Test func theNoteNamesTheDriftingRoles() {
        #expect(SimulationSection.trendNote(drifting: []).hasSuffix("No role drifts by more than 1 % a month here."))
        #expect(SimulationSection.trendNote(drifting: ["Hospital beds"]).contains("Drifting here: Hospital beds"))
    }
}
