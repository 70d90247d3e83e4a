import Testing

@testable import MaillageSim

/// A zone's tallies read back as the doubles they used to be kept in, worked by hand.
@Suite struct ZoneTalliesTests {
    /// Counts are whole events, sums amounts; a sampled run's weight multiplies both once.
    @Test func countsAndSumsReadBackAsDoubles() {
        var tallies = ZoneTallies(zones: 3)
        for _ in 0..<5 { tallies.count(.needs, zone: 1) }
        tallies.count(.admissions, zone: 2)
        tallies.add(.travelMinutes, zone: 1, 12.5)
        tallies.add(.travelMinutes, zone: 1, 0.25)
        tallies.add(.inhabitants, zone: 0, 1)
        #expect(tallies.value(Tally.needs.rawValue, zone: 1) == 5)
        #expect(tallies.value(Tally.needs.rawValue, zone: 0) == 0)
        #expect(tallies.value(Tally.travelMinutes.rawValue, zone: 1) == 12.75)
        #expect(tallies.value(Tally.inhabitants.rawValue, zone: 0) == 1)
        let zone2 = tallies.values(zone: 2)
        #expect(zone2.count == Tally.count && zone2[Tally.admissions.rawValue] == 1 && zone2.reduce(0, +) == 1)
        tallies.scale(by: 1 / 0.3)
        #expect(tallies.value(Tally.needs.rawValue, zone: 1) == 5 * (1 / 0.3))
        #expect(tallies.value(Tally.travelMinutes.rawValue, zone: 1) == 12.75 * (1 / 0.3))
    }

    /// A count that passes 2^32 carries on, exactly: 2^32 − 2 and three events are 2^32 + 1.
    @Test func aCountPastTwoToThe32CarriesOn() {
        var counts = [UInt32](repeating: 0, count: 2 * Tally.countSlots)
        counts[Tally.countSlots + Tally.needs.slot] = UInt32.max - 1
        var tallies = ZoneTallies(zones: 2, counts: counts)
        for _ in 0..<3 { tallies.count(.needs, zone: 1) }
        #expect(tallies.value(Tally.needs.rawValue, zone: 1) == 4_294_967_297)
        #expect(tallies.value(Tally.needs.rawValue, zone: 0) == 0)
    }

    /// The tallies before `inhabitants` count; from it on they add amounts: each has its own place.
    @Test func everyTallyHasItsOwnPlace() {
        let counts = Tally.allCases.filter { !$0.isSum }.map(\.slot)
        let sums = Tally.allCases.filter(\.isSum).map(\.slot)
        #expect(counts == Array(0..<Tally.countSlots) && sums == Array(0..<Tally.sumSlots))
        #expect(Tally.sumSlots == 14 && Tally.countSlots + Tally.sumSlots == Tally.count)
    }
}
