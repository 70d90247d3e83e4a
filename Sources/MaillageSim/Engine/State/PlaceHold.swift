/// The long-stay place (SSIAD, HAD, EHPAD) an agent holds or waits for, packed in 32 bits per agent.
///
/// Bits 24–27: the role (0 none, 1 SSIAD, 2 HAD, 3 EHPAD), plus 4 while on its waiting list;
/// bits 16–23: the episode, bumped at each new place or list so that a stale end event is
/// ignored; bits 0–15: the provider's position in the role.
struct PlaceHold: Sendable, Equatable {
    var rawValue: UInt32

    /// No place held or waited for, episode 0.
    static let none = PlaceHold(rawValue: 0)

    private static let waitingFlag: UInt32 = 4

    /// A hold from its packed bits.
    init(rawValue: UInt32) { self.rawValue = rawValue }

    /// A hold of `role` at `position` (on its waiting list when `waiting`), in episode `episode`.
    init(role: PlaceRole, waiting: Bool, episode: UInt32, position: Int) {
        let code = UInt32(role.rawValue + 1) | (waiting ? Self.waitingFlag : 0)
        rawValue = code << 24 | (episode & 0xFF) << 16 | UInt32(truncatingIfNeeded: position) & 0xFFFF
    }

    private var code: UInt32 { rawValue >> 24 }

    /// Nothing held or waited for.
    var isEmpty: Bool { code == 0 }
    /// The role held or waited for.
    var role: PlaceRole? { code & 3 == 0 ? nil : PlaceRole(rawValue: Int(code & 3) - 1) }
    /// Whether the agent is on the waiting list rather than in the place.
    var isWaiting: Bool { code & Self.waitingFlag != 0 }
    /// The provider's position in the role.
    var position: Int { Int(rawValue & 0xFFFF) }
    /// Bumped at each new place or waiting list (wraps at 256).
    var episode: UInt32 { (rawValue >> 16) & 0xFF }

    /// Whether the agent is in a place of `role` (not waiting for one).
    @inline(__always)
    func holds(_ role: PlaceRole) -> Bool { code == UInt32(role.rawValue + 1) }

    /// Whether the agent is on the waiting list of a `role`.
    @inline(__always)
    func isWaiting(for role: PlaceRole) -> Bool { code == UInt32(role.rawValue + 1) | Self.waitingFlag }

    /// Whether the agent is in an SSIAD or HAD place (home care, not waiting).
    var holdsHomeCare: Bool { holds(.ssiad) || holds(.had) }

    /// Holds or waits for a place of `role` at `position`, in a new episode.
    mutating func begin(_ role: PlaceRole, waiting: Bool, position: Int) {
        self = PlaceHold(role: role, waiting: waiting, episode: episode + 1, position: position)
    }

    /// Neither holds nor waits; the episode is kept, so that the next one is new.
    mutating func clear() { rawValue &= 0xFF << 16 }
}
