/// One entry of the day-bucketed event calendar, packed in 64 bits:
/// agent (32) | kind (8) | payload (24: a provider position, a need's time within the day, or a
/// long-stay place's position (16) and episode (8)).
struct CalendarEntry: Sendable {
    /// What happens to the agent.
    enum Kind: UInt8 {
        /// A need arises (payload: its time within the day, in 2⁻²⁴ days).
        case need
        /// A hospital stay ends (payload: the hospital).
        case discharge
        /// A planned stay (payload: the preferred hospital + 1, 0 = none).
        case electiveAdmission
        /// An unplanned readmission (payload: the hospital of the stay before).
        case readmission
        /// A long-stay place ends (payload: position | episode << 16).
        case ssiadEnd, hadEnd, ehpadEnd
        /// A booked GP visit taking place: adds it to the patient's continuity sequence in visit order.
        case gpVisit
        /// A patient without a declared GP (theirs left) looks for one.
        case gpSearch
        /// A patient kept in bed for full downstream care goes home without it (payload: the hospital).
        case dischargeDeadline
        /// An unmet urgent need comes back as an emergency visit.
        case returnVisit

        /// The end of a stay in a place of `role`.
        static func placeEnd(_ role: PlaceRole) -> Kind {
            switch role {
            case .ssiad: .ssiadEnd
            case .had: .hadEnd
            case .ehpad: .ehpadEnd
            }
        }
    }

    /// The payload's largest value (24 bits).
    static let maximumPayload = 0xFF_FFFF

    let bits: UInt64

    /// Packs an entry; the payload is cut to 24 bits.
    @inline(__always)
    init(agent: Int, kind: Kind, payload: Int) {
        bits =
            UInt64(truncatingIfNeeded: agent) << 32 | UInt64(kind.rawValue) << 24
            | UInt64(truncatingIfNeeded: payload) & UInt64(Self.maximumPayload)
    }

    @inline(__always) var agent: Int { Int(bits >> 32) }
    /// Entries are only made by `init(agent:kind:payload:)`, so the byte is a valid kind: it is
    /// reinterpreted rather than checked (`Kind(rawValue:)` is a call per event, 0.25 % of a run's
    /// instructions); a payload-free enum's tags are its cases in order, as are its raw values.
    @inline(__always) var kind: Kind {
        let code = UInt8(truncatingIfNeeded: bits >> 24)
        assert(Kind(rawValue: code) != nil)
        return unsafeBitCast(code, to: Kind.self)
    }
    @inline(__always) var payload: Int { Int(bits & UInt64(Self.maximumPayload)) }
}
