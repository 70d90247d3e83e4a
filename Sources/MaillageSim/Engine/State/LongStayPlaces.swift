/// SSIAD, HAD and EHPAD places in use and offered, with their waiting lists, indexed by
/// ``PlaceRole`` then position in the role.
struct LongStayPlaces: Sendable {
    /// One waiting-list entry: agent << 32 | day joined (its 32-bit pattern: the steady-state
    /// start puts requests made before day 0 on the lists).
    typealias Entry = UInt64

    var used: [[Int32]]
    var capacity: [[Int32]]
    /// Waiting lists in arrival order; entries before `waitingHead` have been served.
    var waiting: [[[Entry]]]
    var waitingHead: [[Int]]
    /// EHPAD residents.
    var residents = 0

    /// Every place free, every waiting list empty.
    init(capacity: [[Int32]]) {
        self.capacity = capacity
        used = capacity.map { Array(repeating: 0, count: $0.count) }
        waiting = capacity.map { Array(repeating: [], count: $0.count) }
        waitingHead = capacity.map { Array(repeating: 0, count: $0.count) }
    }

    /// Whether a provider has a place left (closures aside).
    @inline(__always)
    func hasFreePlace(_ role: PlaceRole, _ position: Int) -> Bool {
        used[role.rawValue][position] < capacity[role.rawValue][position]
    }

    /// Adds an agent at the end of a provider's waiting list.
    mutating func enqueue(agent: Int, day: Int, role: PlaceRole, position: Int) {
        waiting[role.rawValue][position].append(UInt64(agent) << 32 | UInt64(UInt32(bitPattern: Int32(day))))
    }

    /// The next (agent, day joined) on a provider's waiting list, removed from it.
    mutating func dequeue(role: PlaceRole, position: Int) -> (agent: Int, joined: Int)? {
        let r = role.rawValue
        guard waitingHead[r][position] < waiting[r][position].count else { return nil }
        let entry = waiting[r][position][waitingHead[r][position]]
        waitingHead[r][position] += 1
        return (Int(entry >> 32), Int(Int32(bitPattern: UInt32(truncatingIfNeeded: entry))))
    }

    /// Frees a served-out waiting list's storage.
    mutating func compactWaitingList(role: PlaceRole, position: Int) {
        let r = role.rawValue
        if waitingHead[r][position] == waiting[r][position].count, waitingHead[r][position] > 0 {
            waiting[r][position].removeAll(keepingCapacity: true)
            waitingHead[r][position] = 0
        }
    }
}
