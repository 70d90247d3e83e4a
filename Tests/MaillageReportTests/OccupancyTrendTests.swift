import Testing

@testable import MaillageReport

/// Issue 14: the report shows, per role, how much the share used drifts a month after the
/// warm-up; expectations are worked out by hand from straight-line series.
@Suite struct OccupancyTrendTests {
    /// Used 100 + 0.1·d of 200 offered: the share is 0.5 + 0.0005·d, a slope of 0.015 over 30
    /// days; its mean over days 0…364 is 0.5 + 0.0005·182 = 0.591, so the trend is
    /// 0.015 / 0.591 = 2.538 % a month.
    @Test func aRisingShareTrendsByItsSlopeOverItsMean() {
        let line = OccupancyChart.Line(
            role: "hospital_beds", used: (0..<365).map { 100 + 0.1 * Double($0) },
            offered: Array(repeating: 200, count: 365))
        #expect(abs(line.trendPerMonth - 0.015 / 0.591) < 1e-12)
        #expect(SimulationSection.trend(line.trendPerMonth) == "+2.5 % ⚠")
    }

    /// A flat share has no trend; days with nothing offered (a closure) are left out rather than
    /// read as an empty share; a falling share trends below zero, unflagged within 1 %.
    @Test func flatClosedAndFallingSeries() {
        var offered = Array(repeating: 50.0, count: 120)
        for day in 40..<60 { offered[day] = 0 }
        let flat = OccupancyChart.Line(role: "ehpad_places", used: offered.map { $0 * 0.88 }, offered: offered)
        #expect(abs(flat.trendPerMonth) < 1e-12)
        #expect(SimulationSection.trend(flat.trendPerMonth) == "+0.0 %")
        // Share 0.8 − 0.0001·d over days 0…99: slope −0.003 a month, mean 0.8 − 0.0001·49.5 = 0.79505.
        let falling = OccupancyChart.Line(
            role: "gp_slots", used: (0..<100).map { 80 - 0.01 * Double($0) },
            offered: Array(repeating: 100, count: 100))
        #expect(abs(falling.trendPerMonth - (-0.003 / 0.79505)) < 1e-12)
        #expect(SimulationSection.trend(falling.trendPerMonth) == "−0.4 %")
        #expect(OccupancyChart.Line(role: "x", used: [1, 2], offered: [2, 2]).trendPerMonth.isNaN)
    }

    @Test func theNoteNamesTheDriftingRoles() {
        #expect(SimulationSection.trendNote(drifting: []).hasSuffix("No role drifts by more than 1 % a month here."))
        #expect(SimulationSection.trendNote(drifting: ["Hospital beds"]).contains("Drifting here: Hospital beds"))
    }
}
