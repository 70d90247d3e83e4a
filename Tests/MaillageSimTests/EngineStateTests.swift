import MaillageCore
import Testing

@testable import MaillageSim

/// The engine's packed per-agent state, against values worked out by hand from the documented layouts.
@Suite struct EngineStateTests {
    @Test func placeHoldPacksRoleWaitingEpisodeAndPosition() {
        var hold = PlaceHold.none
        #expect(hold.isEmpty && hold.role == nil && hold.episode == 0)
        hold.begin(.had, waiting: true, position: 513)
        // Role code 2 (HAD) + 4 (waiting) in bits 24–27, episode 1 in bits 16–23, position 513.
        #expect(hold.rawValue == 0x0601_0201)
        #expect(hold.role == .had && hold.isWaiting && hold.isWaiting(for: .had) && !hold.holds(.had))
        #expect(!hold.isWaiting(for: .ssiad) && !hold.holdsHomeCare && hold.position == 513)
        hold.clear()
        // Cleared, the episode stays so that the next place is a new one (a stale end event is ignored).
        #expect(hold.isEmpty && hold.role == nil && hold.episode == 1 && hold.rawValue == 0x0001_0000)
        hold.begin(.ehpad, waiting: false, position: 7)
        #expect(hold.rawValue == 0x0302_0007 && hold.holds(.ehpad) && !hold.isWaiting && !hold.holdsHomeCare)
        hold.begin(.ssiad, waiting: false, position: 0)
        #expect(hold.holdsHomeCare && hold.episode == 3)
    }

    @Test func placeHoldEpisodeWrapsAt256() {
        var hold = PlaceHold(role: .ssiad, waiting: false, episode: 255, position: 65_535)
        #expect(hold.rawValue == 0x01FF_FFFF)
        hold.begin(.ssiad, waiting: false, position: 1)
        #expect(hold.episode == 0 && hold.rawValue == 0x0100_0001)
    }

    @Test func visitHistoryCountsFourProvidersThenOverflow() {
        var history = VisitHistory(agents: 2)
        #expect(!history.hasVisits(0))
        for label in [1, 1, 2, 3, 4, 5, 1] { history.record(0, label: label) }
        let counts = history.counts(0)
        // GPs 1..4 are binned (3, 1, 1, 1 visits); GP 5 overflows and counts as one more provider.
        #expect(counts.visits == 7 && counts.sameAsPrevious == 1)
        #expect(counts.providers == 5 && counts.sumOfSquares == 9 + 1 + 1 + 1 + 1 && counts.largest == 3)
        #expect(!history.hasVisits(1))
    }

    @Test func visitHistoryStopsCountingAt255Visits() {
        var history = VisitHistory(agents: 1)
        for _ in 0..<300 { history.record(0, label: 2) }
        let counts = history.counts(0)
        #expect(counts.visits == 255 && counts.sameAsPrevious == 254 && counts.providers == 1)
        #expect(counts.largest == 255 && counts.sumOfSquares == 255 * 255)
    }

    @Test func agentStateFlags() {
        var state: AgentState = .chronic
        state.insert(.inHospital)
        #expect(state.rawValue == 3)
        state.remove(.inHospital)
        #expect(state == .chronic && !state.contains(.inHospital))
        #expect(MemoryLayout<AgentState>.stride == 1 && MemoryLayout<PlaceHold>.stride == 4)
    }

    @Test func calendarEntryRoundTrips() {
        let kinds: [CalendarEntry.Kind] = [
            .need, .discharge, .electiveAdmission, .readmission, .ssiadEnd, .hadEnd, .ehpadEnd, .gpVisit, .gpSearch,
            .dischargeDeadline, .returnVisit,
        ]
        for (code, kind) in kinds.enumerated() {
            let entry = CalendarEntry(agent: 4_000_000_000, kind: kind, payload: 0x1AB_CDEF)
            // Agent in the high 32 bits, kind in bits 24–31, the payload cut to 24 bits.
            #expect(entry.bits == 4_000_000_000 << 32 | UInt64(code) << 24 | 0xAB_CDEF)
            #expect(entry.agent == 4_000_000_000 && entry.kind == kind && entry.payload == 0xAB_CDEF)
        }
        #expect(CalendarEntry.Kind.placeEnd(.had) == .hadEnd)
    }

    @Test func slotBookTreatsDaysBeforeTodayAsTaken() {
        // One provider, 10 days: a slot left free on day 1, day 4 full, one slot on days 5 and 8.
        var book = SlotBook(days: 10, slots: [0, 1, 0, 0, 0, 1, 0, 0, 1, 0], providers: 1)
        #expect(book.earliest(provider: 0, from: 0, tolerance: 3) == 1)
        #expect(book.nextFree[0] == 1)
        // From day 2 the free slot of day 1 is in the past: the next one is day 5, and it is remembered.
        book.today = 2
        #expect(book.earliest(provider: 0, from: 2, tolerance: 2) == nil)
        #expect(book.nextFree[0] == 5)
        #expect(book.earliest(provider: 0, from: 2, tolerance: 3) == 5)
        book.take(provider: 0, day: 5)
        // A request from a later day than the one remembered finds day 8 but does not move the memory.
        #expect(book.earliest(provider: 0, from: 6, tolerance: 2) == 8)
        #expect(book.nextFree[0] == 5)
        #expect(book.earliest(provider: 0, from: 2, tolerance: 5) == nil)
        #expect(book.nextFree[0] == 8)
        // The book ends on day 9: a tolerance beyond it is cut.
        book.take(provider: 0, day: 8)
        #expect(book.earliest(provider: 0, from: 2, tolerance: 30) == nil)
        #expect(book.nextFree[0] == 10)
    }

    @Test func gpsKnowWhetherAColleagueCanStandIn() throws {
        // g1 and g2 are members of the CPTS c1; g3 and g4 are partners; g5 works alone; the MSP m1
        // is a partner of g5 only (a group of one GP).
        let cpts = try Actor(id: "c1", kind: .cpts, name: "c1", point: GeoPoint(longitude: 2.35, latitude: 46.6))
        let msp = try Actor(id: "m1", kind: .msp, name: "m1", point: GeoPoint(longitude: 2.35, latitude: 46.6))
        let gps = try (1...5).map { try TinyTerritory.gp("g\($0)", perDay: 10, list: 100) }
        let territory = try Territory(
            name: "groups", zones: [TinyTerritory.zone("Z1", people: 100)],
            actors: gps + [cpts, msp, TinyTerritory.hospital("h1")],
            links: [
                Link(from: "g1", kind: .memberOf, to: "c1"), Link(from: "g2", kind: .memberOf, to: "c1"),
                Link(from: "g3", kind: .partner, to: "g4"), Link(from: "g5", kind: .partner, to: "m1"),
            ])
        let network = try CareNetwork(territory: territory, parameters: TinyTerritory.parameters())
        #expect(network.gp.actors == [0, 1, 2, 3, 4])
        #expect(network.gpHasColleague == [true, true, true, true, false])
        #expect(network.sameGroup(0, 1) && network.sameGroup(2, 3) && !network.sameGroup(1, 2))
        #expect(!network.sameGroup(4, 0) && !network.sameGroup(4, 3))
    }
}
