/// One entry of the day-bucketed event calendar, packed in 64 bits:
/// agent (32) | kind (8) | payload (24: a provider position, or a need's time within the day).
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

    @inline(__always)
    static func make(agent: Int, kind: UInt64, payload: Int) -> UInt64 {
        UInt64(truncatingIfNeeded: agent) << 32 | kind << 24 | UInt64(truncatingIfNeeded: payload) & 0xFF_FFFF
    }
}
