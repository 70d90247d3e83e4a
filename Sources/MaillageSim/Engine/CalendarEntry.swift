/// One entry of the day-bucketed event calendar, packed in 64 bits:
/// agent (32) | kind (8) | payload (24: a provider position, a need's time within the day, or a
/// long-stay place's position (16) and episode (8)).
enum CalendarEntry {
    static let need: UInt64 = 0
    static let discharge: UInt64 = 1
    static let electiveAdmission: UInt64 = 2
    static let readmission: UInt64 = 3
    static let ssiadEnd: UInt64 = 4
    static let hadEnd: UInt64 = 5
    static let ehpadEnd: UInt64 = 6
    /// A booked GP visit taking place: adds it to the patient's continuity sequence in visit order.
    static let gpVisit: UInt64 = 7
    /// A patient without a declared GP (theirs left) looks for one.
    static let gpSearch: UInt64 = 8
    /// A patient kept in bed for full downstream care goes home without it (payload: the hospital).
    static let dischargeDeadline: UInt64 = 9
    /// An unmet urgent need comes back as an emergency visit.
    static let returnVisit: UInt64 = 10

    @inline(__always)
    static func make(agent: Int, kind: UInt64, payload: Int) -> UInt64 {
        UInt64(truncatingIfNeeded: agent) << 32 | kind << 24 | UInt64(truncatingIfNeeded: payload) & 0xFF_FFFF
    }
}
